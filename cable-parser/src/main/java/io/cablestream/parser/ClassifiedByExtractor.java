package io.cablestream.parser;

import io.cablestream.events.ParsedCable.ClassifiedBy;
import io.cablestream.events.ParsedCable.Classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Classified By: Acting Deputy Chief of Mission Marc Wall for Reasons 1.4 (b) and (d)}: who classified the
 * cable (name and title apart, as written), the reason codes of E.O. 12958 section 1.4 (older cables cite 1.5),
 * normalised to {@code 1.4(b)}, and the order cited. The statement may start inside a line ({@code 1. (U)
 * CLASSIFIED BY ...}), run over several lines and be cut inside words by the release's wrapping.
 */
final class ClassifiedByExtractor {

    private static final Pattern SECTION = Pattern.compile("\\b1\\s?[.,]\\s?([45])\\b");
    /** The reason word as cables write it: reason(s), reaons, resons, REAS0N, and split by a wrap ("rea sons"). */
    private static final String REASON_WORD = "(?:r\\s?e\\s?a?\\s?s\\s?[o0]\\s?ns?|re\\s?a\\s?ons?)";
    /**
     * Where the classifier's name ends, matched at a word's start: the reason words ({@code for reasons},
     * {@code Reason:}, {@code per}, {@code based on E.O.12958}, {@code due to 1,4}), the order or the section number.
     * Every quantifier is possessive or bounded; {@link #endOfName} tries it only where its first letter is.
     */
    private static final Pattern END_OF_NAME = Pattern.compile("(?i)"
            + "(?:f\\s?[o0]\\s?r|per|under|based\\s{1,3}(?:up)?[o0]n|due\\s{1,3}to)\\s{1,3}+(?:f[o0]r\\s{1,3}+)?"
            + "(?=" + REASON_WORD + "|e\\.?\\s?[o0]\\.?\\s?1\\d{4}|1\\d{4}|se\\s?ction|1\\s?[.,]\\s?[45]|para\\b)"
            + "|" + REASON_WORD + "(?:\\(s\\))?(?![a-z])"
            + "|e\\.?\\s?[o0]\\.?\\s?1\\d{4}"
            + "|1\\s?[.,]\\s?[45](?!\\d)");
    /** The letters {@link #END_OF_NAME} can start with. */
    private static final String END_STARTS = "fFpPuUbBdDrReE1";

    /** {@code E.O. 12958}, {@code EO 12958}, {@code E.O.12958}, {@code 12958} alone after "for". */
    private static final Pattern ORDER = Pattern.compile("(?i)(?:\\be\\.?\\s?[o0]\\.?\\s?|\\bfor\\s)(1\\d{4})\\b");
    /** What may open the statement before the name: a repeated keyword, a marking, a paragraph number. */
    private static final Pattern PREFIX = Pattern.compile("(?i)^(?:[\\s:.]++|\\d\\.\\s*+|\\([A-Z/]{1,6}\\)\\s*+"
            + "|(?:this\\s(?:message|cable)\\s)?class(?:i)?fied\\s{1,3}by:?+)++");
    private static final int MAX_LINES = 5;

    private ClassifiedByExtractor() {
    }

    static ClassifiedBy extract(CableText text) {
        int[] at = find(text);
        if (at == null) {
            return null;
        }
        return read(statement(text, at[0], at[1]));
    }

    /**
     * The first "classified by" above the text's third paragraph (the statement stands in the header or opens the
     * first paragraph): {line, index after the words}; null if none.
     */
    private static int[] find(CableText text) {
        // most statements start a line, which the line scan has marked: no text search for them
        int marked = text.first(LineKind.CLASSIFIED_BY);
        if (marked >= 0 && marked < text.bodyStart + 120) {
            int at = indexOfKeyword(text.lines[marked]);
            if (at >= 0 && !before(text, marked)) {
                return new int[]{marked, at};
            }
        }
        int paragraphs = 0;
        for (int i = 0; i < text.size() && i < text.bodyStart + 120; i++) {
            if (text.kinds[i] == LineKind.PARAGRAPH && ++paragraphs > 2) {
                break;
            }
            int at = indexOfKeyword(text.lines[i]);
            if (at >= 0) {
                return new int[]{i, at};
            }
        }
        return null;
    }

    /** Is there a paragraph above line {@code marked} whose text may hold an earlier statement? */
    private static boolean before(CableText text, int marked) {
        int paragraph = text.first(LineKind.PARAGRAPH);
        return paragraph >= 0 && paragraph < marked;
    }

    /**
     * Where "classified by" (any case, "classfied" too) ends in the line, or -1. Found through "lass"/"LASS", which
     * few words hold, rather than tried at every character.
     */
    private static int indexOfKeyword(String line) {
        for (String lass : new String[]{"lass", "LASS"}) {
            for (int at = line.indexOf(lass, 1); at >= 1; at = line.indexOf(lass, at + 1)) {
                int end = keywordAt(line, at - 1);
                if (end >= 0) {
                    return end;
                }
            }
        }
        return -1;
    }

    /** The index after "classified by" starting at {@code start}, or -1. */
    private static int keywordAt(String line, int start) {
        if (start > 0 && Character.isLetter(line.charAt(start - 1))) {
            return -1;
        }
        for (String word : new String[]{"classified", "classfied"}) {
            if (line.regionMatches(true, start, word, 0, word.length())) {
                int i = start + word.length();
                int spaces = i;
                while (i < line.length() && line.charAt(i) == ' ') {
                    i++;
                }
                if (i > spaces && line.regionMatches(true, i, "by", 0, 2)
                        && (i + 2 == line.length() || !Character.isLetter(line.charAt(i + 2)))) {
                    return i + 2;
                }
            }
        }
        return -1;
    }

