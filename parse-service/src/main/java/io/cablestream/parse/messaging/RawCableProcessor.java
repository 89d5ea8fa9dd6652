package io.cablestream.parse.messaging;

import io.cablestream.events.CableJson;
import io.cablestream.events.DeadLetterHeaders;
import io.cablestream.events.ParsedCable;
import io.cablestream.events.RawCableHeaders;
import io.cablestream.parse.config.ParseConfig;
import io.cablestream.parse.service.UnparseableCableException;
import io.cablestream.parser.CableParser;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static io.cablestream.parse.messaging.HeaderText.header;


/**
 * cables.raw -> cable-parser -> cables.parsed (keyed by cable id); a record that is not a cable is nacked,
 * and the channel's dead-letter-queue failure strategy writes it to cables.dead-letter. The channel hands over each
 * poll's records as one batch, and {@code cables.parse.concurrency} batches are parsed at a time on worker threads;
 * a raw record's offset is committed only once its parsed event (or dead letter) is acknowledged, whatever order
 * they finish in. A parsed event the broker does not take is sent again ({@link ParsedDelivery}), never
 * dead-lettered: the nack of the outgoing side would otherwise reach the raw record's own nack, and so the
 * dead-letter strategy.
 */
@ApplicationScoped
public class RawCableProcessor {

    public static final String RAW_CHANNEL = "cables-raw";
    public static final String PARSED_CHANNEL = "cables-parsed";

    private static final Logger LOG = Logger.getLogger(RawCableProcessor.class);
    /** MDC keys, so every log line of a cable can be found by its ids (JSON logs carry the MDC). */
    private static final String INGEST_ID = "ingestId";
    private static final String CABLE_ID = "cableId";

    private final RawRecordParser parser;
    private final ParsedDelivery delivery;
    private final ParseConfig config;

    public RawCableProcessor(RawRecordParser parser, ParsedDelivery delivery, ParseConfig config) {
        this.parser = parser;
        this.delivery = delivery;
        this.config = config;
    }

    @Incoming(RAW_CHANNEL)
    @Outgoing(PARSED_CHANNEL)
    public Multi<Message<byte[]>> process(Multi<Message<List<byte[]>>> polls) {
        return polls.onItem()
                .transformToUni(poll -> Uni.createFrom().deferred(() -> parseAll(poll))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .merge(config.concurrency())
                .onItem().<Message<byte[]>>transformToIterable(parsed -> parsed)
                .onItem().transformToMulti(delivery::untilAcknowledged).merge(config.maxUnacknowledged());
    }

    /**
     * The parsed events of one poll's records, in their order, once the dead letters among them are written: one
     * hop to a worker thread per poll, not per record (each hop wakes a thread, which on a small VM costs more than
     * a parse). Each record keeps its own acknowledgement, so the commit still follows the parsed events' acks.
     */
    @SuppressWarnings("unchecked")
    private Uni<List<Message<byte[]>>> parseAll(Message<List<byte[]>> poll) {
        List<KafkaRecord<String, byte[]>> records = ((KafkaRecordBatch<String, byte[]>) poll).getRecords();
        List<Message<byte[]>> parsed = new ArrayList<>(records.size());
        List<Uni<Void>> deadLetters = new ArrayList<>();
        for (KafkaRecord<String, byte[]> raw : records) {
            Message<byte[]> event = parseOrDeadLetter(raw, deadLetters);
            if (event != null) {
                parsed.add(event);
            }
        }
        if (deadLetters.isEmpty()) {
            return Uni.createFrom().item(parsed);
        }
        return Uni.join().all(deadLetters).andCollectFailures().replaceWith(parsed);
    }

    /** The parsed event of a raw record, or null after adding the writing of its dead letter to deadLetters. */
    private Message<byte[]> parseOrDeadLetter(Message<byte[]> raw, List<Uni<Void>> deadLetters) {
        Headers headers = headers(raw);
        // "" for a record without one: the MDC takes no null
        MDC.put(INGEST_ID, Objects.requireNonNullElse(header(headers, RawCableHeaders.INGEST_ID), ""));
        try {
            ParsedCable cable = parser.parse(raw.getPayload(), headers);
            MDC.put(CABLE_ID, cable.cableId());
            LOG.debugf("parsed %s", describe(raw));
            var key = OutgoingKafkaRecordMetadata.<String>builder().withKey(cable.cableId()).build();
            return raw.withPayload(CableJson.toJsonBytes(cable)).addMetadata(key);
        } catch (UnparseableCableException e) {
            LOG.warnf("dead-lettering %s: %s", describe(raw), e.getMessage());
            deadLetters.add(Uni.createFrom().completionStage(raw.nack(e, deadLetterMetadata())));
            return null;
        } finally {
            MDC.remove(INGEST_ID);
            MDC.remove(CABLE_ID);
        }
    }

    /** Tells the dead-letter record which parser refused it, so a replay after a fix can be told apart. */
    private static Metadata deadLetterMetadata() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.PARSER_VERSION, CableParser.VERSION.getBytes(StandardCharsets.UTF_8));
        return Metadata.of(OutgoingKafkaRecordMetadata.builder().withHeaders(headers).build());
    }

    private static Headers headers(Message<byte[]> raw) {
        return raw.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getHeaders).orElseGet(RecordHeaders::new);
    }

    private static String describe(Message<byte[]> raw) {
        return raw.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> m.getTopic() + "-" + m.getPartition() + "@" + m.getOffset())
                .orElse("a record");
    }
}
