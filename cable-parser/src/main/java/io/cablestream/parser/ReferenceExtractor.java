package io.cablestream.parser;

import io.cablestream.events.ParsedCable.Reference;
import io.cablestream.events.ParsedCable.ReferenceKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The REF blocks above the text ({@code REF: A. STATE 12345 B. 08 PARIS 123}, also inside a SUBJECT line or as
 * {@code Ref(s):}): one reference per bullet (or per citation, where a bullet cites several cables), with its label,
 * its text as written, what kind of document it cites and, for a cable, its canonical id. The citing cable itself
 * is never one of its references.
 */
final class ReferenceExtractor {

    /** Page furniture inside a REF block: {@code MADRID 00000869 001.2 OF 004}, {@code PAGE 02 ROME 01196 01 OF 02 082030Z}. */
    private static final Pattern FURNITURE = Pattern.compile(
            "\\bPAGE \\d{1,3} {1,8}[A-Z]{2,24}+(?: [A-Z]{2,24}+){0,3} {1,8}\\d{1,8} {1,8}(?:\\d{2} OF \\d{2} )?\\d{6}Z"
                    + "|\\b[A-Z]{2,24}+(?: [A-Z]{2,24}+){0,3} {1,8}0*+\\d{1,8}\\s{1,8}\\d{3}(?:\\.\\d)?\\s{1,8}OF\\s{1,8}\\d{3}\\b");
    private static final int MAX_LINES = 40;

    private ReferenceExtractor() {
    }

    /** References of the cable; {@code citingYear} is the DTG's year (null if none), {@code ownId} its id. */
    static List<Reference> extract(CableText text, Integer citingYear, String ownId) {
        List<Reference> out = new ArrayList<>();
        // from the top: a REF block may stand above a classification line that a re-typed header repeats
        int end = headerEnd(text, text.bodyStart < text.size() ? text.bodyStart : 0);
        int from = 0;
        Integer year = citingYear == null ? null : Math.floorMod(citingYear, 100);
        List<String> blocks = new ArrayList<>(2);
        for (int i = from; i < end; i++) {
            int column = refStart(text.lines[i], text.kinds[i]);
            if (column < 0) {
                continue;
            }
            int[] last = new int[]{i};
            blocks.add(block(text, i, column, end, last).strip());
            i = last[0];
        }
        for (int b = 0; b < blocks.size(); b++) {
            // a block cut short and repeated whole (a truncated duplicate of its SUBJECT line) is read once
            if (b + 1 < blocks.size() && blocks.get(b + 1).startsWith(blocks.get(b))) {
                continue;
            }
            read(blocks.get(b), year, ownId, out);
        }
        return out;
    }

    /** The REF blocks stand above the first numbered paragraph (or within the first 60 lines of a snippet). */
    private static int headerEnd(CableText text, int from) {
        int paragraph = text.first(LineKind.PARAGRAPH, from);
        int end = paragraph >= 0 ? paragraph : text.size();
        return Math.min(end, from + 80);
    }

    /**
     * Where a REF block starts in the line, or -1: {@code REF:}, {@code REFS:}, {@code Ref(s):}, {@code REFTEL:}
     * at the start or inside the line (after a subject: {@code ...IN RIO Ref(s): A) ...}), a REF line without a colon
     * ({@code REF A WELLINGTON 721}), or a first bullet before the word ({@code A. REF AMMAN 222}).
     */
    static int refStart(String line, LineKind kind) {
        if (kind == LineKind.REF) {
            return 0;
        }
        if (line.length() > 6 && (line.startsWith("A. REF ") || line.startsWith("A) REF "))) {
            return 0;
        }
        for (int at = indexOfRef(line, 0); at >= 0; at = indexOfRef(line, at + 3)) {
            int i = at + 3;
            int skip = line.regionMatches(true, i, "(S)", 0, 3) ? 3 : line.regionMatches(true, i, "TELS", 0, 4) ? 4
                    : line.regionMatches(true, i, "TEL", 0, 3) ? 3 : line.regionMatches(true, i, "S", 0, 1) ? 1 : 0;
            int j = i + skip;
            while (j < line.length() && line.charAt(j) == ' ') {
                j++;
            }
            boolean colon = j < line.length() && line.charAt(j) == ':';
            boolean before = at == 0 || !Character.isLetter(line.charAt(at - 1))
                    || (line.startsWith("REF", at) && colon); // "EGYPTREF: CAIRO 493": glued to the subject
            if (colon && before) {
                return at;
            }
        }
        return -1;
    }

