package io.cablestream.parser;

import io.cablestream.events.ParsedCable.Reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REF block ({@code REF: A. STATE 12345 B. 08 PARIS 123}): one reference per bullet, with its label, the
 * canonical id of the cable it cites (year defaulting to the citing cable's) and its text as written.
 */
final class ReferenceExtractor {

    /** A bullet: {@code A.}, {@code A)}, {@code (A)}, or {@code ¶B.} as the release's pages render it. */
    private static final Pattern BULLET = Pattern.compile("(?:^|\\s)\u00b6?(?:\\(([A-Z])\\)|([A-Z])[.)])(?=\\s)");
    /** {@code 08 PARIS 123}, {@code STATE 12345}, {@code SECSTATE 96412}, {@code 09 USUN NEW YORK 0123}. */
    private static final Pattern CABLE = Pattern.compile(
            "(?:\\b(\\d{2})\\s+)?\\b([A-Z][A-Z]{2,}(?: [A-Z]{3,}){0,2})\\s+0*(\\d{1,6})(?![\\d/.:-])");
    private static final Set<String> NOT_STATIONS = Set.of("JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE",
            "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER", "JAN", "FEB", "MAR", "APR", "JUN", "JUL",
            "AUG", "SEP", "SEPT", "OCT", "NOV", "DEC", "PARA", "PARAS", "PARAGRAPH", "NUMBER", "NO", "RES", "UNSCR",
            "RESOLUTION", "PAGE", "SECTION", "ARTICLE", "THE", "AND", "OF", "DATED", "USC", "CFR", "CODE", "EO",
            "NOTAL", "TELCON", "EMAIL", "FAX", "ROOM", "LAW", "ACT", "YEAR", "FY", "PART", "ITEM", "CHAPTER", "TEXT");

    private ReferenceExtractor() {
    }

    static List<Reference> extract(CableText text, Integer citingYear) {
        int at = text.first(LineKind.REF, text.bodyStart);
        int firstParagraph = text.first(LineKind.PARAGRAPH, text.bodyStart);
        if (at < 0 || (firstParagraph >= 0 && firstParagraph < at)) {
            return List.of();
        }
        String block = block(text, at);
        int colon = block.indexOf(':');
        String body = colon >= 0 && colon < 9 ? block.substring(colon + 1) : block.substring(Math.max(0, block.indexOf(' ')));
        List<Reference> out = new ArrayList<>();
        Matcher b = BULLET.matcher(body);
        List<int[]> bullets = new ArrayList<>();
        char expected = 'A';
        while (b.find() && bullets.size() < 52) {
            char label = (b.group(1) != null ? b.group(1) : b.group(2)).charAt(0);
            // only the next letter in sequence is a bullet: "U.S." or "A. B. SMITH" inside a text are not
            if (label == expected) {
                bullets.add(new int[]{b.start(), b.end(), label});
                expected++;
            }
        }
        if (bullets.isEmpty()) {
            String t = body.trim();
            if (!t.isEmpty()) {
                out.add(reference(null, t, citingYear));
            }
            return out;
        }
        for (int i = 0; i < bullets.size(); i++) {
            int[] cur = bullets.get(i);
            int end = i + 1 < bullets.size() ? bullets.get(i + 1)[0] : body.length();
            out.add(reference(String.valueOf((char) cur[2]), body.substring(cur[1], end).trim(), citingYear));
        }
        return out;
    }

    /** The REF line and its continuation lines, up to a blank line that is not followed by another bullet. */
    private static String block(CableText text, int at) {
        StringBuilder b = new StringBuilder(text.lines[at]);
        for (int i = at + 1; i < text.size() && i < at + 40 && b.length() < 4000; i++) {
            LineKind k = text.kinds[i];
            if (k == LineKind.TEXT) {
                b.append(' ').append(text.lines[i]);
            } else if (k == LineKind.BLANK || k == LineKind.PAGE_BREAK || k == LineKind.FURNITURE) {
                int next = text.nextNonBlank(i);
                if (next < 0 || text.kinds[next] != LineKind.TEXT || !startsWithBullet(text.lines[next])) {
                    break;
                }
            } else {
                break;
            }
        }
        return b.toString();
    }

    private static boolean startsWithBullet(String line) {
        String l = line.startsWith("\u00b6") ? line.substring(1) : line;
        return l.length() >= 3 && ((Character.isUpperCase(l.charAt(0)) && (l.charAt(1) == '.' || l.charAt(1) == ')'))
                || (l.charAt(0) == '(' && Character.isUpperCase(l.charAt(1)) && l.charAt(2) == ')'));
    }

    private static Reference reference(String label, String text, Integer citingYear) {
        String t = Strings.collapse(text);
        Matcher m = CABLE.matcher(t.length() > 300 ? t.substring(0, 300) : t);
        String id = null;
        while (m.find()) {
            String station = m.group(2);
            String first = station.split(" ")[0];
            if (NOT_STATIONS.contains(first) || NOT_STATIONS.contains(station)) {
                continue;
            }
            Integer year = m.group(1) != null ? Integer.valueOf(m.group(1)) : citingYear == null ? null : citingYear % 100;
            if (year != null) {
                id = CableIdExtractor.id(year, station, m.group(3));
            }
            break;
        }
        return new Reference(label, id, t);
    }
}
