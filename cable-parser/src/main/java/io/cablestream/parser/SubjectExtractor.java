package io.cablestream.parser;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The subject: after {@code SUBJECT:}/{@code SUBJ:}, joined over wrapped lines, without its {@code (C)} marking; a
 * truncated repetition of the line (an OCR artefact of 09USOSCE86) gives way to the full one.
 */
final class SubjectExtractor {

    private static final Pattern MARKING = Pattern.compile(
            "^\\((?:U|SBU|C|S|TS|U/FOUO|S/NF|C/NF|S//NF|C//NF|C/REL[^)]{0,20}|S/REL[^)]{0,20}|SBU/NF)\\)\\s*"
                    + "|(?:(?<!\\s)|(?!\\s))\\s*+\\((?:U|SBU|C|S|S/NF|C/NF)\\)$");
    /** A subject line ending with one of these words wrapped, even over a blank line. */
    private static final Set<String> DANGLING = Set.of("AND", "OF", "TO", "THE", "FOR", "IN", "ON", "WITH", "A", "AN",
            "AT", "BY", "FROM", "OR", "-", "&", "--");

    private SubjectExtractor() {
    }

    static final String DUPLICATE = "TRUNCATED_DUPLICATE_SUBJECT";

    static String extract(CableText text, Warnings warnings) {
        String best = null;
        int start = text.first(LineKind.SUBJECT, text.bodyStart) >= 0 ? text.bodyStart : 0;
        int first = text.first(LineKind.SUBJECT, start);
        if (first < 0) {
            first = lostFirstLetter(text);
        }
        for (int i = first; i >= 0; i = text.first(LineKind.SUBJECT, i + 1)) {
            String subject = read(text, i);
            if (subject.isEmpty()) {
                continue;
            }
            if (best == null) {
                best = subject;
            } else if (subject.startsWith(best) && subject.length() > best.length()) {
                warnings.add(DUPLICATE, "a truncated repetition of the SUBJECT line was ignored");
                best = subject;
            } else {
                break;
            }
        }
        return best;
    }

    /** {@code UBJECT: ...}: a subject line that lost its first letter, among the first lines of the text. */
    private static int lostFirstLetter(CableText text) {
        for (int i = 0; i < Math.min(text.size(), 60); i++) {
            if (text.lines[i].startsWith("UBJECT:") || text.lines[i].startsWith("UBJ:")) {
                return i;
            }
        }
        return -1;
    }

    private static String read(CableText text, int at) {
        String first = text.lines[at];
        int colon = first.indexOf(':');
        int start = colon >= 0 && colon < 9 ? colon + 1 : (first.regionMatches(true, 0, "SUBJECT", 0, 7) ? 7 : 4);
        StringBuilder b = new StringBuilder(first.substring(Math.min(start, first.length())).trim());
        int i = at + 1;
        if (b.length() == 0) {
            // "SUBJECT:" alone, the subject on the next line after a blank
            int next = text.nextNonBlank(at);
            if (next > 0 && next <= at + 2 && text.kinds[next] == LineKind.TEXT) {
                b.append(text.lines[next]);
                i = next + 1;
            }
        }
        boolean ended = cut(b) >= 0;
        while (i < text.size() && b.length() < 1000 && !ended) {
            LineKind k = text.kinds[i];
            if (k == LineKind.TEXT && !Strings.isRule(text.lines[i])) {
                // a word broken at a hyphen ("US-" / "LATIN") is joined without a blank
                boolean hyphen = b.length() > 1 && b.charAt(b.length() - 1) == '-'
                        && Character.isLetter(b.charAt(b.length() - 2));
                b.append(hyphen ? "" : " ").append(text.lines[i]);
                // what ends the subject inside a line is looked for in the line just added, not the whole again
                ended = cut(text.lines[i]) >= 0;
                i++;
            } else if (k == LineKind.BLANK && endsDangling(b)) {
                int next = text.nextNonBlank(i);
                if (next < 0 || text.kinds[next] != LineKind.TEXT || next > i + 2) {
                    break;
                }
                i = next;
            } else {
                break;
            }
        }
        int cut = cut(b);
        String s = Strings.collapse(cut >= 0 ? b.substring(0, cut) : b);
        if (s.indexOf('&') >= 0) {
            s = HtmlEntities.decode(s);
        }
        if (s.indexOf('(') >= 0) { // both kinds of marking hold one; the regex would be tried at every place
            s = MARKING.matcher(s).replaceAll("");
        }
        s = s.trim();
        return s;
    }

    /**
     * Where the subject ends inside the text read: a REF block, a Classified By statement or a handling note run on
     * after it ({@code ... IN RIO Ref(s): A) ...}, {@code ... CHILD Sensitive but}); -1 if none.
     */
    private static int cut(CharSequence b) {
        String s = b.toString();
        int ref = ReferenceExtractor.refStart(s, LineKind.TEXT);
        int note = ReferenceExtractor.cut(s);
        int cut = ref > 0 && (note < 0 || ref < note) ? ref : note;
        return cut == 0 ? -1 : cut;
    }

    private static boolean endsDangling(CharSequence b) {
        int end = b.length();
        int start = end;
        while (start > 0 && b.charAt(start - 1) != ' ') {
            start--;
        }
        return DANGLING.contains(b.subSequence(start, end).toString().toUpperCase());
    }
}
