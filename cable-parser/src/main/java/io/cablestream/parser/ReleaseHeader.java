package io.cablestream.parser;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The release's own metadata that some feeds put above the cable: {@code refid:}/{@code date:}/{@code
 * classification:} lines (cablegate pages), a bare id, date and classification (PDF renderings), a cables.csv or
 * TSV row, or {@code Cable dated:2005-08-17T21:24:00}. A fallback for texts that lost their header, reported as such.
 */
record ReleaseHeader(String cableId, Instant created, String classification) {

    private static final String DATE = "(?:(\\d{1,2})/(\\d{1,2})/(\\d{4}) (\\d{1,2}):(\\d{2})"
            + "|(\\d{4})-(\\d{2})-(\\d{2})[ T](\\d{2}):(\\d{2})(?::\\d{2})?)";
    private static final String CLASS = "((?:UNCLASSIFIED|CONFIDENTIAL|SECRET|TOP SECRET)"
            + "(?://FOR OFFICIAL USE ONLY)?(?://NOFORN)?)";
    private static final Pattern ID = Pattern.compile("^(?:refid:\\s*)?(\\d{2}[A-Z][A-Z0-9]{1,30}?\\d{1,6})$");
    private static final Pattern DATE_LINE = Pattern.compile("^(?:date:\\s*|Cable dated:\\s*)?" + DATE + "(?:\\]|$)");
    private static final Pattern CLASSIFICATION = Pattern.compile("^(?:classification:\\s*)?" + CLASS + "$");
    /** A cables.csv row ({@code 31082,4/19/2005 20:39,05BOGOTA3726,"Embassy Bogota",CONFIDENTIAL,...}) or TSV. */
    private static final Pattern ROW = Pattern.compile("^(?:\\d{1,7},)?" + DATE
            + "[, ]+(\\d{2}[A-Z][A-Z0-9]{1,30}?\\d{1,6})[, ]+(?:\"[^\"]{0,80}\"|[A-Za-z .'-]{1,60}?)[, ]+" + CLASS
            + "(?=[, ]|$)");

    /** The given metadata's valid values, else those of the release lines found in the text; null when none. */
    static ReleaseHeader of(CableParser.ReleaseMetadata given, ReleaseHeader found) {
        if (given == null) {
            return found;
        }
        Matcher m;
        String id = given.cableId() != null && (m = ID.matcher(given.cableId().strip())).matches() ? m.group(1)
                : found == null ? null : found.cableId();
        Instant created = given.date() != null && (m = DATE_LINE.matcher(given.date().strip())).lookingAt()
                && date(m) != null ? date(m) : found == null ? null : found.created();
        String classification = given.classification() != null
                && (m = CLASSIFICATION.matcher(given.classification().strip())).matches() ? m.group(1)
                : found == null ? null : found.classification();
        return id == null && created == null && classification == null ? null
                : new ReleaseHeader(id, created, classification);
    }

    static ReleaseHeader extract(CableText text) {
        String id = null;
        Instant created = null;
        String classification = null;
        int limit = Math.min(text.size(), 60);
        for (int i = 0; i < limit; i++) {
            String line = text.lines[i];
            // a char search first: "h" is rare in the upper-case lines of most cables
            if ((line.indexOf('h') >= 0 && line.contains("header ends")) || text.kinds[i] == LineKind.PARAGRAPH) {
                break;
            }
            if (!plausible(line)) {
                continue;
            }
            // each regex only where its first character can match: most lines here are cable text
            char c = line.charAt(0);
            boolean digit = c >= '0' && c <= '9';
            Matcher m;
            if (digit && line.length() > 30 && mayBeRow(line) && (m = ROW.matcher(line)).lookingAt()) {
                // release lines above a row are the feed's own; the row may be one the text quotes (03THEHAGUE2835
                // holds the cables.csv row of its page): it only fills in what they lack
                return new ReleaseHeader(id != null ? id : m.group(11), created != null ? created : date(m),
                        classification != null ? classification : m.group(12));
            } else if (id == null && (digit || line.startsWith("refid:")) && (m = ID.matcher(line)).matches()) {
                id = m.group(1);
            } else if (created == null && (digit || line.startsWith("date:") || line.startsWith("Cable dated:"))
                    && (m = DATE_LINE.matcher(line)).lookingAt()) {
                created = date(m);
            } else if (classification == null && startsWithClassification(line)
                    && (m = CLASSIFICATION.matcher(line)).matches()) {
                classification = m.group(1);
            }
        }
        // An id alone is no release header (it may be anything); a date is.
        return created != null ? new ReleaseHeader(id, created, classification) : null;
    }

    /** Release metadata starts with a digit, {@code refid:}, {@code date:}, {@code Cable dated:} or a level. */
    private static boolean plausible(String line) {
        if (line.isEmpty()) {
            return false;
        }
        char c = line.charAt(0);
        return (c >= '0' && c <= '9') || c == 'r' || c == 'd' || c == 'c' || c == 'C' || c == 'U' || c == 'S'
                || c == 'T';
    }

    /**
     * What {@link #ROW} needs at the start: digits, then the "," after a row number, the "/" of a day or month or
     * the "-" of a year; a paragraph ({@code 1. (C) ...}), the digit line most often met here, fails at its ".".
     */
    private static boolean mayBeRow(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
            i++;
        }
        if (i == 0 || i == line.length()) {
            return false;
        }
        char c = line.charAt(i);
        return (c == ',' && i <= 7) || (c == '/' && i <= 2) || (c == '-' && i == 4);
    }

    /** What {@link #CLASSIFICATION} needs at the start of the line. */
    private static boolean startsWithClassification(String line) {
        return line.startsWith("classification:") || line.startsWith("UNCLASSIFIED") || line.startsWith("CONFIDENTIAL")
                || line.startsWith("SECRET") || line.startsWith("TOP SECRET");
    }

    /** The date of groups 1-10 of {@link #DATE}. */
    private static Instant date(Matcher m) {
        if (m.group(1) != null) {
            return instant(m.group(3), m.group(1), m.group(2), m.group(4), m.group(5));
        }
        return instant(m.group(6), m.group(7), m.group(8), m.group(9), m.group(10));
    }

    private static Instant instant(String y, String mo, String d, String h, String mi) {
        try {
            return LocalDateTime.of(Integer.parseInt(y), Integer.parseInt(mo), Integer.parseInt(d),
                    Integer.parseInt(h), Integer.parseInt(mi)).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
