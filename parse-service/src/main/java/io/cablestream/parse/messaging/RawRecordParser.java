package io.cablestream.parse.messaging;

import io.cablestream.events.ParsedCable;
import io.cablestream.events.RawCableHeaders;
import io.cablestream.parse.metrics.ParseMetrics;
import io.cablestream.parse.service.CableParsing;
import io.cablestream.parse.service.RawCableMetadata;
import io.cablestream.parse.service.UnparseableCableException;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Headers;

import static io.cablestream.parse.messaging.HeaderText.header;

/**
 * Turns one raw record (bytes and headers of cables.raw) into the ParsedCable event, or says why it cannot, and
 * counts it: the one place the live consumer and the replays share.
 */
@ApplicationScoped
public class RawRecordParser {

    private final CableParsing parsing = new CableParsing();
    private final ParseMetrics metrics;

    public RawRecordParser(ParseMetrics metrics) {
        this.metrics = metrics;
    }

    public ParsedCable parse(byte[] bytes, Headers headers) {
        try {
            RawCableMetadata metadata = metadata(headers);
            ParsedCable cable = metrics.timeParse(() -> parsing.read(bytes, metadata));
            metrics.parsed();
            return cable.withIngest(metadata.ingest());
        } catch (UnparseableCableException e) {
            metrics.deadLettered(e.category());
            throw e;
        }
    }

    private static RawCableMetadata metadata(Headers headers) {
        return new RawCableMetadata(header(headers, RawCableHeaders.INGEST_ID),
                header(headers, RawCableHeaders.SHA256), header(headers, RawCableHeaders.RECEIVED_AT),
                header(headers, RawCableHeaders.SOURCE), header(headers, RawCableHeaders.CHARSET),
                header(headers, RawCableHeaders.RELEASE_PREFIX + "id"),
                header(headers, RawCableHeaders.RELEASE_PREFIX + "date"),
                header(headers, RawCableHeaders.RELEASE_PREFIX + "classification"));
    }
}
