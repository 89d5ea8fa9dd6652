package io.cablestream.parse.domain;

import io.cablestream.events.ParsedCable;
import io.cablestream.events.RawCableHeaders;
import io.cablestream.parser.CableParser;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Headers;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.stream.Collectors;

import static io.cablestream.parse.domain.HeaderText.header;

/**
 * Turns one raw record (bytes and headers of cables.raw) into the ParsedCable event, or says why it cannot:
 * the one place the live consumer and the replays share.
 */
@ApplicationScoped
public class CableParsing {

    private final CableParser parser = new CableParser();
    private final Timer parseTimer;
    private final Counter parsed;
    private final MeterRegistry registry;

    public CableParsing(MeterRegistry registry) {
        this.registry = registry;
        this.parseTimer = Timer.builder("cables.parse.duration").description("Time to parse one cable")
                .publishPercentileHistogram().register(registry);
        // looked up once: a registry lookup per cable (tags, map) showed in the load profile
        this.parsed = registry.counter("cables.parsed", "outcome", "parsed");
    }

    public ParsedCable parse(byte[] bytes, Headers headers) {
        try {
            String source = header(headers, RawCableHeaders.SOURCE);
            ParsedCable cable = parseTimer.record(() -> read(bytes, releaseMetadata(headers), source));
            parsed.increment();
            return cable.withIngest(new ParsedCable.Ingest(header(headers, RawCableHeaders.INGEST_ID),
                    header(headers, RawCableHeaders.SHA256), instant(header(headers, RawCableHeaders.RECEIVED_AT)),
                    source, header(headers, RawCableHeaders.CHARSET)));
        } catch (UnparseableCableException e) {
            registry.counter("cables.parsed", "outcome", "dead-lettered", "reason", e.category()).increment();
            throw e;
        }
    }

    /**
     * The release's columns that came beside the text (a cables.csv row's id, date and classification, as
     * ingest's {@code release.*} headers): the parser takes them where the text lost its header. Null without any.
     */
    private static CableParser.ReleaseMetadata releaseMetadata(Headers headers) {
        String id = header(headers, RawCableHeaders.RELEASE_PREFIX + "id");
        String date = header(headers, RawCableHeaders.RELEASE_PREFIX + "date");
        String classification = header(headers, RawCableHeaders.RELEASE_PREFIX + "classification");
        return id == null && date == null && classification == null ? null
                : new CableParser.ReleaseMetadata(id, date, classification);
    }

    /**
     * The parsed cable, or why it cannot be stored. The source header (the file or archive entry name ingest read
     * it from) gives the id of a partial extract whose text has no year, where it agrees with the text.
     */
    private ParsedCable read(byte[] bytes, CableParser.ReleaseMetadata release, String source) {
        if (bytes == null || bytes.length == 0) {
            throw new UnparseableCableException("empty", "empty record");
        }
        ParsedCable cable;
        try {
            cable = parser.parse(bytes, release, source);
        } catch (RuntimeException e) {
            throw new UnparseableCableException("parser-error", "parser failure: " + e, e);
        }
        if (cable.cableId() == null) {
            String warnings = cable.warnings().stream().map(w -> w.code() + ": " + w.message())
                    .collect(Collectors.joining("; "));
            // a parse stopped by its time budget before the id was read is told apart: a replay may well read it
            boolean timedOut = cable.warnings().stream().anyMatch(w -> w.code().equals("PARSE_TIMEOUT"));
            throw new UnparseableCableException(timedOut ? "parse-timeout" : "no-cable-id",
                    "no cable id could be read" + (warnings.isEmpty() ? "" : " (" + warnings + ")"));
        }
        return cable;
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
