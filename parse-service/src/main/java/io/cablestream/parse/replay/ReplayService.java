package io.cablestream.parse.replay;

import io.cablestream.events.CableJson;
import io.cablestream.events.DeadLetterHeaders;
import io.cablestream.events.ParsedCable;
import io.cablestream.events.Topics;
import io.cablestream.parse.messaging.RawRecordParser;
import io.cablestream.parse.service.UnparseableCableException;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import static io.cablestream.parse.messaging.HeaderText.header;

/**
 * Parses records again with the current parser and publishes the results to cables.parsed: the dead letters
 * of cables.raw after a parser fix, or a range of cables.raw so a new parser version updates the store.
 * Both are idempotent: the store ignores an event whose parser version is not newer than the stored one.
 */
@ApplicationScoped
public class ReplayService {

    private static final Logger LOG = Logger.getLogger(ReplayService.class);

    private final RawRecordParser parser;
    private final Config config;
    /** kafka.* of the configuration: the broker's address and how to authenticate to it */
    private final Map<String, Object> broker;

    public ReplayService(RawRecordParser parser, Config config,
            @Identifier("default-kafka-broker") Map<String, Object> broker) {
        this.parser = parser;
        this.config = config;
        this.broker = broker;
    }

    /** Every dead letter that came from cables.raw, parsed again. */
    public ReplayReport replayDeadLetters() {
        return replay(Topics.DEAD_LETTER, new RawRange(null, null, null, null), true);
    }

    /** The given slice of cables.raw, parsed again. */
    public ReplayReport reparseRaw(RawRange range) {
        return replay(Topics.RAW, range, false);
    }

    private ReplayReport replay(String topic, RawRange range, boolean deadLetters) {
        Tally tally = new Tally();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            new TopicScanner(broker).scan(topic, range, record -> {
                tally.read++;
                if (deadLetters && !Topics.RAW.equals(header(record.headers(), DeadLetterHeaders.SOURCE_TOPIC))) {
                    tally.skipped++;
                    return;
                }
                try {
                    ParsedCable cable = parser.parse(record.value(), record.headers());
                    tally.last = producer.send(new ProducerRecord<>(Topics.PARSED, cable.cableId(), CableJson.toJsonBytes(cable)));
                    tally.republished++;
                } catch (UnparseableCableException e) {
                    tally.failures.merge(e.category(), 1L, Long::sum);
                }
            });
            producer.flush();
            awaitLast(tally);
        }
        ReplayReport report = new ReplayReport(tally.read, tally.republished,
                tally.failures.values().stream().mapToLong(Long::longValue).sum(), tally.skipped, tally.failures);
        LOG.infof("replayed %s: %s", topic, report);
        return report;
    }

    /** Surfaces a send that failed (flush alone does not throw), so a report never claims what is not there. */
    private static void awaitLast(Tally tally) {
        if (tally.last == null) {
            return;
        }
        try {
            tally.last.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish to " + Topics.PARSED + ": " + e.getCause(), e);
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(ParsedProducerConfig.of(config, broker));
    }

    private static final class Tally {
        long read;
        long republished;
        long skipped;
        Future<?> last;
        final Map<String, Long> failures = new TreeMap<>();
    }
}
