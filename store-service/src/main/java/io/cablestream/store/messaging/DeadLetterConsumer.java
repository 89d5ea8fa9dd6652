package io.cablestream.store.messaging;

import io.cablestream.events.DeadLetterHeaders;
import io.cablestream.store.config.StoreConfig;
import io.cablestream.store.metrics.StoreMetrics;
import io.cablestream.store.persistence.write.DeadLetterStorage;
import io.cablestream.store.service.ControlCharacters;
import io.cablestream.store.service.DeadLetterRecord;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * cables.dead-letter -> the dead_letter table (group store-service-dead-letters), so that what no service could
 * read is visible at /api/dead-letters. It never produces: the store's own dead letters come back here once and
 * are stored once.
 */
@ApplicationScoped
public class DeadLetterConsumer {

    public static final String CHANNEL = "dead-letters";
    /** Header texts are bounded: a reason may quote its input (Jackson quotes up to 500 characters). */
    private static final int MAX_TEXT = 4000;

    private final DeadLetterStorage storage;
    private final StoreConfig.Retry retry;
    private final StoreMetrics metrics;

    public DeadLetterConsumer(DeadLetterStorage storage, StoreConfig config, StoreMetrics metrics) {
        this.storage = storage;
        this.retry = config.retry();
        this.metrics = metrics;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void store(ConsumerRecords<byte[], byte[]> batch) {
        List<DeadLetterRecord> records = new ArrayList<>(batch.count());
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            records.add(of(record));
        }
        if (!records.isEmpty()) {
            DatabaseRetry.untilTheDatabaseTakesIt(() -> {
                storage.store(records);
                return records.size();
            }, "a batch of " + records.size() + " dead letters", retry, metrics);
        }
    }

    static DeadLetterRecord of(ConsumerRecord<byte[], byte[]> record) {
        String detail = header(record, DeadLetterHeaders.REASON);
        return new DeadLetterRecord(record.topic(), record.partition(), record.offset(), text(record.key()),
                DeadLetterRecord.shortReason(detail), detail, header(record, DeadLetterHeaders.EXCEPTION_CLASS),
                header(record, DeadLetterHeaders.SOURCE_TOPIC),
                number(header(record, DeadLetterHeaders.SOURCE_PARTITION), Integer::valueOf),
                number(header(record, DeadLetterHeaders.SOURCE_OFFSET), Long::valueOf),
                header(record, DeadLetterHeaders.PARSER_VERSION),
                record.value() == null ? new byte[0] : record.value(),
                record.timestamp() > 0 ? Instant.ofEpochMilli(record.timestamp()) : null);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : text(header.value());
    }

    /** UTF-8 (malformed bytes as U+FFFD), controls as U+FFFD, bounded: text a table can always hold. */
    private static String text(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        String s = new String(bytes, StandardCharsets.UTF_8);
        return ControlCharacters.replaced(s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) : s);
    }

    private static <T> T number(String text, java.util.function.Function<String, T> parse) {
        try {
            return text == null ? null : parse.apply(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
