package io.cablestream.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The cables one reference item cites, as canonical ids: {@code 06 TBILISI 2601}, {@code LA PAZ 2974},
 * {@code 2007 MANAGUA 2135}, {@code '08 BUENOS AIRES 1491}, {@code STATE (01) 201265}, {@code QUITO 4525-91},
 * {@code AMMAN 07718 99}, {@code 377 KATHMANDU}, {@code 09CAIRO0561}, and the lists {@code BRASILIA 2799 AND 2764},
 * {@code Kabul 692/317/274}. Read token by token (no regex): the station is the longest run of words before a
 * serial that names a known station; a year comes from the text, else from the citing cable, never guessed.
 */
final class CableCitations {

    /** Words that stand before numbers without being stations. */
    private static final Set<String> NOT_STATIONS = Set.of("JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE",
            "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER", "JAN", "FEB", "MAR", "APR", "JUN", "JUL",
            "AUG", "SEP", "SEPT", "OCT", "NOV", "DEC", "PARA", "PARAS", "PARAGRAPH", "PARAGRAPHS", "NUMBER", "NO", "NOS",
            "NR", "RES", "UNSCR", "RESOLUTION", "PAGE", "PAGES", "SECTION", "ARTICLE", "THE", "AND", "OF", "DATED", "USC",
            "CFR", "CODE", "EO", "NOTAL", "TELCON", "TELCONS", "TELECON", "EMAIL", "EMAILS", "E-MAIL", "E-MAILS", "FAX",
            "ROOM", "LAW", "ACT", "YEAR", "FY", "PART", "ITEM", "CHAPTER", "TEXT", "TELEGRAM", "TELEGRAMS", "MSG", "DTG",
            "IIR", "OSC", "MEMO", "LETTER", "NOTE", "REPORT", "TD", "THRU", "THROUGH", "TO", "ON", "FROM", "AT", "IN",
            "CIRCULAR", "REF", "REFS", "REFTEL", "AS", "OR", "BY", "FOR", "WITH", "SINCE", "PREVIOUS", "PHONE", "CALL",
            "MEETING", "MTG", "TABLE", "ANNEX", "VOL", "VOLUME", "LINE", "CASE", "FILE", "ID", "POST", "POSTS", "DAY",
            "DAYS", "HOURS", "TOTAL", "ABOUT", "OVER", "UNDER", "APPROX", "US", "USG", "ALL", "SEE", "ALSO", "PER");

    private CableCitations() {
    }

    /** What the tokenizer sees. */
    private enum Kind { WORD, NUMBER, GLUED, SEPARATOR, OTHER }

    private record Token(Kind kind, String text) {
    }

    /**
     * The canonical ids cited in {@code item}; {@code citingYear} (two digits) is used where the text has no year,
     * and with none the citation is skipped. Only stations of the dictionary ({@link Stations}) are read.
     */
    static List<String> ids(String item, Integer citingYear) {
        List<Token> tokens = tokens(item);
        List<String> out = new ArrayList<>();
        String station = null;
        Integer year = null;
        int n = tokens.size();
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            if (t.kind() == Kind.GLUED) {
                String id = glued(t.text(), citingYear);
                if (id != null) {
                    add(out, id);
                }
                station = null;
                continue;
            }
            if (t.kind() == Kind.WORD && station != null && t.text().equalsIgnoreCase("AND") && i + 1 < n
                    && tokens.get(i + 1).kind() == Kind.NUMBER) {
                continue; // BRASILIA 2799 AND 2764: the serial after it goes with the station before
            }
            if (t.kind() == Kind.WORD) {
                int end = i;
                while (end < n && end - i < 6 && tokens.get(end).kind() == Kind.WORD) {
                    end++;
                }
                int serialAt = end;
                Integer parenYear = null;
                // STATE (01) 201265: the year in brackets between station and serial
                if (serialAt + 3 < n && tokens.get(serialAt).text().equals("(") && isYear(tokens.get(serialAt + 1))
                        && tokens.get(serialAt + 2).text().equals(")")) {
                    parenYear = twoDigitYear(tokens.get(serialAt + 1).text());
                    serialAt += 3;
                }
                if (serialAt < n && (tokens.get(serialAt).text().equals("#") || tokens.get(serialAt).text().equals(":"))) {
                    serialAt++;
                }
                if (serialAt < n && tokens.get(serialAt).kind() == Kind.NUMBER) {
                    int[] from = new int[1];
                    String found = station(tokens, i, end, from);
                    if (found != null) {
                        station = found;
                        Integer prefix = from[0] > 0 && isYear(tokens.get(from[0] - 1))
                                ? twoDigitYear(tokens.get(from[0] - 1).text()) : null;
                        year = parenYear != null ? parenYear : prefix;
                        i = serialAt;
                        i = serial(tokens, i, station, year, citingYear, out);
                        continue;
                    }
                } else if (i > 0 && tokens.get(i - 1).kind() == Kind.NUMBER && (end == n
                        || tokens.get(end).kind() == Kind.SEPARATOR)) {
                    // 377 KATHMANDU, 870 Ulaanbaatar: the serial before a known station
                    String found = Stations.canonical(join(tokens, i, end));
                    if (found != null && !(i > 1 && tokens.get(i - 2).kind() == Kind.WORD)) {
                        Integer y = i > 1 && isYear(tokens.get(i - 2)) ? twoDigitYear(tokens.get(i - 2).text()) : null;
                        String id = id(y != null ? y : citingYear, found, tokens.get(i - 1).text());
                        if (id != null) {
                            add(out, id);
                        }
                    }
                }
                station = null;
                i = end - 1;
                continue;
            }
            boolean yearOfNext = i + 1 < n && tokens.get(i + 1).kind() == Kind.WORD && isYear(t)
                    && startsStation(tokens.get(i + 1).text());
            if (t.kind() == Kind.NUMBER && station != null && i > 0 && continues(tokens.get(i - 1)) && !yearOfNext) {
                // BRASILIA 2799 AND 2764, Kabul 692/317, GUANGZHOU 11657 and 7743, 12155
                i = serial(tokens, i, station, year, citingYear, out);
                continue;
            }
            if (t.kind() != Kind.SEPARATOR) {
                station = null;
            }
        }
        return out;
    }

    /** Reads the serial at {@code i} (and a year after it); returns the index of the last token read. */
    private static int serial(List<Token> tokens, int i, String station, Integer year, Integer citingYear,
                              List<String> out) {
        String serial = tokens.get(i).text();
        Integer y = year;
        int dash = serial.indexOf('-');
        if (dash > 0) {
            // QUITO 4525-91: the year after the serial
            y = twoDigitYear(serial.substring(dash + 1));
            serial = serial.substring(0, dash);
        } else if (i + 1 < tokens.size() && tokens.get(i + 1).kind() == Kind.NUMBER
                && tokens.get(i + 1).text().length() == 2
                && (i + 2 == tokens.size() || tokens.get(i + 2).kind() == Kind.SEPARATOR)) {
            // AMMAN 07718 99, AMMAN 05986 00: the year after the serial
            y = twoDigitYear(tokens.get(i + 1).text());
            i++;
        }
        String id = id(y != null ? y : citingYear, station, serial);
        if (id != null) {
            add(out, id);
        }
        return i;
    }

    /** The station named by the longest run of words ending at {@code end}; {@code from[0]} its first token. */
    private static String station(List<Token> tokens, int start, int end, int[] from) {
        for (int a = start; a < end; a++) {
            String found = Stations.exact(join(tokens, a, end));
            if (found != null) {
                from[0] = a;
                return found;
            }
        }
        // a misspelt station is one word (Colomobo, BRASILA): not every run of words is tried against the dictionary
        String corrected = Stations.canonical(tokens.get(end - 1).text());
        if (corrected != null) {
            from[0] = end - 1;
            return corrected;
        }
        // a word the dictionary does not know is not read as a station: across the corpus such words were DAILY,
        // DEPT, ATTACHMENT, surnames and seasons far more often than stations
        return null;
    }

    private static String glued(String token, Integer citingYear) {
        int i = 0;
        while (i < token.length() && Character.isDigit(token.charAt(i))) {
            i++;
        }
        Integer year = i == 2 ? Integer.valueOf(token.substring(0, 2)) : null;
        if (i != 0 && i != 2) {
            return null;
        }
        int letters = i;
        while (letters < token.length() && Character.isLetter(token.charAt(letters))) {
            letters++;
        }
        String station = Stations.canonical(token.substring(i, letters));
        if (station == null || letters == token.length()) {
            return null;
        }
        return id(year != null ? year : citingYear, station, token.substring(letters));
    }

    /** A word that may begin a station: a known one's first word, or an upper-case word that names no other thing. */
    private static boolean startsStation(String word) {
        String upper = word.toUpperCase();
        return Stations.canonical(word) != null || (upper.equals(word) && !NOT_STATIONS.contains(upper));
    }

    /** "AND", "&", ",", "/" between the serials of one station. */
    private static boolean continues(Token previous) {
        String t = previous.text();
        return t.equals(",") || t.equals("/") || t.equals("&") || t.equalsIgnoreCase("AND");
    }

    private static boolean isYear(Token t) {
        if (t.kind() != Kind.NUMBER) {
            return false;
        }
        String s = t.text().startsWith("'") ? t.text().substring(1) : t.text();
        return s.length() == 2 || (s.length() == 4 && (s.startsWith("19") || s.startsWith("20")));
    }

    private static Integer twoDigitYear(String s) {
        String digits = s.startsWith("'") ? s.substring(1) : s;
        if (digits.isEmpty() || !allDigits(digits) || (digits.length() != 2 && digits.length() != 4)) {
            return null;
        }
        return Integer.parseInt(digits) % 100;
    }

    private static String id(Integer year, String station, String serial) {
        if (year == null || serial.isEmpty() || !allDigits(serial) || serial.length() > 8) {
            return null;
        }
        long number = Long.parseLong(serial);
        if (number == 0 || number > 9_999_999L) {
            return null;
        }
        return Strings.twoDigits(year) + station + number;
    }

    private static void add(List<String> out, String id) {
        if (!out.contains(id)) {
            out.add(id);
        }
    }

    private static String join(List<Token> tokens, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            b.append(tokens.get(i).text());
        }
        return b.toString();
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    /** Words, numbers ({@code 0953}, {@code '08}, {@code 4525-91}), glued ids and the separators between them. */
    private static List<Token> tokens(String s) {
        List<Token> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (",;:()/#&".indexOf(c) >= 0) {
                out.add(new Token(Kind.SEPARATOR, String.valueOf(c)));
                i++;
                continue;
            }
            int j = i;
            while (j < n && !Character.isWhitespace(s.charAt(j)) && ",;:()/#&".indexOf(s.charAt(j)) < 0) {
                j++;
            }
            out.add(token(trimDots(s.substring(i, j))));
            i = j;
        }
        return out;
    }

    private static String trimDots(String t) {
        int end = t.length();
        while (end > 1 && t.charAt(end - 1) == '.') {
            end--;
        }
        return t.substring(0, end);
    }

    private static Token token(String t) {
        int letters = 0;
        int digits = 0;
        int zeros = 0;
        for (int k = 0; k < t.length(); k++) {
            char c = t.charAt(k);
            if (Character.isLetter(c)) {
                letters++;
            } else if (c >= '0' && c <= '9') {
                digits++;
                zeros += c == '0' ? 1 : 0;
            }
        }
        if (letters == 0 && digits > 0) {
            boolean number = allDigits(t) || (t.startsWith("'") && allDigits(t.substring(1)))
                    || (t.indexOf('-') > 0 && allDigits(t.substring(0, t.indexOf('-')))
                    && allDigits(t.substring(t.indexOf('-') + 1)) && t.length() - t.indexOf('-') == 3);
            return new Token(number ? Kind.NUMBER : Kind.OTHER, t);
        }
        if (letters >= 3 && digits == zeros && zeros <= 1 && Stations.key(t).length() == t.replace(".", "")
                .replace("-", "").replace("'", "").length()) {
            return new Token(Kind.WORD, t); // 0TTAWA, SANTIAG0: an O typed as zero
        }
        if (letters > 0 && digits == 0) {
            return new Token(Kind.WORD, t);
        }
        if (letters >= 2 && digits > 0 && Character.isLetterOrDigit(t.charAt(t.length() - 1))
                && Character.isDigit(t.charAt(t.length() - 1))) {
            return new Token(Kind.GLUED, t);
        }
        return new Token(Kind.OTHER, t);
    }
}
