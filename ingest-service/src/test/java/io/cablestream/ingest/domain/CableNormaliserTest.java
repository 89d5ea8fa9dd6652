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
}
