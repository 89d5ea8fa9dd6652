package io.cablestream.parser;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Deterministic damage of the kinds real feeds show (see 09USOSCE86-ocr.txt): each cable gets a few of them, chosen
 * by a seed taken from its bytes, so that a run is repeatable and the expected values stay those of the clean cable.
 */
final class NoiseGenerator {

    enum Damage { CRLF, NO_HEADER, OCR_PILCROW, LATEX_UNDERLINE, HTML_TAGS, TRUNCATED_SUBJECT, GLUED_PARAGRAPH,
        REFLOW, MISDECODED, NUL_BYTES, PAGE_FURNITURE }

    private NoiseGenerator() {
    }

    static byte[] apply(byte[] clean) {
        Random random = new Random(Arrays.hashCode(clean));
        List<Damage> chosen = new ArrayList<>();
        for (Damage d : Damage.values()) {
            if (random.nextInt(100) < 40) {
                chosen.add(d);
            }
        }
        return apply(clean, chosen, random);
    }

    static byte[] apply(byte[] clean, List<Damage> damages, Random random) {
        String text = CableParser.text(clean);
        for (Damage d : damages) {
            text = switch (d) {
                case NO_HEADER -> noHeader(text);
                case OCR_PILCROW -> text.replaceAll("(?m)^\u00b6([1-9])\\.", "- 1$1.");
                case LATEX_UNDERLINE -> text.replaceFirst("(?m)^\u00b62\\.", "- \\$\\\\underline{\\\\ \\\\ }\\$ 2.");
                case HTML_TAGS -> text.replaceFirst("(?m)^TAGS: (.*)$", "TAGS: <u>$1</u>");
                case TRUNCATED_SUBJECT -> truncatedSubject(text);
                case GLUED_PARAGRAPH -> text.replaceAll("([.!?\"]) *\\n\\s*\\n\u00b6([3-6])\\. ", "$1 $2. ");
                case REFLOW -> reflow(text);
                case MISDECODED -> new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
                case NUL_BYTES -> sprinkle(text, "\0", random, 5);
                case PAGE_FURNITURE -> furniture(text, random);
                case CRLF -> text;
            };
        }
        if (damages.contains(Damage.CRLF)) {
            text = text.replace("\r\n", "\n").replace("\n", "\r\n");
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Drops the format line, precedence/routing, DE and security lines: the text starts at the DTG. */
    private static String noHeader(String text) {
        return text.replaceAll("(?m)^(?:VZCZC\\S*|[ZOPR]{2} R[A-Z ]+|DE R[A-Z]+ #.*|ZN[RY] [A-Z ]+)\\s*\\n", "");
    }

    private static String truncatedSubject(String text) {
        int at = text.indexOf("\nSUBJECT: ");
        if (at < 0) {
            return text;
        }
        int end = text.indexOf('\n', at + 1);
        String line = text.substring(at + 1, end < 0 ? text.length() : end);
        String cut = line.substring(0, Math.max(12, line.length() / 2));
        return text.substring(0, at + 1) + cut + "\n\n" + text.substring(at + 1);
    }

    /** Joins the wrapped lines of the body, as a converter that reflows text does. */
    private static String reflow(String text) {
        int body = text.indexOf("\n\u00b61.");
        if (body < 0) {
            return text;
        }
        String tail = text.substring(body).replaceAll("([^\\n ])[ ]*\\n(?=[a-zA-Z(\"])", "$1 ");
        return text.substring(0, body) + tail;
    }

    private static String sprinkle(String text, String what, Random random, int count) {
        StringBuilder b = new StringBuilder(text);
        for (int i = 0; i < count && b.length() > 0; i++) {
            b.insert(random.nextInt(b.length()), what);
        }
        return b.toString();
    }

    /** Page headers and footers of a PDF rendering, between paragraphs of the body. */
    private static String furniture(String text, Random random) {
        String[] lines = text.split("\n", -1);
        int start = Math.max(1, lines.length / 3);
        StringBuilder b = new StringBuilder(text.length() + 200);
        for (int i = 0; i < lines.length; i++) {
            b.append(lines[i]).append('\n');
            if (i >= start && lines[i].isBlank() && random.nextInt(8) == 0) {
                b.append("2009HANOI00686 - CONFIDENTIAL\n\nPage ").append(i).append(" of 9\n");
            }
        }
        return b.toString();
    }
}
