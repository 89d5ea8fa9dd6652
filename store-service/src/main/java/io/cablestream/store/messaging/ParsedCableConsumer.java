package io.cablestream.store.messaging;

import io.cablestream.events.DeadLetterHeaders;
import io.cablestream.events.RawCableHeaders;
import io.cablestream.events.Topics;
import io.cablestream.store.config.StoreConfig;
import io.cablestream.store.metrics.StoreMetrics;
import io.cablestream.store.persistence.write.CableStorage;
import io.cablestream.store.service.CableEvent;
import io.cablestream.store.service.ParsedEventReader;
import io.cablestream.store.service.StoreResult;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * cables.parsed -> PostgreSQL, one transaction per polled batch. An event that is not a valid ParsedCable, or that
 * the database refuses, is dead-lettered on its own, so it cannot hold back the rest of its batch. While the
 * database is away the batch is written again and again with backoff: its offsets are committed only after it
 * is stored, and the consumer resumes by itself when the database is back.
 */
@ApplicationScoped
public class ParsedCableConsumer {

    public static final String PARSED_CHANNEL = "cables-parsed";
    public static final String DEAD_LETTER_CHANNEL = "store-dead-letter";

    private static final Logger LOG = Logger.getLogger(ParsedCableConsumer.class);

    private final CableStorage storage;
    private final MutinyEmitter<byte[]> deadLetters;
    private final StoreConfig.Retry retry;
    private final StoreMetrics metrics;

    public ParsedCableConsumer(CableStorage storage, @Channel(DEAD_LETTER_CHANNEL) MutinyEmitter<byte[]> deadLetters,
                               StoreConfig config, StoreMetrics metrics) {
        this.storage = storage;
        this.deadLetters = deadLetters;
        this.retry = config.retry();
        this.metrics = metrics;
    }

    @Incoming(PARSED_CHANNEL)
    @Blocking
    public void store(ConsumerRecords<String, byte[]> batch) {
        List<CableEvent> events = new ArrayList<>(batch.count());
        Map<CableEvent, ConsumerRecord<String, byte[]>> records = new IdentityHashMap<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            try {
                CableEvent event = new CableEvent(ParsedEventReader.read(record.value()), traceId(record));
                events.add(event);
                records.put(event, record);
            } catch (RuntimeException e) {
                deadLetter(record, e.getMessage(), e.getClass().getName());
            }
        }
        if (events.isEmpty()) {
            return;
        }
        StoreResult result = storeUntilTheDatabaseTakesIt(events);
        for (StoreResult.Refusal refusal : result.refused()) {
            deadLetter(records.get(refusal.event()), refusal.reason(), refusal.exceptionClass());
        }
        LOG.debugf("inserted %d, replaced %d, ignored %d not newer, refused %d", result.inserted(),
                result.replaced(), result.ignored(), result.refused().size());
    }

    private StoreResult storeUntilTheDatabaseTakesIt(List<CableEvent> events) {
        return DatabaseRetry.untilTheDatabaseTakesIt(() -> storage.store(events),
                "a batch of " + events.size() + " cables", retry, metrics);
    }

    /** The trace id of a W3C traceparent header ({@code 00-<trace id>-<span id>-<flags>}), or null. */
    private static String traceId(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(RawCableHeaders.TRACEPARENT);
        if (header == null) {
            return null;
        }
        String[] parts = new String(header.value(), StandardCharsets.US_ASCII).split("-");
        return parts.length == 4 && parts[1].length() == 32 ? parts[1] : null;
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason, String exceptionClass) {
        MDC.put("cableId", String.valueOf(record.key()));
        try {
            LOG.warnf("dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        } finally {
            MDC.remove("cableId");
        }
        RecordHeaders headers = new RecordHeaders();
        add(headers, DeadLetterHeaders.REASON, reason);
        add(headers, DeadLetterHeaders.EXCEPTION_CLASS, exceptionClass);
        add(headers, DeadLetterHeaders.SOURCE_TOPIC, record.topic());
        add(headers, DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(record.partition()));
        add(headers, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(record.offset()));
        var metadata = OutgoingKafkaRecordMetadata.<String>builder().withTopic(Topics.DEAD_LETTER)
                .withKey(record.key()).withHeaders(headers).build();
        // waits for the broker, so the batch's offsets are never committed past a dead letter that was lost
        byte[] value = record.value() == null ? new byte[0] : record.value();
        deadLetters.sendMessageAndAwait(Message.of(value).addMetadata(metadata));
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
    }
}
