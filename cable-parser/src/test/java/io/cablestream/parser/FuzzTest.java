package io.cablestream.parser;

import io.cablestream.events.ParsedCable;
import io.cablestream.events.ParsedCable.Warning;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random bytes, truncations and mutations of real cables, and inputs built to make regular expressions backtrack
 * (below and {@link BacktrackingInputs}): no parse fails (no PARSER_ERROR warning, which is where a caught exception
 * would show), none runs out of its budget (PARSE_TIMEOUT) and none takes over 50 ms. Time is the thread's CPU
 * time, so that a busy build machine does not count against the parser.
 */
class FuzzTest {

    private static final long LIMIT_NANOS = 50_000_000L;
    private final CableParser parser = new CableParser();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long maxNanos;
    private String slowest;
    private int parses;

    @Test
    void noInputMakesTheParserFailOrTakeOver50ms() {
        Corpus sample = Corpus.load(Corpus.SAMPLE);
        List<byte[]> cables = new ArrayList<>();
        for (Corpus.Entry e : sample.entries()) {
            cables.add(sample.bytes(e));
        }
        // warm up the JIT on real cables: the bound is on the parser, not on the interpreter
        for (int round = 0; round < 3; round++) {
            cables.forEach(parser::parse);
        }
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            byte[] bytes = new byte[random.nextInt(20_000)];
            random.nextBytes(bytes);
            check("random bytes " + i, bytes);
        }
        for (int i = 0; i < 600; i++) {
            byte[] cable = cables.get(random.nextInt(cables.size()));
            check("truncation " + i, java.util.Arrays.copyOf(cable, random.nextInt(cable.length + 1)));
            check("mutation " + i, mutate(cable, random));
        }
        for (String s : pathological()) {
            check("pathological " + s.substring(0, Math.min(40, s.length())), s.getBytes(StandardCharsets.UTF_8));
        }
        List<String> built = new ArrayList<>(BacktrackingInputs.separatorRuns());
        built.addAll(BacktrackingInputs.singleCharacterLines());
        built.addAll(BacktrackingInputs.longHeaders());
        for (String s : built) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            assertThat(bytes.length).as("input size").isLessThanOrEqualTo(1 << 20);
            check("built " + s.substring(0, Math.min(60, s.length())).replace("\n", "|"), bytes);
        }
        System.out.printf("fuzz: %d parses, slowest %.1f ms CPU (%s)%n", parses, maxNanos / 1e6, slowest);
        assertThat(maxNanos).as("slowest parse (ns), " + slowest).isLessThan(LIMIT_NANOS);
    }

    private void check(String name, byte[] input) {
        long start = threads.getCurrentThreadCpuTime();
        ParsedCable c = parser.parse(input);
        long took = threads.getCurrentThreadCpuTime() - start;
        // on a loaded machine a parse's CPU time swells with cache and core contention: a slow one is timed twice
        // more and its best time kept, which a catastrophically backtracking input would still exceed every time
        for (int retry = 0; retry < 2 && took > LIMIT_NANOS / 4; retry++) {
            long again = threads.getCurrentThreadCpuTime();
            parser.parse(input);
            took = Math.min(took, threads.getCurrentThreadCpuTime() - again);
        }
        parses++;
        if (took > maxNanos) {
            maxNanos = took;
            slowest = name;
        }
        assertThat(c).as(name).isNotNull();
        assertThat(c.warnings()).as(name + " " + c.warnings()).extracting(Warning::code)
                .doesNotContain("PARSER_ERROR", "PARSE_TIMEOUT");
        assertThat(c.parserVersion()).isEqualTo(CableParser.VERSION);
    }

    private static byte[] mutate(byte[] cable, Random random) {
        byte[] out = cable.clone();
        int flips = 1 + random.nextInt(20);
        for (int i = 0; i < flips && out.length > 0; i++) {
            out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        }
        if (random.nextBoolean() && out.length > 10) {
            // splice a field keyword in the middle of the text
            String[] words = {"TAGS:", "SUBJECT:", "REF: A. ", "E.O. 12958: DECL: 99/99/99", "Classified By: 1.4 (",
                "C O N F I D E N T I A L SECTION 01 OF", "\u00b612.", "VZCZC", "DE RUEH #", "P 999999Z ZZZ 99"};
            byte[] w = words[random.nextInt(words.length)].getBytes(StandardCharsets.UTF_8);
            int at = random.nextInt(out.length);
            byte[] spliced = new byte[out.length + w.length];
            System.arraycopy(out, 0, spliced, 0, at);
            System.arraycopy(w, 0, spliced, at, w.length);
            System.arraycopy(out, at, spliced, at + w.length, out.length - at);
            out = spliced;
        }
        return out;
    }

    /** Inputs aimed at the regular expressions: long runs of what they repeat, without what ends them. */
    static List<String> pathological() {
        List<String> list = new ArrayList<>();
        list.add("C O N F I D E N T I A L ".repeat(5_000));
        list.add("S E C R E T SECTION " + "A ".repeat(20_000));
        list.add("UNCLAS " + "SIPDIS ".repeat(10_000) + "X");
        list.add("UNCLAS SECTION 01 OF 02 " + "SAO PAULO ".repeat(5_000));
        list.add("Classified By: x, reasons 1.4 " + "(b) and ".repeat(10_000));
        list.add("P 071527Z APR 09\nTO " + "RUEHC/".repeat(20_000));
        list.add("TAGS: " + "(".repeat(50_000));
        list.add("SUBJECT: " + "AND\n\n".repeat(20_000));
        list.add("REF: " + "A. B. C. D. ".repeat(10_000));
        list.add("\u00b61. " + "word. 2. ".repeat(20_000));
        list.add("- 11. " + "$\\underline{".repeat(20_000));
        list.add("<u" + " a".repeat(100_000));
        list.add(" ".repeat(1_000_000));
        list.add("\n".repeat(500_000));
        list.add("\0".repeat(500_000));
        list.add("\u00c3".repeat(500_000));
        list.add("XXXXXX".repeat(100_000));
        list.add("summary: ".repeat(50_000) + "comment: ".repeat(50_000));
        list.add("1. (" + "S/".repeat(50_000));
        list.add("id: 1\ndate: 1/1/2001 10:10\n" + "2006-07-10 14:51:00 06BERN1280 ".repeat(10_000));
        // a megabyte-long line of ordinary cable text
        String cableLine = "THE AMBASSADOR MET THE MINISTER. (C) XXXXXXXX SAID, REF A, 1.4 (B) AND (D). ";
        list.add("C O N F I D E N T I A L BAMAKO 000815\n" + cableLine.repeat(1_000_000 / cableLine.length()));
        return list;
    }
}
