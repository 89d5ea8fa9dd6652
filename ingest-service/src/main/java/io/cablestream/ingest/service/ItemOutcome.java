package io.cablestream.ingest.service;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What became of one cable: {@code accepted} (with its ingest id), {@code duplicate}, or {@code rejected} and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemOutcome(String source, String ingestId, String sha256, String status, String reason,
                          String detail) {

    public static final String ACCEPTED = "accepted";
    public static final String DUPLICATE = "duplicate";
    public static final String REJECTED = "rejected";

    public static ItemOutcome accepted(RawCable cable) {
        return new ItemOutcome(cable.source(), cable.ingestId(), cable.sha256(), ACCEPTED, null, null);
    }

    public static ItemOutcome duplicate(RawCable cable) {
        return new ItemOutcome(cable.source(), null, cable.sha256(), DUPLICATE, null, null);
    }

    public static ItemOutcome rejected(String source, RejectedCableException why) {
        return new ItemOutcome(shown(source), null, null, REJECTED, why.reason(), why.getMessage());
    }

    /** A source as answered and logged: a hostile one of megabytes is cut, not echoed back whole. */
    public static String shown(String source) {
        return source == null || source.length() <= SHOWN_SOURCE_CHARS ? source
                : source.substring(0, SHOWN_SOURCE_CHARS) + "... (" + source.length() + " characters)";
    }

    private static final int SHOWN_SOURCE_CHARS = 200;
}
