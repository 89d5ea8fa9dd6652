package io.cablestream.parser;

import io.cablestream.events.CableJson;
import io.cablestream.events.ParsedCable;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * NUL and the other C0 controls (not tab, LF, CR, FF) become U+FFFD in every field, with a CONTROL_CHARACTERS
 * warning that says how many and which: PostgreSQL text and jsonb cannot hold NUL, and a removed character would
 * join the words on either side of it.
 */
class ControlCharactersTest {

    @Test
    void controlCharactersInARealCableBecomeReplacementCharactersWithAWarning() throws Exception {
        String clean = CableParser.text(Files.readAllBytes(Corpus.SAMPLE.resolve("cables/09PARIS1040.txt")));
        String damaged = clean.replaceFirst("Laurent Bigot", "Laurent\u0000\u0000Bigot")
                .replaceFirst("FRENCH MFA", "FRENCH\u0001MFA").replaceFirst("Cote d'Ivoire", "Cote\u001bd'Ivoire\u000b");
        ParsedCable expected = new CableParser().parse(clean.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ParsedCable cable = new CableParser().parse(damaged.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(cable.cableId()).isEqualTo(expected.cableId());
        assertThat(cable.subject()).isEqualTo(expected.subject().replace("FRENCH MFA", "FRENCH\uFFFDMFA"));
        assertThat(cable.paragraphs().get(0).text()).contains("Laurent\uFFFD\uFFFDBigot");
        assertThat(cable.warnings()).contains(new ParsedCable.Warning("CONTROL_CHARACTERS",
                "5 control characters replaced by U+FFFD: U+0000 x2, U+0001 x1, U+000B x1, U+001B x1"));
        String json = CableJson.toJson(cable);
        for (int c = 0; c < 0x20; c++) {
            assertThat(json).as("U+%04X in the event", c).doesNotContain(String.format("\\u%04X", c))
                    .doesNotContain(String.format("\\u%04x", c));
        }
    }

    @Test
    void tabsFormFeedsAndLineEndsAreNotControlCharactersToReport() {
        ParsedCable cable = new CableParser().parse(
                "UNCLAS ROME 000001\r\nTAGS:\tPREL\f\nSUBJECT: X\n\u00b61. (U) X.\n".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8));
        assertThat(cable.warnings()).extracting(ParsedCable.Warning::code).doesNotContain("CONTROL_CHARACTERS");
    }
}
