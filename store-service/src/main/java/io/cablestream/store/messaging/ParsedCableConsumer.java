package io.cablestream.store.messaging;

import io.cablestream.events.CableJson;
import io.cablestream.events.DeadLetterHeaders;
import io.cablestream.events.ParsedCable;
import io.cablestream.events.Topics;
import io.cablestream.store.persistence.CableStorage;
import io.cablestream.store.persistence.StoreResult;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * cables.parsed -> PostgreSQL, one transaction per polled batch. An event that is not a valid ParsedCable is
 * dead-lettered on its own, so it cannot hold back the rest of its batch.
 */
@ApplicationScoped
public class ParsedCableConsumer {

    public static final String PARSED_CHANNEL = "cables-parsed";
    public static final String DEAD_LETTER_CHANNEL = "store-dead-letter";

    private static final Logger LOG = Logger.getLogger(ParsedCableConsumer.class);

    private final CableStorage storage;
    private final MutinyEmitter<String> deadLetters;

    public ParsedCableConsumer(CableStorage storage, @Channel(DEAD_LETTER_CHANNEL) MutinyEmitter<String> deadLetters) {
        this.storage = storage;
        this.deadLetters = deadLetters;
    }

    @Incoming(PARSED_CHANNEL)
    @Blocking
    public void store(ConsumerRecords<String, String> batch) {
        List<ParsedCable> cables = new ArrayList<>(batch.count());
        for (ConsumerRecord<String, String> record : batch) {
            try {
                cables.add(readable(record));
            } catch (RuntimeException e) {
                deadLetter(record, e);
            }
        }
        if (!cables.isEmpty()) {
            StoreResult result = storage.store(cables);
            LOG.debugf("inserted %d, replaced %d, ignored %d not newer", result.inserted(), result.replaced(),
                    result.ignored());
        }
    }

    private static ParsedCable readable(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            throw new IllegalArgumentException("the event has no value");
        }
        ParsedCable cable = CableJson.fromJson(record.value());
        if (cable.cableId() == null || cable.cableId().isBlank()) {
            throw new IllegalArgumentException("the event has no cableId");
        }
        if (cable.parserVersion() == null) {
            throw new IllegalArgumentException("the event has no parserVersion");
        }
        return cable;
    }

    private void deadLetter(ConsumerRecord<String, String> record, RuntimeException failure) {
        LOG.warnf("dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                failure.getMessage());
        RecordHeaders headers = new RecordHeaders();
        add(headers, DeadLetterHeaders.REASON, failure.getMessage());
        add(headers, DeadLetterHeaders.EXCEPTION_CLASS, failure.getClass().getName());
        add(headers, DeadLetterHeaders.SOURCE_TOPIC, record.topic());
        add(headers, DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(record.partition()));
        add(headers, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(record.offset()));
        var metadata = OutgoingKafkaRecordMetadata.<String>builder().withTopic(Topics.DEAD_LETTER)
                .withKey(record.key()).withHeaders(headers).build();
        // waits for the broker, so the batch's offsets are never committed past a dead letter that was lost
        deadLetters.sendMessageAndAwait(Message.of(record.value() == null ? "" : record.value()).addMetadata(metadata));
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
    }
}
