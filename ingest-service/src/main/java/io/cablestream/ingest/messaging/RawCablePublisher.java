package io.cablestream.ingest.messaging;

import io.cablestream.events.RawCableHeaders;
import io.cablestream.ingest.domain.RawCable;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;

/** Publishes accepted cables to cables.raw; the returned Uni completes when the broker has acknowledged. */
@ApplicationScoped
public class RawCablePublisher {

    public static final String CHANNEL = "cables-raw";

    private final MutinyEmitter<byte[]> emitter;

    public RawCablePublisher(@Channel(CHANNEL) MutinyEmitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(RawCable cable) {
        var metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(cable.sha256())
                .withHeaders(headers(cable))
                .build();
        // the trace of the request (or feed) that brought the cable: the sink's span, and so the record's
        // traceparent header, continue it even when the send happens after the request's thread moved on
        return emitter.sendMessage(Message.of(cable.text()).addMetadata(metadata)
                .addMetadata(TracingMetadata.withPrevious(Context.current())));
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
