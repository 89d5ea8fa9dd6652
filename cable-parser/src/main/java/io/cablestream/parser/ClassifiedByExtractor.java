package io.cablestream.parser;

import io.cablestream.events.ParsedCable.ClassifiedBy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Classified By: Ambassador Gillian A. Milovanovic, for reasons 1.4 (b) ( d).}: who classified the cable
 * and the reason codes of E.O. 12958 section 1.4 (older cables cite 1.5), normalised to {@code 1.4(b)}.
 */
final class ClassifiedByExtractor {

    private static final Pattern SECTION = Pattern.compile("\\b1\\s?\\.\\s?([45])\\b");
    private static final Pattern REASON_WORDS = Pattern.compile(
            "(?i)[,;.]?\\s*(?:for\\s+|under\\s+)?(?:reasons?|reason:|e\\.?o\\.?\\s*12958)\\s*:?\\s*$");
    /** Every character {@link #REASON_WORDS} can match (lower case): its whitespace, punctuation, letters, digits. */
    private static final String REASON_CHARACTERS = " \t\n\u000b\f\r\u0085\u2028\u2029:,;.forundeas12958";

    /** Compiled once: String.replaceAll compiles its regex on every call. */
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[,;.]+$");

    private ClassifiedByExtractor() {
    }

    static ClassifiedBy extract(CableText text) {
        int at = text.first(LineKind.CLASSIFIED_BY, text.bodyStart);
        if (at < 0) {
            at = text.first(LineKind.CLASSIFIED_BY);
        }
        if (at < 0) {
            return null;
        }
        StringBuilder b = new StringBuilder(text.lines[at]);
        for (int i = at + 1; i < text.size() && i <= at + 3 && text.kinds[i] == LineKind.TEXT; i++) {
            b.append(' ').append(text.lines[i]);
        }
        String s = b.length() > 400 ? b.substring(0, 400) : b.toString();
        s = withoutLeadingColon(s.substring(Math.min(s.length(), 13)));
        Matcher m = findSection(s);
        String who = s;
        List<String> reasons = new ArrayList<>();
        if (m != null) {
            who = s.substring(0, m.start());
            reasons = reasons(s, m);
        }
        who = withoutReasonWords(who.trim()).trim();
        if (!who.isEmpty() && isPunctuation(who.charAt(who.length() - 1))) {
            who = TRAILING_PUNCTUATION.matcher(who).replaceAll("").trim();
        }
        String name = who;
        String title = null;
        int comma = who.indexOf(',');
        if (comma > 0) {
            name = who.substring(0, comma).trim();
            title = who.substring(comma + 1).trim();
        }
        return new ClassifiedBy(name.isEmpty() ? null : name, title == null || title.isEmpty() ? null : title,
                reasons);
    }

    /**
     * {@code REASON_WORDS.matcher(who).replaceFirst("")}, with the regex tried only in the tail of {@code who} made
     * of the characters such a match consists of (a match ends at the end, so it lies in that tail): a regex
     * starting with optional parts is otherwise tried at every character (9 us a line).
     */
    private static String withoutReasonWords(String who) {
        int from = who.length();
        while (from > 0 && REASON_CHARACTERS.indexOf(Character.toLowerCase(who.charAt(from - 1))) >= 0) {
            from--;
        }
        Matcher m = REASON_WORDS.matcher(who).region(from, who.length());
        return m.find() ? who.substring(0, m.start()) + who.substring(m.end()) : who;
    }

    /**
     * The first {@link #SECTION} in {@code s}, its matcher left there for {@link #reasons} to go on from; null if none.
     * Tried only where a "1" is: a regex whose first node is {@code \b} is tried at every character (3 us a line).
     */
    private static Matcher findSection(String s) {
        Matcher m = SECTION.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
        for (int one = s.indexOf('1'); one >= 0; one = s.indexOf('1', one + 1)) {
            if (m.region(one, s.length()).lookingAt()) {
                return m;
            }
        }
        return null;
    }

    /** {@code s} without {@code ^\s*:?\s*}, read without a matcher. */
    private static String withoutLeadingColon(String s) {
        int i = 0;
        while (i < s.length() && LineScanner.isRegexSpace(s.charAt(i))) {
            i++;
        }
        if (i < s.length() && s.charAt(i) == ':') {
            i++;
        }
        while (i < s.length() && LineScanner.isRegexSpace(s.charAt(i))) {
            i++;
        }
        return s.substring(i);
    }

    /**
     * Can {@link #TRAILING_PUNCTUATION} match at the end of a trimmed text ending in {@code c}? Its "$" also
     * matches before a final line terminator that trim() keeps.
     */
    private static boolean isPunctuation(char c) {
        return c == ',' || c == ';' || c == '.' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** The letters after each "1.4": {@code (b) and (d)}, {@code (B,D)}, {@code b/d}, {@code (b) ( d)}. */
    static List<String> reasons(String s, Matcher m) {
        List<String> out = new ArrayList<>();
        Matcher section = m;
        boolean found = true;
        while (found) {
            String prefix = "1." + section.group(1);
            int i = section.end();
            int n = Math.min(s.length(), i + 60);
            while (i < n) {
                char c = Character.toLowerCase(s.charAt(i));
                boolean letter = c >= 'a' && c <= 'h' && (i + 1 >= s.length() || !Character.isLetter(s.charAt(i + 1)))
                        && !Character.isLetter(s.charAt(i - 1));
                if (letter) {
                    String code = prefix + "(" + c + ")";
                    if (!out.contains(code)) {
                        out.add(code);
                    }
                    i++;
                } else if (c == ' ' || c == '(' || c == ')' || c == ',' || c == '/' || c == '&' || c == '.') {
                    i++;
                } else if (s.regionMatches(true, i, "and", 0, 3)) {
                    i += 3;
                } else if (s.regionMatches(true, i, "or", 0, 2)) {
                    i += 2;
                } else {
                    break;
                }
            }
            found = section.find() && section.start() < i + 20;
        }
        return out;
    }
}
