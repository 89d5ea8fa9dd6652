package io.cablestream.parse.replay;

import java.time.Instant;

/**
 * A range of cables.raw to parse again: by record time ({@code from} inclusive, {@code to} exclusive) and/or
 * by offset ({@code fromOffset} inclusive, {@code toOffset} exclusive, in every partition). Open ends mean
 * "from the beginning" and "up to the end as it is when the replay starts".
 */
public record RawRange(Instant from, Instant to, Long fromOffset, Long toOffset) {

    public RawRange {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        if (fromOffset != null && fromOffset < 0 || toOffset != null && toOffset < 0) {
            throw new IllegalArgumentException("offsets are not negative");
        }
        if (fromOffset != null && toOffset != null && fromOffset >= toOffset) {
            throw new IllegalArgumentException("fromOffset must be below toOffset");
        }
    }
}
