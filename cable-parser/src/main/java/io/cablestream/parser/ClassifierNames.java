package io.cablestream.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who a "Classified By" statement names, split into the name as written and the title around it:
 * {@code Acting Deputy Chief of Mission Marc Wall} is Marc Wall, {@code Karin L. Look, Acting ASSISTANT SECRETARY}
 * is Karin L. Look, {@code THOMAS W. SIMONS, JR., AMBASSADOR} is THOMAS W. SIMONS, JR. The name is the run of
 * name-like words that ends a comma-separated part; a title is made of words of office (a vocabulary with the
 * misspellings cables have, read by stem), office codes (DCM, A/S, POL/ECON) and the words that join them.
 */
final class ClassifierNames {

    record Person(String name, String title) {
    }

    /** Words of office, upper case. Stems below catch the misspelt and inflected ones. */
    private static final Set<String> TITLE_WORDS = Set.of("ACTING", "DEPUTY", "CHIEF", "HEAD", "MISSION", "POLITICAL",
            "POL", "ECON", "ECONOMIC", "ECONOMICS", "SECTION", "UNIT", "POLOFF", "ECONOFF", "CONOFF", "POLMIL",
            "POLMILOFF", "POLECON", "ECPO", "ECOPOL", "POLCOUNS", "ECONCOUNS", "MINCOUNS", "POLMINCOUNS", "MIN", "MC",
            "EMIN", "ECMIN", "PMIN", "DIR", "DIRECTOR", "GENERAL", "SPECIAL", "ENVOY", "STATE", "U.S.", "US", "USG",
            "DIPLOMATIC", "TDY", "RSO", "ARSO", "CDA", "DCM", "ADCM", "COM", "CG", "LTC", "COL", "COLONEL", "MAJOR",
            "CAPTAIN", "CAPT", "EXEC", "EXECUTIVE", "AIT", "ISN", "IO", "NEA", "AF", "EUR", "WHA", "EAP", "SCA", "INR",
            "DAS", "PDAS", "USEU", "USNATO", "USUN", "DOS", "IPO", "PRT", "PAO", "IPAO", "CHAIR", "CHAIRMAN", "LEADER",
            "SENIOR", "REGIONAL", "PRESENCE", "GLOBAL", "INTERAGENCY", "SUB-NATIONAL", "ARMS", "CONTROL", "DEFENSE",
            "MILITARY", "PUBLIC", "ADMIN", "ADMINISTRATIVE", "MANAGEMENT", "COMMERCIAL", "AGRICULTURAL", "LABOR",
            "TRADE", "POLICY", "PLANNING", "INTELLIGENCE", "RESEARCH", "ANALYSIS", "CLASSIFICATION", "GUIDE", "DESK",
            "COUNTRY", "TEAM", "ALTERNATE", "AMB.", "AI", "A.I.", "A.I", "DR.", "MR.", "MS.", "MRS.", "AMBASSADOR-DESIGNATE",
            "NARCOTICS", "NAS", "LEGATT", "LEGAL", "CONSUL", "CONSULAR", "HUMAN", "RIGHTS", "BUREAU", "ENVIRONMENT",
            "SCIENCE", "TECHNOLOGY", "HEALTH", "ENERGY", "FINANCIAL", "TREASURY", "ATTACHE", "GROUP", "DELEGATION",
            "CHARGE", "CHARGE'", "CHARGÉ", "POL-MIL", "POL-ECON", "ECON-POL", "POLITICAL-MILITARY", "MINISTER-COUNSELOR",
            "ECONOMIC-POLITICAL", "POLITICAL-ECONOMIC", "EST&H", "ESTH", "T", "OFFICE", "DEPT", "VCI", "COUN");
    /** Stems of words of office, upper case: a word starting with one is a title word (COUNSEL0R, Ambassado). */
    private static final String[] TITLE_STEMS = {"AMB", "ABASS", "COUNS", "CHARG", "REPRESEN", "MINIST", "SECRETAR",
        "DIRECT", "AFFAI", "AFAIR", "D'AF", "D,AF", "D’AF", "ADVIS", "COORDIN", "ATTACH", "OFFIC", "POLITIC", "ECONOM",
        "DEPUT", "ASSIST", "CONSUL", "DELEGA", "EMBASS", "DEPART", "GOVERN", "INSTITUT", "PROVINC", "INTERAG",
        "PRINCIP", "PERMAN", "SECURIT", "MANAGE", "COMMAND", "SUPERVIS", "SPOKES", "ADMINIST"};
    /** The first letters of {@link #TITLE_STEMS}: most words are told apart from every stem by it. */
    private static final String STEM_INITIALS = initials(TITLE_STEMS);
    /** Words that join the words of a title: "Chief of Mission", "Ambassador to Sudan". */
    private static final Set<String> CONNECTORS = Set.of("OF", "FOR", "TO", "AND", "THE", "ON", "IN", "AT", "&", "D",
            "A.", "I.", "A", "BY", "WITH");
    private static final Set<String> SUFFIXES = Set.of("JR", "JR.", "SR", "SR.", "II", "III", "IV");
    private static final Set<String> PARTICLES = Set.of("van", "von", "de", "da", "del", "der", "al", "el", "la", "le",
            "du", "di", "bin", "ben", "dos");

