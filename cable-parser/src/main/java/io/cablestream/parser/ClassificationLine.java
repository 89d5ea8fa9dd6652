package io.cablestream.parser;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classification line {@code C O N F I D E N T I A L SECTION 01 OF 02 USOSCE 000086}: its level (letters may
 * be spaced out), caveats written on it, section n of m, station and serial.
 */
record ClassificationLine(String level, String caveats, Integer section, Integer sectionOf, String station,
                          String serial) {

    /** A classification word, spaced out or not; ordered so that longer words win. */
    static final String LEVEL = "(" + spaced("TOP SECRET") + "|" + spaced("SECRET") + "|" + spaced("CONFIDENTIAL") + "|O N F I D E N T I A L"
            + "|" + spaced("UNCLASSIFIED") + "|" + spaced("UNCLAS") + "|LIMITED OFFICIAL USE|" + spaced("SENSITIVE")
            + " BUT " + spaced("UNCLASSIFIED") + ")";
    /** A doubled first letter, as in 06MADRID779's {@code C C O N F I D E N T I A L}. */
    private static final String STRAY = "(?:C (?=C )|S (?=S )|T (?=T )|U (?=U ))?";
    /** {@code NOFORN} is matched by its spaced form alone: listed twice, each NOFORN doubled the ways to fail. */
    private static final String CAVEAT = "(?:NF|SENSITIVE|SIPDIS|EXDIS|NODIS|LIMDIS|STADIS|FOUO"
            + "|FOR OFFICIAL USE ONLY|" + spaced("EFTO") + "|" + spaced("NOFORN") + "|CHEROKEE|ORCON)";
    /**
     * What stands before each caveat: blanks, or "//", "/" or "," with blanks around. Was {@code \s*(?://|/|\s|,)\s*},
     * which cuts a run of n blanks in n ways: a line {@code SECRET} + eight times ten blanks and {@code NF} failed
     * after 10^8 tries (137 s). The caveat after it starts with a letter, so the blanks are taken whole
     * (possessive) and a run is read one way; the lines matched and their groups are the same.
     */
    private static final String SEPARATOR = "(?:\\s*+(?://|/|,)\\s*+|\\s++)";
    /**
     * Up to ten caveats, one of them may be a releasability list {@code REL UK, CA}, which ends where what follows
     * matches (lazily). It was one more caveat, so that each REL's end was tried with every end of the RELs after
     * it: {@code SECRET} + twenty times {@code  REL A,} took 2.4 s. The one real line with REL (SECRET/REL YEMEN)
     * has one; lines with two or more (none in the corpus) read their later RELs as text.
     */
    private static final String CAVEATS = "((?:" + SEPARATOR + CAVEAT + "){0,10}(?:" + SEPARATOR + "REL [A-Z, ]{2,20}?"
            + "(?:" + SEPARATOR + CAVEAT + "){0,10})?)";
    /** Blanks possessive where a letter or digit must follow them, for the same reason as {@link #SEPARATOR}. */
    private static final Pattern FULL = Pattern.compile("^" + STRAY + LEVEL + CAVEATS
            + "\\s*+(?:(?:SECTION|ECTION|SCTION|SECTON|SETION)\\s*+(\\d{1,2})\\s*+[O0Gog][Ff]\\s*+(\\d{1,2}))?"
            + "\\s*+(?!(?:SECTION|ECTION|SCTION)\\b)([A-Z][A-Z.'-]*+(?: [A-Z][A-Z.'-]*+){0,3}?)\\s++0*(\\d{1,7})(?!\\d)");
    private static final Pattern BARE = Pattern.compile("^" + STRAY + LEVEL + CAVEATS + "\\s*+$");

    private static String spaced(String word) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == ' ') {
                b.append(" {0,3}");
            } else {
                if (i > 0 && word.charAt(i - 1) != ' ') {
                    b.append(" ?");
                }
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * The first five letters of every {@link #LEVEL} word, also behind a doubled first letter ({@link #STRAY}): the
     * letters of a line that {@link #FULL} or {@link #BARE} can match start with one of them, whatever the spaces.
     */
    private static final String[] LEVEL_STARTS = {"UNCLA", "CONFI", "SECRE", "TOPSE", "LIMIT", "SENSI", "ONFID",
        "CCONF", "SSECR", "SSENS", "TTOPS", "UUNCL"};

    /**
     * Could this line (trimmed) start with a classification word? A cheap test before the regex: most lines that
     * start like one ({@code TO}, {@code SECRETARY}, {@code UNITED}) are soon told apart by their first letters.
     */
    static boolean plausible(String line) {
        return plausibleStart(line) && startsWithLevelLetters(line);
    }

    /** Its first five letters, spaces skipped, are those of a classification word. */
    private static boolean startsWithLevelLetters(String line) {
        char[] letters = new char[5];
        int count = 0;
        for (int i = 0; i < line.length() && count < 5; i++) {
            char c = line.charAt(i);
            if (c == ' ') {
                continue;
            }
            if (c < 'A' || c > 'Z') {
                return false;
            }
            letters[count++] = c;
        }
        if (count < 5) {
            return false;
        }
        for (String start : LEVEL_STARTS) {
            if (start.charAt(0) == letters[0] && start.charAt(1) == letters[1] && start.charAt(2) == letters[2]
                    && start.charAt(3) == letters[3] && start.charAt(4) == letters[4]) {
                return true;
            }
        }
        return false;
    }

    private static boolean plausibleStart(String line) {
        if (line.length() < 3) {
            return false;
        }
        char c = line.charAt(0);
        char d = line.charAt(1);
        char e = line.charAt(2);
        return switch (c) {
            case 'U' -> d == 'N' || (d == ' ' && (e == 'N' || e == 'U'));
            case 'C' -> d == 'O' || (d == ' ' && (e == 'O' || e == 'C'));
            case 'S' -> d == 'E' || (d == ' ' && (e == 'E' || e == 'S'));
            case 'T' -> d == 'O' || (d == ' ' && (e == 'O' || e == 'T'));
            case 'L' -> d == 'I';
            // 06AMMAN3564 lost the first letter: "O N F I D E N T I A L"
            case 'O' -> d == ' ' && e == 'N';
            default -> false;
        };
    }

    static ClassificationLine parse(String line) {
        // the fields sit in the first 200 characters; a longer rest (a flattened cable) is not read
        int end = Math.min(line.length(), 200);
        // FULL needs a serial, BARE no digit at all: a line is tried by one of them only
        if (!plausible(line) || !hasDigit(line, end)) {
            return null;
        }
        Matcher m = ParseBudget.matcher(FULL, line).region(0, end);
        if (!m.lookingAt()) {
            return null;
        }
        return new ClassificationLine(despace(m.group(1)), despace(m.group(2)), integer(m.group(3)),
                integer(m.group(4)), m.group(5), m.group(6));
    }

    static ClassificationLine parseBare(String line) {
        if (!plausible(line) || line.length() > 200 || hasDigit(line, line.length())) {
            return null;
        }
        Matcher m = ParseBudget.matcher(BARE, line);
        if (!m.lookingAt()) {
            return null;
        }
        return new ClassificationLine(despace(m.group(1)), despace(m.group(2)), null, null, null, null);
    }

    /** Is there a digit (what {@code \d} matches) before {@code end}? */
    private static boolean hasDigit(String line, int end) {
        for (int i = 0; i < end; i++) {
            if (line.charAt(i) >= '0' && line.charAt(i) <= '9') {
                return true;
            }
        }
        return false;
    }

    /** {@code C O N F I D E N T I A L} to {@code CONFIDENTIAL}; words stay apart where the gap is wider. */
    static String despace(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ' ' && i > 0 && i + 1 < n && s.charAt(i + 1) != ' ' && s.charAt(i - 1) != ' '
                    && isSingleLetter(s, i - 1) && isSingleLetter(s, i + 1)) {
                continue;
            }
            b.append(c);
        }
        return Strings.collapse(b);
    }

    private static boolean isSingleLetter(String s, int i) {
        boolean before = i == 0 || s.charAt(i - 1) == ' ';
        boolean after = i + 1 >= s.length() || s.charAt(i + 1) == ' ';
        return before && after;
    }

    private static Integer integer(String s) {
        return s == null ? null : Integer.valueOf(s);
    }
}
