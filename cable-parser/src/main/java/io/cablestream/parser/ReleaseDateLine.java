package io.cablestream.parser;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date line the release's pages put above a cable's text, {@code Thursday, 07 March 2002, 10:13}: the date and
 * hour of its DTG (170 of the 172 corpus cables with one; the other two quote another cable below it), read as UTC.
 */
final class ReleaseDateLine {

    private static final String MONTHS = "January|February|March|April|May|June|July|August|September|October"
            + "|November|December";
    private static final Pattern LINE = Pattern.compile(
            "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\\d{1,2}) (" + MONTHS + ") (\\d{4}),"
                    + " (\\d{2}):(\\d{2})");
    /** The line stands above the classification line, among the first lines: as far as release lines are looked for. */
    private static final int LIMIT = 60;

    private ReleaseDateLine() {
    }

    /** The first release date line above the body, or null. */
    static Found find(CableText text) {
        int limit = Math.min(Math.min(text.size(), LIMIT), text.bodyStart);
        for (int i = 0; i < limit; i++) {
            String line = text.lines[i];
            // a weekday's capital and the comma after it: a test before the regex, as most lines here are header
            int comma = line.indexOf(',');
            if (line.length() > 40 || comma < 6 || comma > 9 || "MTWFS".indexOf(line.charAt(0)) < 0) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                Instant at = instant(m);
                if (at != null) {
                    return new Found(at, line);
                }
            }
        }
        return null;
    }

    private static Instant instant(Matcher m) {
        try {
            return LocalDateTime.of(Integer.parseInt(m.group(3)), Month.valueOf(m.group(2).toUpperCase(Locale.ROOT)),
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)))
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The instant and the line it was read from. */
    record Found(Instant instant, String line) {
    }
}