    /** Compiled once: String.split compiles a pattern of more than one character on every call. */
    private static final Pattern AND = Pattern.compile("(?i) (?:and|&) ");

    private ClassifierNames() {
    }

    /** The people the text names, first the main classifier; empty when it names nobody (a title alone). */
    static List<Person> people(String who) {
        String s = clean(who);
        if (s.isEmpty()) {
            return List.of();
        }
        // "by" inside the statement names the person after it: "DOS CLASSIFICATION GUIDE BY MARY TOWNSWICK"
        int by = lastWord(s, "by");
        if (by >= 0) {
            s = s.substring(by + 3).trim();
        }
        List<Person> several = several(s);
        if (several.size() > 1) {
            return several;
        }
        Person one = person(s);
        return one == null ? List.of() : List.of(one);
    }

    /** "Ambassador X and DCM Y": each side a person with a name of two words or more; else one person or none. */
    private static List<Person> several(String s) {
        if (s.indexOf('&') < 0 && !s.contains(" and ") && !s.contains(" AND ") && !s.contains(" And ")) {
            return List.of();
        }
        List<Person> out = new ArrayList<>();
        for (String part : AND.split(s)) {
            Person p = person(part);
            if (p == null || p.name().indexOf(' ') < 0) {
                return List.of();
            }
            out.add(p);
        }
        return out;
    }

    /**
     * One person: the first comma-separated part that ends with a name; the rest is title. A surname written first
     * ({@code Stepheson, Barbara J, Ambassador}) is kept so.
     */
    private static Person person(String s) {
        List<String> parts = parts(s);
        for (int p = 0; p < parts.size(); p++) {
            String[] tokens = withoutTrailingMarks(Strings.tokens(parts.get(p)).toArray(new String[0]));
            // capitals in a part of mixed case are office codes (AIT, DCM); a part all in capitals may be a name
            int start = nameStart(tokens, Strings.hasLowerCase(parts.get(p)));
            if (start < tokens.length) {
                if (p == 0 && tokens.length == 1 && parts.size() > 1 && isGivenNames(parts.get(1))) {
                    String name = tokens[0] + ", " + parts.get(1).trim();
                    List<String> rest = parts.subList(2, parts.size());
                    return new Person(name, rest.isEmpty() ? null : trimPunctuation(String.join(", ",
                            rest.stream().map(String::trim).toList())));
                }
                StringBuilder title = new StringBuilder(String.join(" ", List.of(tokens).subList(0, start)));
                for (int q = 0; q < parts.size(); q++) {
                    if (q != p && !parts.get(q).isBlank()) {
                        title.append(title.length() == 0 ? "" : ", ").append(parts.get(q).trim());
                    }
                }
                String name = String.join(" ", List.of(tokens).subList(start, tokens.length));
                return new Person(name, title.length() == 0 ? null : trimPunctuation(title.toString()));
            }
        }
        return null;
    }

