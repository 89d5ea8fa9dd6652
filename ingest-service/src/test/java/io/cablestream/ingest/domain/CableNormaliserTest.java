package io.cablestream.ingest.domain;

import io.cablestream.testkit.SampleCables;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class CableNormaliserTest {

    /** The definition the one-pass normaliser replaced: every existing key on cables.raw was made with it. */
    private static String byRegex(String text) {
        String unified = Pattern.compile("\r\n?").matcher(text).replaceAll("\n");
        return Pattern.compile("[ \t]+(?=\n)|\\s+$").matcher(unified).replaceAll("");
    }

    @Test
    void lineEndingsAndTrailingBlanksAreNormalisedAsTheRegularExpressionsDid() {
        List<String> cases = List.of("", "  ", "a", "a \t\r\nb  \rc\n\n \f", "x\r\r\ny \u00a0\n", "\t\tindented\n  \n",
                "tail \u000b", "\r\n\r\n");
        for (String text : cases) {
            assertThat(CableNormaliser.normalise(text)).as(text).isEqualTo(byRegex(text));
        }
    }

    @Test
    void sampleCablesHaveTheSameNormalFormAsBefore() {
        for (SampleCables.SampleCable sample : SampleCables.all()) {
            String text = new String(sample.text(), StandardCharsets.UTF_8);
            assertThat(CableNormaliser.normalise(text)).as(sample.file()).isEqualTo(byRegex(text));
            assertThat(CableNormaliser.normalise(text.replace("\n", "\r\n"))).isEqualTo(byRegex(text));
        }
        String seed = new String(SampleCables.seedCable(), StandardCharsets.UTF_8);
        assertThat(CableNormaliser.normalise(seed)).isEqualTo(byRegex(seed));
    }

    @Test
    void lineCopyingPathGivesWhatTheCharLoopGives() {
        String[] pieces = {"a", "B", " ", "  ", "\t", "\r", "\n", "\n", "\r\n", "\f", "\u000b", "\0", "\u0001",
                "\u00e9", "\u20ac", "\u00a0", "\u2028", "\ud83d\ude00", "SUBJECT: X"};
        java.util.Random random = new java.util.Random(2010);
        List<String> cases = new java.util.ArrayList<>(List.of("", " ", "\n", "a\n", "a \n", "a \f", " \t\n\u000b"));
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            // up to ~60 pieces: texts longer than the 8-byte words looksBinary reads at a time
            for (int length = random.nextInt(i % 2 == 0 ? 14 : 60); length > 0; length--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            cases.add(text.toString());
        }
        for (SampleCables.SampleCable sample : SampleCables.all()) {
            cases.add(new String(sample.text(), StandardCharsets.UTF_8));
        }
        for (String text : cases) {
            String normal = CableNormaliser.normalise(text);
            assertThat(normal).as(text).isEqualTo(CableNormaliser.normaliseByChar(text));
            byte[] utf8 = CableNormaliser.utf8(normal);
            assertThat(CableIntake.looksBinary(utf8, normal.length())).as(text)
                    .isEqualTo(CableIntake.looksBinary(normal));
        }
    }
}
