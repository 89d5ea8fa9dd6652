package io.cablestream.store.rest;

import io.cablestream.store.config.StoreConfig;
import io.cablestream.store.persistence.query.CableQuery;
import io.cablestream.store.persistence.query.Cursor;
import io.cablestream.store.persistence.query.TimestampRange;
import io.cablestream.store.service.ControlCharacters;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Turns the query parameters of {@code GET /api/cables} into a {@link CableQuery}, or a
 * {@link BadParameterException} naming the first one that does not make sense. Codes are matched in upper case,
 * as cables write them.
 */
@ApplicationScoped
public class CableListParameters {

    private final StoreConfig.Page page;

    public CableListParameters(StoreConfig config) {
        this.page = config.page();
    }

    public CableQuery parse(String tag, String origin, String classification, String from, String to, String q,
                            String sort, String limit, String cursor) {
        // an empty value, as an HTML form sends for an empty field, is no filter; a blank one is a mistake
        tag = emptyToNull(tag);
        origin = emptyToNull(origin);
        classification = emptyToNull(classification);
        from = emptyToNull(from);
        to = emptyToNull(to);
        q = emptyToNull(q);
        sort = emptyToNull(sort);
        limit = emptyToNull(limit);
        cursor = emptyToNull(cursor);
        if (from != null && to != null && instant("from", from, false).isAfter(instant("to", to, false))) {
            throw new BadParameterException("to", "must not be before from (" + from + ")");
        }
        Instant start = from == null ? null : instant("from", from, false);
        Instant end = to == null ? null : instant("to", to, true);
        return new CableQuery(code("tag", tag), code("origin", origin), code("classification", classification),
                start, end, text("q", q), newestFirst(sort), limit(limit), cursor(cursor));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static String code(String name, String value) {
        return value == null ? null : text(name, value).toUpperCase(Locale.ROOT);
    }

    static String text(String name, String value) {
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw new BadParameterException(name, "must not be blank");
        }
        if (value.length() > 500) {
            throw new BadParameterException(name, "is longer than 500 characters");
        }
        if (!ControlCharacters.replaced(value).equals(value)) {
            // NUL cannot reach PostgreSQL at all, and no stored code or word holds a control character
            throw new BadParameterException(name, "must not contain control characters");
        }
        return value.trim();
    }

    /**
     * An instant, an offset date-time, or a date (UTC). Both ends are inclusive, and {@code to} as a date
     * includes its whole day; the query's end is exclusive, so it is the next day, or one microsecond (PostgreSQL's
     * resolution) after the instant.
     */
    static Instant instant(String name, String value, boolean endOfRange) {
        try {
            Instant instant = value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
            if (!TimestampRange.contains(instant)) {
                throw new BadParameterException(name, "'" + value + "' is outside the years 0001 to 9999");
            }
            if (value.length() == 10) {
                return endOfRange ? instant.plus(java.time.Duration.ofDays(1)) : instant;
            }
            return endOfRange ? instant.plusNanos(1_000) : instant;
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw new BadParameterException(name, "'" + value + "' is neither an ISO date (2009-04-07) nor an"
                    + " ISO instant (2009-04-07T15:27:00Z)");
        }
    }

    private static boolean newestFirst(String sort) {
        if (sort == null || "-dtg".equals(sort)) {
            return true;
        }
        if ("dtg".equals(sort)) {
            return false;
        }
        throw new BadParameterException("sort", "must be dtg (oldest first) or -dtg (newest first)");
    }

    private int limit(String limit) {
        return limit(page, limit);
    }

    /** A page size from 1 to the configured maximum, the default when absent. */
    static int limit(StoreConfig.Page page, String limit) {
        if (limit == null) {
            return page.defaultLimit();
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= page.maxLimit()) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadParameterException("limit", "must be a whole number from 1 to " + page.maxLimit());
    }

    private static Cursor cursor(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            return Cursor.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("cursor", "is not a nextCursor of this API");
        }
    }
}