    /**
     * The parts between commas, semicolons and colons, a name's suffix ({@code , JR.}) kept with the name before it.
     */
    private static List<String> parts(String s) {
        List<String> parts = new ArrayList<>();
        for (String part : separated(s)) {
            String t = part.trim();
            if (!parts.isEmpty() && SUFFIXES.contains(t.toUpperCase(Locale.ROOT))) {
                parts.set(parts.size() - 1, parts.get(parts.size() - 1).trim() + ", " + t);
            } else {
                parts.add(part);
            }
        }
        return parts;
    }

    /** The text between the separators {@code , ; :}, without the empty parts at the end (as a regex split). */
    private static List<String> separated(String s) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == ';' || c == ':') {
                out.add(s.substring(from, i));
                from = i + 1;
            }
        }
        out.add(s.substring(from));
        while (out.size() > 1 && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** Given names and initials only, no word of office: {@code Barbara J}. */
    private static boolean isGivenNames(String part) {
        List<String> tokens = Strings.tokens(part);
        if (tokens.isEmpty() || tokens.size() > 3) {
            return false;
        }
        boolean mixed = Strings.hasLowerCase(part);
        for (String t : tokens) {
            if (!isNameToken(t, mixed)) {
                return false;
            }
        }
        return true;
    }

    /** Without bracketed marks after the name: {@code Maria Otero (G)}. */
    private static String[] withoutTrailingMarks(String[] tokens) {
        int end = tokens.length;
        while (end > 1 && tokens[end - 1].startsWith("(") && tokens[end - 1].length() <= 8) {
            end--;
        }
        return end == tokens.length ? tokens : java.util.Arrays.copyOf(tokens, end);
    }

    /** Index of the first token of the name that ends {@code tokens}; {@code tokens.length} if none. */
    private static int nameStart(String[] tokens, boolean mixedCase) {
        int end = tokens.length;
        while (end > 0 && SUFFIXES.contains(tokens[end - 1].replace(",", "").toUpperCase(Locale.ROOT))) {
            end--;
        }
        int start = end;
        int words = 0;
        while (start > 0 && isNameToken(tokens[start - 1], mixedCase)) {
            start--;
            if (isFullWord(tokens[start])) {
                words++;
            }
        }
        if (words == 0) {
            return tokens.length;
        }
        // after "for"/"of"/"to" the words before the name may be a place or an office: keep the last two words
        if (words > 2 && start > 0 && CONNECTORS.contains(tokens[start - 1].toUpperCase(Locale.ROOT))) {
            while (words > 2) {
                if (isFullWord(tokens[start])) {
                    words--;
                }
                start++;
            }
        }
        while (start < end && PARTICLES.contains(tokens[start])) {
            start++;
        }
        return start;
    }

    private static boolean isNameToken(String token, boolean mixedCase) {
        if (token.isEmpty() || isInitial(token)) {
            return !token.isEmpty() && Character.isUpperCase(token.charAt(0)) || token.startsWith("0");
        }
        if (PARTICLES.contains(token)) {
            return true;
        }
        // a name's words start with a capital: the tests for words of office below are needed for those only
        if (!Character.isUpperCase(token.charAt(0))) {
            return false;
        }
        String upper = withoutTrailingDots(token.toUpperCase(Locale.ROOT));
        if (token.indexOf('/') >= 0 || upper.contains("COUNSEL") || upper.contains("AMBASSAD") || TITLE_WORDS.contains(upper)
                || CONNECTORS.contains(upper) || hasTitleStem(upper)) {
            return false;
        }
        // in a text of mixed case, a word all in capitals is an office code (AIT, DCM), not a name
        return !(mixedCase && token.length() >= 2 && upper.equals(token) && hasLetters(token, 2));
    }

    /** {@code A}, {@code A.}, {@code D.C.}, {@code W.S.}, {@code 0.} (an O typed as zero). */
    private static boolean isInitial(String token) {
        int n = token.length();
        if (n == 0 || n > 6) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = token.charAt(i);
            boolean letter = Character.isLetter(c) || c == '0';
            boolean expectLetter = i % 2 == 0;
            if (expectLetter ? !letter : c != '.') {
                return false;
            }
        }
        return true;
    }

    private static String withoutTrailingDots(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == ',')) {
            end--;
        }
        return s.substring(0, end);
    }

    private static boolean isFullWord(String token) {
        return !isInitial(token) && !PARTICLES.contains(token);
    }

    private static boolean hasTitleStem(String upper) {
        if (upper.isEmpty() || STEM_INITIALS.indexOf(upper.charAt(0)) < 0) {
            return false;
        }
        for (String stem : TITLE_STEMS) {
            if (upper.startsWith(stem)) {
                return true;
            }
        }
        return false;
    }

    private static String initials(String[] words) {
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            if (b.indexOf(w.substring(0, 1)) < 0) {
                b.append(w.charAt(0));
            }
        }
        return b.toString();
    }

    private static boolean hasLetters(String token, int count) {
        int letters = 0;
        for (int i = 0; i < token.length(); i++) {
            if (Character.isLetter(token.charAt(i))) {
                letters++;
            }
        }
        return letters >= count;
    }


    /** Index of the last " word " (any case) in {@code s}, or -1. */
    private static int lastWord(String s, String word) {
        String upper = s.toUpperCase(Locale.ROOT);
        int at = upper.lastIndexOf(" " + word.toUpperCase(Locale.ROOT) + " ");
        return at < 0 ? -1 : at + 1;
    }

    /**
     * Without the marks around the name: stray "?", "(U)" markings, dashes and slashes standing alone, and
     * {@code DCM/Ted Osius} read as {@code DCM/ Ted Osius}.
     */
    private static String clean(String who) {
        StringBuilder b = new StringBuilder(who.length());
        for (String token : Strings.tokens(who)) {
            if (token.equals("-") || token.equals("?") || token.equals("--") || token.equals("/")
                    || token.equals("\u2013")) {
                b.append(b.length() == 0 ? "" : ", ");
                continue;
            }
            int slash = token.lastIndexOf('/');
            if (slash > 0 && slash + 2 < token.length() && Character.isUpperCase(token.charAt(slash + 1))
                    && Character.isLowerCase(token.charAt(slash + 2)) && Character.isUpperCase(token.charAt(0))
                    && token.substring(0, slash).equals(token.substring(0, slash).toUpperCase(Locale.ROOT))) {
                token = token.substring(0, slash + 1) + " " + token.substring(slash + 1);
            }
            b.append(b.length() == 0 || b.charAt(b.length() - 1) == ' ' ? "" : " ").append(token);
        }
        return trimPunctuation(b.toString());
    }

    /** Without the punctuation and blanks a statement leaves at either end of a name or title. */
    static String trimPunctuation(String s) {
        int i = 0;
        int j = s.length();
        while (i < j && ",;:.-?) ".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        while (j > i && ",;:-?( ".indexOf(s.charAt(j - 1)) >= 0
                || (j > i && s.charAt(j - 1) == '.' && !endsWithAbbreviation(s.substring(i, j)))) {
            j--;
        }
        return s.substring(i, j);
    }

    /** A final dot that belongs to the word: {@code Jr.}, an initial {@code B.}. */
    private static boolean endsWithAbbreviation(String s) {
        int space = s.lastIndexOf(' ');
        String last = s.substring(space + 1).replace(",", "");
        return SUFFIXES.contains(last.toUpperCase(Locale.ROOT)) || (last.length() == 2 && Character.isLetter(last.charAt(0)));
    }
}
