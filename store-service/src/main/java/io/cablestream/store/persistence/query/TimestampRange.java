package io.cablestream.store.persistence.query;

import java.time.Instant;

/**
 * The instants the API accepts in filters and cursors: years 1 to 9999. PostgreSQL's timestamptz ends in 294276 AD
 * and refuses anything beyond it with an error, so a value outside is a bad parameter, never sent to it.
 */
public final class TimestampRange {

    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant END = Instant.parse("+10000-01-01T00:00:00Z");

    private TimestampRange() {
    }

    public static boolean contains(Instant instant) {
        return !instant.isBefore(EARLIEST) && instant.isBefore(END);
    }
}
