package io.cablestream.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Inputs built to make the parser's regular expressions backtrack: for every kind of line a regex reads, its tokens
 * joined by runs of blanks and separators ({@code SECRET} + ten blanks + {@code NF}, eight and ten times, took 137
 * s and hours before the caveat pattern was fixed), generated as separators × run lengths × repeats rather than
 * picked by hand; plus long lines of one character and long or many header lines.
 */
final class BacktrackingInputs {

    /** The tokens of each line kind, as a regex of the parser reads them; the first token starts the line. */
    private static final String[][] LINES = {
        {"SECRET", "NF"},
        {"S E C R E T", "NOFORN", "SIPDIS"},
        {"C O N F I D E N T I A L", "SECTION", "01", "OF", "02", "SAO", "PAULO", "001196"},
        {"UNCLAS", "SENSITIVE", "REL", "UK", "CA", "AU"},
        {"TOP SECRET", "E F T O", "N O F O R N"},
        {"P", "071527Z", "APR", "09"},
        {"O", "P", "271459Z", "SEP", "00", "FM"},
        {"DE", "RUEHVEN", "#0086/01", "0971527"},
        {"PP", "RUEHAST", "RUEHDBU", "RUEHFL"},
        {"ZNR", "UUUUU", "ZZH"},
        {"FM", "AMEMBASSY", "LA", "PAZ", "IMMEDIATE"},
        {"TO", "RUEHC/SECSTATE", "WASHDC", "PRIORITY", "6323"},
        {"INFO", "RUCNOSC/ORGANIZATION", "FOR", "SECURITY", "ROUTINE", "0001"},
        {"USOSCE", "00000086", "002", "OF", "002"},
        {"REF:", "A.", "STATE", "12345", "B.", "08", "PARIS", "123", "(C)"},
        {"Classified By:", "Ambassador", "X,", "for", "reasons", "1.4", "(b)", "and", "(d)", "E.O.", "12958"},
        {"E.O.", "12958:", "DECL:", "04/07/2019"},
        {"TAGS:", "PREL", "PGOV,", "OVIP", "(STEINBERG,", "JAMES)"},
        {"SUBJECT:", "(C)", "THE", "PARTY", "(SBU)"},
        {"\u00b61.", "(S/NF)", "Summary:", "END", "SUMMARY"},
        {"2009HANOI00686", "-", "CONFIDENTIAL"},
        {"Page", "1", "of", "9"},
        {"4/19/2005", "20:39,05BOGOTA3726,", "\"Embassy", "Bogota\",", "CONFIDENTIAL"},
        {"refid:", "09BAMAKO815"},
        {"date:", "2009-12-30", "10:10"},
        {"Thursday,", "07", "March", "2002,", "10:13"},
    };
    /** What stands between tokens: blanks of each kind the normaliser keeps or turns into a space, and separators. */
    private static final String[] SEPARATORS = {" ", "\t", "/", "//", ",", " , ", "\u00a0"};
    private static final int[] RUN_LENGTHS = {1, 3, 10, 300};
    /** How often the tokens after the first are repeated: 8 and 10 are the runs that stalled the caveat pattern. */
    private static final int[] REPEATS = {1, 8, 10};
    private static final char[] SINGLE = {' ', 'A', 'E', 'S', 'Z', '0', '1', '/', ',', '.', '-', '(', ')', '#', ':',
        '\u00b6', 'X', 'x', '$', '<', '\t', '\r'};

    private BacktrackingInputs() {
    }

    /** Each line kind × separator × run length × repeat count, alone and below a DTG (where header lines count). */
    static List<String> separatorRuns() {
        List<String> out = new ArrayList<>();
        for (String[] tokens : LINES) {
            for (String separator : SEPARATORS) {
                for (int run : RUN_LENGTHS) {
                    for (int repeat : REPEATS) {
                        String line = join(tokens, separator.repeat(run), repeat);
                        out.add(line);
                        out.add("P 071527Z APR 09\n" + line + "\nBT\n" + line);
                    }
                }
            }
        }
        return out;
    }

    /** The first token, then the others {@code repeat} times, each after {@code gap}. */
    private static String join(String[] tokens, String gap, int repeat) {
        StringBuilder b = new StringBuilder(tokens[0]);
        for (int r = 0; r < repeat; r++) {
            for (int i = 1; i < tokens.length; i++) {
                b.append(gap).append(tokens[i]);
            }
        }
        return b.toString();
    }

    /** A line of 1 MiB (UTF-8) of one character, for each character a pattern repeats. */
    static List<String> singleCharacterLines() {
        List<String> out = new ArrayList<>();
        for (char c : SINGLE) {
            String one = String.valueOf(c);
            out.add(one.repeat((1 << 20) / one.getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        }
        return out;
    }

    /** Header lines too long or too many: an FM or TO line of 20,000 characters, 20,000 TO/INFO/continuation lines. */
    static List<String> longHeaders() {
        String dtg = "VZCZCXRO1843\nP 071527Z APR 09\n";
        List<String> out = new ArrayList<>();
        out.add(dtg + "FM " + "AMEMBASSY ROME ".repeat(1_400) + "\nTO RUEHC/SECSTATE WASHDC PRIORITY 1\n");
        out.add(dtg + "FM AMEMBASSY ROME" + " ".repeat(19_900) + "X\n");
        out.add(dtg + "FM AMEMBASSY ROME\nTO " + "RUEHC/SECSTATE WASHDC PRIORITY ".repeat(700) + "\n");
        out.add(dtg + "FM AMEMBASSY ROME\n" + "TO RUEHC/SECSTATE WASHDC PRIORITY 6323\n".repeat(20_000));
        out.add(dtg + "FM AMEMBASSY ROME\nTO RUEHC/SECSTATE WASHDC\n" + "RUEHRO/AMEMBASSY ROME PRIORITY 1\n".repeat(25_000));
        out.add(dtg + "FM AMEMBASSY ROME\nINFO SECRET" + "  NF".repeat(40) + "\n" + "XMT AMCONSUL X\n".repeat(20_000));
        out.add(dtg + "FM AMEMBASSY ROME\nTO X\n" + ("SECRET" + "          NF".repeat(10) + "\n").repeat(5_000));
        return out;
    }
}
