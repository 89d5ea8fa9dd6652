package io.cablestream.parser;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.regex.Matcher;

/** The date-time group {@code P 071527Z APR 09} as a UTC instant; two-digit years pivot at 66 (1966-2065). */
final class DtgExtractor {

    private static final String MONTHS = "JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC";

    private DtgExtractor() {
    }

    /** The DTG and the index of its line, or null. */
    static Dtg extract(CableText text, Warnings warnings) {
        int i = text.first(LineKind.DTG);
        if (i < 0) {
            warnings.add("NO_DTG", "no date-time group found");
            return null;
        }
        Matcher m = LineScanner.DTG.matcher(text.lines[i]);
        if (!m.find()) {
            return null;
        }
        int month = MONTHS.indexOf(m.group(6)) / 3 + 1;
        if (month <= 0 || MONTHS.indexOf(m.group(6)) % 3 != 0) {
            warnings.add("BAD_DTG", "unknown month in date-time group: " + text.lines[i]);
            return null;
        }
        int year = year(m.group(7));
        try {
            LocalDateTime t = LocalDateTime.of(year, month, Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
            return new Dtg(t.toInstant(ZoneOffset.UTC), year, m.group(1), m.group(2));
        } catch (DateTimeException e) {
            warnings.add("BAD_DTG", "impossible date-time group: " + text.lines[i]);
            return null;
        }
    }

    static int year(String digits) {
        int y = Integer.parseInt(digits);
        if (digits.length() == 4) {
            return y;
        }
        return y >= 66 ? 1900 + y : 2000 + y;
    }

    /** A DTG: the instant, its year and the precedence letters written before it. */
    record Dtg(Instant instant, int year, String actionPrecedence, String infoPrecedence) {
    }
}
