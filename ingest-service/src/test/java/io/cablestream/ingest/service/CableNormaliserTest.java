package io.cablestream.ingest.service;

import io.cablestream.testkit.SampleCables;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class CableNormaliserTest {

    /** The definition the one-pass normaliser replaced: every existing key on cables.raw was made with it. */
    private static String byRegex(String text) {
        String unified = Pattern.compile("\r\n?").matcher(text).replaceAll("\n");
        return Pattern.compile("[ \t]+(?=\n)|\\s+$").matcher(unified).replaceAll("");
    }

    /**
     * The rules on the characters, as the service applied them to a String before it worked on bytes: the keys
     * on cables.raw must not change. (Unlike the regular expressions it also treats a text ending in U+2028 alike,
     * which {@code $} takes for a line terminator.)
     */
    private static String byChar(String text) {
        StringBuilder out = new StringBuilder();
        int blanks = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                out.setLength(out.length() - blanks);
                blanks = 0;
                out.append('\n');
            } else {
                blanks = c == ' ' || c == '\t' ? blanks + 1 : 0;
                out.append(c);
            }
        }
        int end = out.length();
        while (end > 0 && " \t\n\u000b\f\r".indexOf(out.charAt(end - 1)) >= 0) {
            end--;
        }
        return out.substring(0, end);
    }

    /** The binary rule on the characters: more than 1% control characters besides tab, breaks, FF and NUL. */
    private static boolean looksBinaryByChar(String text) {
        int control = 0;
        for (char c : text.toCharArray()) {
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0) {
                control++;
            }
        }
        return control * 100 > text.length();
    }

    private static String normalised(String text) {
        return new String(CableNormaliser.normalise(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void lineEndingsAndTrailingBlanksAreNormalisedAsTheRegularExpressionsDid() {
        List<String> cases = List.of("", "  ", "a", "a \t\r\nb  \rc\n\n \f", "x\r\r\ny \u00a0\n", "\t\tindented\n  \n",
                "tail \u000b", "\r\n\r\n", "\u00b61. (U) Caf\u00e9 \n\u20ac\t\n");
        for (String text : cases) {
            assertThat(normalised(text)).as(text).isEqualTo(byRegex(text));
        }
    }

    @Test
    void sampleCablesHaveTheSameNormalFormAsBefore() {
        for (SampleCables.SampleCable sample : SampleCables.all()) {
            String text = new String(sample.text(), StandardCharsets.UTF_8);
            assertThat(normalised(text)).as(sample.file()).isEqualTo(byRegex(text));
            assertThat(normalised(text.replace("\n", "\r\n"))).isEqualTo(byRegex(text));
            assertThat(normalised(text.replace("\n", " \t\n"))).isEqualTo(byRegex(text));
        }
        String seed = new String(SampleCables.seedCable(), StandardCharsets.UTF_8);
        assertThat(normalised(seed)).isEqualTo(byRegex(seed));
    }

    @Test
    void wordAtATimePathsGiveWhatTheDefinitionsGive() {
        String[] pieces = {"a", "B", " ", "  ", "\t", "\r", "\n", "\n", "\r\n", "\f", "\u000b", "\0", "\u0001",
                "\u00e9", "\u20ac", "\u00a0", "\u2028", "\ud83d\ude00", "SUBJECT: X"};
        Random random = new Random(2010);
        List<String> cases = new ArrayList<>(List.of("", " ", "\n", "a\n", "a \n", "a \f", " \t\n\u000b"));
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            // up to ~60 pieces: texts longer than the 8-byte words read at a time
            for (int length = random.nextInt(i % 2 == 0 ? 14 : 60); length > 0; length--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            cases.add(text.toString());
        }
        for (SampleCables.SampleCable sample : SampleCables.all()) {
            cases.add(new String(sample.text(), StandardCharsets.UTF_8));
        }
        for (String text : cases) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            byte[] normal = CableNormaliser.normalise(utf8);
            assertThat(normal).as(text).isEqualTo(CableNormaliser.normaliseByByte(utf8))
                    .isEqualTo(byChar(text).getBytes(StandardCharsets.UTF_8));
            assertThat(CableValidator.looksBinary(normal)).as(text)
                    .isEqualTo(looksBinaryByChar(new String(normal, StandardCharsets.UTF_8)));
        }
    }

    @Test
    void anUnchangedCableIsNotCopied() {
        byte[] cable = "UNCLAS PARIS 000123\n\u00b61. (U) Text.".getBytes(StandardCharsets.UTF_8);
        assertThat(CableNormaliser.normalise(cable)).isSameAs(cable);
    }
}