    private static int indexOfRef(String line, int from) {
        int upper = line.indexOf("REF", from);
        int capital = line.indexOf("Ref", from);
        return upper < 0 ? capital : capital < 0 ? upper : Math.min(upper, capital);
    }

    /**
     * The block from {@code column} of line {@code at}: its continuation lines, over blank lines that a bullet or an
     * unfinished reference follows, without page furniture, cut where the next field starts inside a line.
     */
    private static String block(CableText text, int at, int column, int end, int[] last) {
        StringBuilder b = new StringBuilder(text.lines[at].substring(column));
        for (int i = at + 1; i < end && i < at + MAX_LINES && b.length() < 4000; i++) {
            LineKind k = text.kinds[i];
            if (k == LineKind.PAGE_BREAK || k == LineKind.FURNITURE) {
                continue;
            }
            if (k == LineKind.BLANK) {
                int next = text.nextNonBlank(i);
                if (next < 0 || next >= end || text.kinds[next] != LineKind.TEXT
                        || !(startsWithBullet(text.lines[next]) || unfinished(b) || isCitationStart(text.lines[next]))) {
                    break;
                }
                i = next - 1;
                continue;
            }
            if (k != LineKind.TEXT || refStart(text.lines[i], k) >= 0 || cut(text.lines[i]) == 0) {
                break;
            }
            b.append(' ').append(text.lines[i]);
            last[0] = i;
        }
        String s = b.toString();
        int cut = cut(s);
        return cut >= 0 ? s.substring(0, cut) : s;
    }

    /** Where a REF block ends inside a line: a Classified By statement, a handling note, the first paragraph. */
    static int cut(String s) {
        int cut = -1;
        String upper = s.toUpperCase(Locale.ROOT);
        for (String marker : new String[]{"CLASSIFIED BY", "CLASSIFIED  BY", "SENSITIVE BUT", "THIS MESSAGE",
            "THIS CABLE", "THIS IS AN ACTION", "1. (", "1.(", "\u00b61.", "SUMMARY:", "C O N F I D E N T I A L", "C O N ",
            "S E C R E T"}) {
            int at = upper.indexOf(marker);
            if (at >= 0 && (cut < 0 || at < cut)) {
                cut = at;
            }
        }
        return cut;
    }

    /** The block ends with a bullet, a year, "AND" or a comma: its reference goes on after the blank line. */
    private static boolean unfinished(CharSequence b) {
        String s = b.toString().trim();
        if (s.isEmpty() || s.endsWith(":") || s.endsWith(",") || s.endsWith(")") && s.length() > 2
                && s.charAt(s.length() - 3) <= ' ') {
            return true;
        }
        String last = s.substring(s.lastIndexOf(' ') + 1);
        return last.equalsIgnoreCase("AND") || isYearOrBullet(last);
    }

    /** {@code \d{2}|[A-Z][.)]|\([A-Z]\)} without a regex: String.matches compiles one per call. */
    private static boolean isYearOrBullet(String w) {
        if (w.length() == 2) {
            char a = w.charAt(0);
            char b = w.charAt(1);
            return (LineScanner.isDigit(a) && LineScanner.isDigit(b)) || (a >= 'A' && a <= 'Z' && (b == '.' || b == ')'));
        }
        return w.length() == 3 && w.charAt(0) == '(' && w.charAt(1) >= 'A' && w.charAt(1) <= 'Z' && w.charAt(2) == ')';
    }

    private static boolean startsWithBullet(String line) {
        String l = line.startsWith("\u00b6") ? line.substring(1) : line;
        if (l.startsWith("- ") || l.startsWith("-\t")) {
            l = l.substring(1).trim();
        }
        return l.length() >= 3 && ((Character.isUpperCase(l.charAt(0)) && ".):".indexOf(l.charAt(1)) >= 0)
                || (l.charAt(0) == '(' && Character.isLetterOrDigit(l.charAt(1)) && l.charAt(2) == ')'));
    }

    /** A line that starts as a citation does: {@code HANOI 2323 E. HANOI 336}. */
    private static boolean isCitationStart(String line) {
        int space = line.indexOf(' ');
        return space > 2 && Stations.canonical(line.substring(0, space)) != null;
    }

