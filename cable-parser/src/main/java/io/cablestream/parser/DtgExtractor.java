package io.cablestream.parser;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The date-time group {@code P 071527Z APR 09} as a UTC instant; two-digit years pivot at 66 (1966-2065). */
final class DtgExtractor {

    private static final String MONTHS = "JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC";

    private DtgExtractor() {
    }

    /** A DTG inside a flattened header line, as in 00HARARE5461: {@code ... /38 O 271459Z SEP 00 FM ...}. */
    private static final Pattern INLINE = Pattern.compile(
            "(?:^|\\s)([ZOPR])\\s?([ZOPR])?\\s(\\d{2})(\\d{2})(\\d{2})Z\\s([A-Z]{3})\\s(\\d{2})(?=\\s|$)");

    /**
     * The DTG of the first DTG line, else one inside a header line, else the release header's date, else the
     * release's date line above the text ({@code Thursday, 07 March 2002, 10:13}), or null.
     */
    static Dtg extract(CableText text, ReleaseHeader release, Warnings warnings) {
        int i = text.first(LineKind.DTG);
        Matcher m = i < 0 ? null : LineScanner.DTG.matcher(text.lines[i]);
        if (m == null || !m.lookingAt()) {
            m = inline(text);
        }
        if (m == null) {
            if (release != null && release.created() != null) {
                warnings.add("DTG_FROM_RELEASE_HEADER", "no date-time group; the release header's date is used");
                return new Dtg(release.created(), release.created().atZone(ZoneOffset.UTC).getYear(), null, null);
            }
            ReleaseDateLine.Found dated = ReleaseDateLine.find(text);
            if (dated != null) {
                warnings.add("DTG_FROM_RELEASE_DATE_LINE", "no date-time group; the release's date line is used: "
                        + dated.line());
                return new Dtg(dated.instant(), dated.instant().atZone(ZoneOffset.UTC).getYear(), null, null);
            }
            warnings.add("NO_DTG", "no date-time group found");
            return null;
        }
        int month = MONTHS.indexOf(m.group(6)) / 3 + 1;
        if (month <= 0 || MONTHS.indexOf(m.group(6)) % 3 != 0) {
            warnings.add("BAD_DTG", "unknown month in date-time group: " + m.group());
            return null;
        }
        int year = year(m.group(7));
        try {
            LocalDateTime t = LocalDateTime.of(year, month, Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
            return new Dtg(t.toInstant(ZoneOffset.UTC), year, m.group(1), m.group(2));
        } catch (DateTimeException e) {
            warnings.add("BAD_DTG", "impossible date-time group: " + m.group());
            return null;
        }
    }

    private static Matcher inline(CableText text) {
        int limit = Math.min(text.size(), Math.max(text.bodyStart, 0) + 5);
        for (int i = 0; i < limit; i++) {
            String line = text.lines[i];
            if (line.length() > 30 && line.indexOf('Z') > 0) {
                Matcher m = INLINE.matcher(line);
                if (m.find()) {
                    return m;
                }
            }
        }
        return null;
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
