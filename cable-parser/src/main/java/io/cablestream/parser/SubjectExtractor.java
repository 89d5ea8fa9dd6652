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
                    + "|\\s*\\((?:U|SBU|C|S|S/NF|C/NF)\\)$");
    /** A subject line ending with one of these words wrapped, even over a blank line. */
    private static final Set<String> DANGLING = Set.of("AND", "OF", "TO", "THE", "FOR", "IN", "ON", "WITH", "A", "AN",
            "AT", "BY", "FROM", "OR", "-", "&", "--");

    private SubjectExtractor() {
    }

    static final String DUPLICATE = "TRUNCATED_DUPLICATE_SUBJECT";

    static String extract(CableText text, Warnings warnings) {
        String best = null;
        int start = text.first(LineKind.SUBJECT, text.bodyStart) >= 0 ? text.bodyStart : 0;
        for (int i = text.first(LineKind.SUBJECT, start); i >= 0; i = text.first(LineKind.SUBJECT, i + 1)) {
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

    private static String read(CableText text, int at) {
        String first = text.lines[at];
        int colon = first.indexOf(':');
        int start = colon >= 0 && colon < 9 ? colon + 1 : (first.regionMatches(true, 0, "SUBJECT", 0, 7) ? 7 : 4);
        StringBuilder b = new StringBuilder(first.substring(Math.min(start, first.length())).trim());
        int i = at + 1;
        while (i < text.size() && b.length() < 1000) {
            LineKind k = text.kinds[i];
            if (k == LineKind.TEXT) {
                b.append(' ').append(text.lines[i]);
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
        String s = Strings.collapse(b);
        if (s.indexOf('(') >= 0) { // both kinds of marking hold one; the regex would be tried at every place
            s = MARKING.matcher(s).replaceAll("");
        }
        s = s.trim();
        return s;
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
