package io.cablestream.store.persistence.write;

import io.agroal.api.AgroalDataSource;
import io.cablestream.store.service.DatabaseUnavailableException;
import io.cablestream.store.service.DeadLetterRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;

/**
 * Stores dead letters, one transaction per batch. A record already stored (the same coordinates, or the same source
 * record dead-lettered again) is skipped, so redelivery is harmless. Texts have no NUL by then ({@link
 * DeadLetterRecord}'s maker replaces it); should the database still refuse a value, the batch is written record by
 * record and only that one is left out (it stays in the topic), logged.
 */
@ApplicationScoped
public class DeadLetterStorage {

    private static final Logger LOG = Logger.getLogger(DeadLetterStorage.class);

    // no conflict target: either unique index (own coordinates, or the source record's) makes it a duplicate
    private static final String INSERT = """
            INSERT INTO dead_letter (topic, topic_partition, topic_offset, record_key, reason, reason_detail,
                                     exception_class, source_topic, source_partition, source_offset, parser_version,
                                     value, record_time)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";

    private final AgroalDataSource dataSource;

    public DeadLetterStorage(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @throws DatabaseUnavailableException when the batch must be retried */
    public void store(List<DeadLetterRecord> records) {
        try {
            write(records);
            return;
        } catch (SQLException e) {
            if (!CableStorage.blamesTheData(e)) {
                throw new DatabaseUnavailableException("could not store " + records.size() + " dead letters: "
                        + e.getMessage(), e);
            }
        }
        for (DeadLetterRecord record : records) {
            try {
                write(List.of(record));
            } catch (SQLException e) {
                if (!CableStorage.blamesTheData(e)) {
                    throw new DatabaseUnavailableException("could not store a dead letter: " + e.getMessage(), e);
                }
                LOG.errorf("the database refused dead letter %s-%d@%d, left in the topic: %s", record.topic(),
                        record.partition(), record.offset(), e.getMessage());
            }
        }
    }

    private void write(List<DeadLetterRecord> records) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            connection.setAutoCommit(false);
            try {
                for (DeadLetterRecord r : records) {
                    int i = 0;
                    insert.setString(++i, r.topic());
                    insert.setInt(++i, r.partition());
                    insert.setLong(++i, r.offset());
                    insert.setString(++i, r.key());
                    insert.setString(++i, r.reason());
                    insert.setString(++i, r.reasonDetail());
                    insert.setString(++i, r.exceptionClass());
                    insert.setString(++i, r.sourceTopic());
                    insert.setObject(++i, r.sourcePartition(), Types.INTEGER);
                    insert.setObject(++i, r.sourceOffset(), Types.BIGINT);
                    insert.setString(++i, r.parserVersion());
                    insert.setBytes(++i, r.value());
                    insert.setTimestamp(++i, r.recordTime() == null ? null : Timestamp.from(r.recordTime()));
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
