package io.cablestream.parse.messaging;

import io.cablestream.events.CableJson;
import io.cablestream.events.DeadLetterHeaders;
import io.cablestream.events.ParsedCable;
import io.cablestream.events.RawCableHeaders;
import io.cablestream.parser.CableParser;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.stream.Collectors;

/**
 * cables.raw -> {@link CableParser} -> cables.parsed (keyed by cable id); a record that is not a cable is
 * nacked, and the channel's dead-letter-queue failure strategy writes it to cables.dead-letter.
 * A raw record is acknowledged (its offset committed) only once its parsed event is acknowledged.
 */
@ApplicationScoped
public class RawCableProcessor {

    public static final String RAW_CHANNEL = "cables-raw";
    public static final String PARSED_CHANNEL = "cables-parsed";

    private static final Logger LOG = Logger.getLogger(RawCableProcessor.class);

    private final CableParser parser = new CableParser();

    @Incoming(RAW_CHANNEL)
    @Outgoing(PARSED_CHANNEL)
    public Multi<Message<String>> process(Multi<Message<byte[]>> raws) {
        return raws.onItem().transformToUniAndConcatenate(this::parseOrDeadLetter);
    }

    private Uni<Message<String>> parseOrDeadLetter(Message<byte[]> raw) {
        try {
            ParsedCable cable = parse(raw);
            var key = OutgoingKafkaRecordMetadata.<String>builder().withKey(cable.cableId()).build();
            return Uni.createFrom().item(raw.withPayload(CableJson.toJson(cable)).addMetadata(key));
        } catch (RuntimeException e) {
            UnparseableCableException failure = e instanceof UnparseableCableException unparseable
                    ? unparseable : new UnparseableCableException("parser failure: " + e, e);
            LOG.warnf("dead-lettering %s: %s", describe(raw), failure.getMessage());
            return Uni.createFrom().completionStage(raw.nack(failure, deadLetterMetadata()))
                    .onItem().transform(ignored -> (Message<String>) null);
        }
    }

    private ParsedCable parse(Message<byte[]> raw) {
        byte[] bytes = raw.getPayload();
        if (bytes == null || bytes.length == 0) {
            throw new UnparseableCableException("empty record");
        }
        ParsedCable cable = parser.parse(bytes);
        if (cable.cableId() == null) {
            String warnings = cable.warnings().stream().map(w -> w.code() + ": " + w.message())
                    .collect(Collectors.joining("; "));
            throw new UnparseableCableException("no cable id could be read" + (warnings.isEmpty() ? "" : " (" + warnings + ")"));
        }
        Headers headers = raw.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getHeaders).orElseGet(RecordHeaders::new);
        return cable.withIngest(header(headers, RawCableHeaders.INGEST_ID), header(headers, RawCableHeaders.SHA256),
                instant(header(headers, RawCableHeaders.RECEIVED_AT)), header(headers, RawCableHeaders.SOURCE),
                new String(bytes, StandardCharsets.UTF_8));
    }

    /** Tells the dead-letter record which parser refused it, so a replay after a fix can be told apart. */
    private static Metadata deadLetterMetadata() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.PARSER_VERSION, CableParser.VERSION.getBytes(StandardCharsets.UTF_8));
        return Metadata.of(OutgoingKafkaRecordMetadata.builder().withHeaders(headers).build());
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String describe(Message<byte[]> raw) {
        return raw.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> m.getTopic() + "-" + m.getPartition() + "@" + m.getOffset())
                .orElse("a record");
    }
}
