package io.cablestream.ingest.messaging;

import io.cablestream.events.RawCableHeaders;
import io.cablestream.events.Topics;
import io.cablestream.ingest.service.RawCable;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes accepted cables to cables.raw; the returned future completes when the broker has acknowledged.
 *
 * <p>The record goes straight to the Kafka producer of the {@code cables-raw} channel (configured, created and
 * health-checked by SmallRye as before, from {@code mp.messaging.outgoing.cables-raw.*}), not through the
 * channel's emitter: the emitter's per-message Mutiny pipeline, message and metadata objects and its producer
 * span were a sixth of the service's CPU in the bench profile. The request's trace context is written into the
 * record's {@code traceparent} header here (W3C propagator), whether or not the trace is sampled.
 */
@ApplicationScoped
public class RawCablePublisher {

    public static final String CHANNEL = "cables-raw";

    private static final TextMapSetter<Headers> HEADER_SETTER =
            (headers, name, value) -> headers.remove(name).add(name, value.getBytes(StandardCharsets.UTF_8));

    private final KafkaClientService clients;
    private final OpenTelemetry openTelemetry;
    private final String topic;
    private volatile Producer<String, byte[]> producer;

    /** The emitter is not used to send: injecting it is what makes SmallRye create the channel and its producer. */
    public RawCablePublisher(@Channel(CHANNEL) MutinyEmitter<byte[]> channel, KafkaClientService clients,
                             OpenTelemetry openTelemetry,
                             @ConfigProperty(name = "mp.messaging.outgoing." + CHANNEL + ".topic",
                                     defaultValue = Topics.RAW) String topic) {
        this.clients = clients;
        this.openTelemetry = openTelemetry;
        this.topic = topic;
    }

    /** Completes when the broker has acknowledged the record, or fails with the producer's error. */
    public CompletableFuture<Void> publish(RawCable cable) {
        Headers headers = headers(cable);
        openTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), headers, HEADER_SETTER);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, cable.sha256(), cable.text(), headers);
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        try {
            producer().send(record, (metadata, failure) -> {
                if (failure != null) {
                    acknowledged.completeExceptionally(failure);
                } else {
                    acknowledged.complete(null);
                }
            });
        } catch (RuntimeException failure) { // e.g. no metadata or no buffer space within max.block.ms
            acknowledged.completeExceptionally(failure);
        }
        return acknowledged;
    }

    /**
     * The record's size as the producer measures it against max.request.size (one record in a batch of its own,
     * uncompressed), plus room for the traceparent header added when it is sent. Only a cable that might be
     * near the limit has its headers built twice.
     */
    public int recordSize(RawCable cable, int limit) {
        long cheapBound = 1024L + cable.text().length + 3L * (length(cable.source()) + length(cable.contentType())
                + cable.release().entrySet().stream().mapToLong(e -> 32 + length(e.getKey()) + length(e.getValue()))
                .sum());
        if (cheapBound <= limit) {
            return (int) cheapBound;
        }
        byte[] key = cable.sha256().getBytes(StandardCharsets.UTF_8);
        return AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.CURRENT_MAGIC_VALUE, CompressionType.NONE,
                key, cable.text(), headers(cable).toArray()) + TRACEPARENT_ROOM;
    }

    private static final int TRACEPARENT_ROOM = 128;

    private static long length(String value) {
        return value == null ? 0 : value.length();
    }

    private Producer<String, byte[]> producer() {
        Producer<String, byte[]> current = producer;
        if (current == null) {
            current = clients.<String, byte[]>getProducer(CHANNEL).unwrap();
            producer = current;
        }
        return current;
    }

    private static RecordHeaders headers(RawCable cable) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, RawCableHeaders.INGEST_ID, cable.ingestId());
        add(headers, RawCableHeaders.SHA256, cable.sha256());
        add(headers, RawCableHeaders.SOURCE, cable.source());
        add(headers, RawCableHeaders.RECEIVED_AT, cable.receivedAt().toString());
        add(headers, RawCableHeaders.CONTENT_TYPE, cable.contentType());
        add(headers, RawCableHeaders.CHARSET, cable.charset());
        if (cable.charsetGuessed()) {
            add(headers, RawCableHeaders.CHARSET_GUESSED, "true");
        }
        cable.release().forEach((name, value) -> add(headers, RawCableHeaders.RELEASE_PREFIX + name, value));
        return headers;
    }

    private static void add(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