    /**
     * The statement from {@code column} of line {@code at} over its continuation lines: up to a blank line, a
     * paragraph or another field, joined with spaces except where the release's wrapping cut a word.
     */
    private static String statement(CableText text, int at, int column) {
        StringBuilder b = new StringBuilder(text.lines[at].substring(column));
        int last = at;
        for (int i = at + 1; i < text.size() && i <= at + MAX_LINES && b.length() < 600; i++) {
            LineKind k = text.kinds[i];
            if (k == LineKind.BLANK || k == LineKind.PAGE_BREAK) {
                // a blank line the wrapping left inside a word ("FOR REA" / "" / "SONS 1.4")
                int next = text.nextNonBlank(i);
                if (next > 0 && next <= i + 2 && text.cutInsideWord(last, next) && startsWithLetter(text.lines[next])) {
                    i = next - 1;
                    continue;
                }
                break;
            }
            if (k != LineKind.TEXT && k != LineKind.CLASSIFICATION_BARE && k != LineKind.CAVEAT) {
                break;
            }
            b.append(text.cutInsideWord(last, i) ? "" : " ").append(text.lines[i]);
            last = i;
        }
        return b.toString();
    }

    private static boolean startsWithLetter(String line) {
        return !line.isEmpty() && Character.isLetter(line.charAt(0));
    }

    static ClassifiedBy read(String statement) {
        String s = statement.replace("\\", "");
        Matcher prefix = PREFIX.matcher(s);
        if (prefix.lookingAt()) {
            s = s.substring(prefix.end());
        }
        String who = s.substring(0, endOfName(s));
        String rest = s.substring(who.length());
        List<String> reasons = List.of();
        Matcher section = findSection(rest);
        if (section != null) {
            reasons = reasons(rest, section);
        }
        String head = rest.length() > 200 ? rest.substring(0, 200) : rest;
        Matcher order = ORDER.matcher(head);
        // the regex only where an order number is: five digits starting with 1
        String executiveOrder = hasOrderNumber(head) && order.find() ? order.group(1) : null;

        List<ClassifierNames.Person> people = ClassifierNames.people(who);
        if (people.isEmpty()) {
            return reasons.isEmpty() && executiveOrder == null ? null
                    : new ClassifiedBy(null, null, reasons, executiveOrder, List.of());
        }
        List<Classifier> others = new ArrayList<>();
        for (ClassifierNames.Person p : people.subList(1, people.size())) {
            others.add(new Classifier(p.name(), p.title()));
        }
        return new ClassifiedBy(people.get(0).name(), people.get(0).title(), reasons, executiveOrder, others);
    }

    private static boolean hasOrderNumber(String s) {
        int digits = 0;
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                if (c == '1' && digits == 5) {
                    return true;
                }
            } else {
                digits = 0;
            }
        }
        return false;
    }

    /** Where {@link #END_OF_NAME} first matches at the start of a word (after a blank or punctuation), or the end. */
    private static int endOfName(String s) {
        Matcher m = END_OF_NAME.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (END_STARTS.indexOf(c) >= 0 && (i == 0 || startsWord(s.charAt(i - 1), c)) && mayEnd(s, i)
                    && m.region(i, s.length()).lookingAt()) {
                return i;
            }
        }
        return s.length();
    }

    /** The second character {@link #END_OF_NAME} needs after the first at {@code i}: most words fail here. */
    private static boolean mayEnd(String s, int i) {
        if (i + 1 >= s.length()) {
            return false;
        }
        char c = Character.toLowerCase(s.charAt(i));
        char d = Character.toLowerCase(s.charAt(i + 1));
        return switch (c) {
            case 'f' -> d == 'o' || d == '0' || d == ' ';
            case 'p' -> d == 'e';
            case 'u' -> d == 'n';
            case 'b' -> d == 'a';
            case 'd' -> d == 'u';
            case 'r' -> d == 'e' || d == ' ';
            case 'e' -> d == '.' || d == 'o' || d == '0' || d == ' ';
            default -> true;
        };
    }

    /** A section number starts where no word or number goes on; a word after a blank or punctuation. */
    private static boolean startsWord(char before, char c) {
        return c == '1' ? !Character.isLetterOrDigit(before) && before != '.' : " \t,;.:-(".indexOf(before) >= 0;
    }

    /**
     * The first {@link #SECTION} in {@code s}, its matcher left there for {@link #reasons} to go on from; null if none.
     * Tried only where a "1" is: a regex whose first node is {@code \b} is tried at every character.
     */
    private static Matcher findSection(String s) {
        Matcher m = SECTION.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
        return nextSection(m, s, 0, s.length()) ? m : null;
    }

    /** Moves {@code m} to the first {@link #SECTION} that starts in [from, to); false if there is none. */
    private static boolean nextSection(Matcher m, String s, int from, int to) {
        for (int one = s.indexOf('1', from); one >= 0 && one < to; one = s.indexOf('1', one + 1)) {
            if (m.region(one, s.length()).lookingAt()) {
                return true;
            }
        }
        return false;
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
            found = nextSection(section, s, section.end(), i + 20);
        }
        return out;
    }
}
