package io.cablestream.store.persistence.query;

import io.cablestream.store.service.ControlCharacters;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Where a page of {@code GET /api/cables} ended: the last cable's (DTG, id), the sort key of the list. Opaque to
 * clients: base64url of {@code <ISO instant or "-">\n<cable id>}; a cable without a DTG sorts as the oldest.
 */
public record Cursor(Instant dtg, String cableId) {

    private static final String NO_DTG = "-";

    public String encode() {
        String plain = (dtg == null ? NO_DTG : dtg.toString()) + "\n" + cableId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the text is not a cursor this service wrote */
    public static Cursor decode(String encoded) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a cursor this service wrote");
        }
        int newline = plain.indexOf('\n');
        if (newline < 0 || newline == plain.length() - 1) {
            throw new IllegalArgumentException("not a cursor this service wrote");
        }
        String dtg = plain.substring(0, newline);
        String cableId = plain.substring(newline + 1);
        Instant instant;
        try {
            instant = NO_DTG.equals(dtg) ? null : Instant.parse(dtg);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a cursor this service wrote");
        }
        // a cable id never holds a control character (NUL cannot even reach PostgreSQL), nor a DTG beyond its range
        if ((instant != null && !TimestampRange.contains(instant))
                || !ControlCharacters.replaced(cableId).equals(cableId) || cableId.length() > 200) {
            throw new IllegalArgumentException("not a cursor this service wrote");
        }
        return new Cursor(instant, cableId);
    }

    /** The sort key as PostgreSQL text, for a {@code ?::timestamptz} parameter. */
    String sortKey() {
        return dtg == null ? "-infinity" : dtg.toString();
    }
}