    /** The references of one block, appended to {@code out}. */
    private static void read(String block, Integer year, String ownId, List<Reference> out) {
        // "\\n" is a line break that a conversion wrote out
        String s = withoutKeyword(block).replace("\\n", " ");
        if (s.contains(" OF ") || s.contains("PAGE ")) { // what both kinds of furniture hold: few blocks do
            s = FURNITURE.matcher(s).replaceAll(" ");
        }
        List<int[]> bullets = ReferenceBullets.find(s);
        if (bullets.isEmpty()) {
            item(null, s, year, ownId, out);
            return;
        }
        if (bullets.get(0)[0] > 0) {
            item(null, s.substring(0, bullets.get(0)[0]), year, ownId, out);
        }
        for (int i = 0; i < bullets.size(); i++) {
            int[] cur = bullets.get(i);
            int end = i + 1 < bullets.size() ? bullets.get(i + 1)[0] : s.length();
            item(ReferenceBullets.label(s, cur), s.substring(cur[1], end), year, ownId, out);
        }
    }

    /** One bullet's text: each part between semicolons is a reference of its own kind. */
    private static void item(String label, String text, Integer year, String ownId, List<Reference> out) {
        for (String part : text.split(";")) {
            String t = Strings.collapse(part);
            t = ClassifierNames.trimPunctuation(t);
            if (t.isEmpty()) {
                continue;
            }
            List<String> ids = CableCitations.ids(t, year);
            int cited = ids.size();
            // no self reference, and a cable cited twice is one reference
            ids.removeIf(id -> id.equals(ownId) || cited(out, id));
            if (cited == 0) {
                ReferenceKind kind = kind(t);
                // a cable citation whose year neither the text nor the citing cable gives is still a cable
                boolean cable = kind == ReferenceKind.OTHER && year == null && looksLikeCable(t);
                out.add(new Reference(label, null, t, cable ? ReferenceKind.CABLE : kind));
            }
            for (String id : ids) {
                out.add(new Reference(label, id, t, ReferenceKind.CABLE));
            }
        }
    }

    private static boolean cited(List<Reference> out, String id) {
        for (Reference r : out) {
            if (id.equals(r.cableId())) {
                return true;
            }
        }
        return false;
    }

    /** A cable citation whose year the text does not give and the citing cable does not know. */
    private static boolean looksLikeCable(String t) {
        return !CableCitations.ids(t, 0).isEmpty();
    }

    /** What a reference that cites no cable cites, by its words. Plain searches: regexes cost a try a character. */
    private static ReferenceKind kind(String t) {
        String u = t.toUpperCase(Locale.ROOT);
        if (hasWord(u, "EMAIL") || hasWord(u, "EMAILS") || hasWord(u, "E-MAIL") || hasWord(u, "E-MAILS")) {
            return ReferenceKind.EMAIL;
        }
        if (u.contains("TELCON") || u.contains("TELECON") || hasWord(u, "TELEPHONE") || u.contains("PHONE CALL")) {
            return ReferenceKind.TELCON;
        }
        if (u.contains("MEETING") || hasWord(u, "MTG") || u.contains("CONVERSATION")) {
            return ReferenceKind.MEETING;
        }
        if (hasWord(u, "IIR") || hasWord(u, "OSC") || u.contains("REPORT") || u.contains("TD-")
                || hasWord(u, "INTSUM")) {
            return ReferenceKind.REPORT;
        }
        return ReferenceKind.OTHER;
    }

    /** Does {@code word} stand in {@code s} with no letter or digit either side? */
    private static boolean hasWord(String s, String word) {
        for (int at = s.indexOf(word); at >= 0; at = s.indexOf(word, at + 1)) {
            int end = at + word.length();
            if ((at == 0 || !Character.isLetterOrDigit(s.charAt(at - 1)))
                    && (end == s.length() || !Character.isLetterOrDigit(s.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /** The block without its keyword: {@code REF:}, {@code REFS :}, {@code Ref(s):}, {@code REF: REF:}. */
    private static String withoutKeyword(String block) {
        String s = block;
        for (int guard = 0; guard < 3; guard++) {
            String t = s.stripLeading();
            String upper = t.toUpperCase(Locale.ROOT);
            int i;
            if (upper.startsWith("REFTELS")) {
                i = 7;
            } else if (upper.startsWith("REFTEL")) {
                i = 6;
            } else if (upper.startsWith("REF(S)")) {
                i = 6;
            } else if (upper.startsWith("REFS")) {
                i = 4;
            } else if (upper.startsWith("REF") && (t.length() == 3 || !Character.isLetter(t.charAt(3)))) {
                i = 3;
            } else {
                break;
            }
            while (i < t.length() && (t.charAt(i) == ' ' || t.charAt(i) == ':' || t.charAt(i) == '.')) {
                i++;
            }
            s = t.substring(i);
        }
        return s;
    }
}
