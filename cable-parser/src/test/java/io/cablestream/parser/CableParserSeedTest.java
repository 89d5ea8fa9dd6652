package io.cablestream.parser;

import io.cablestream.events.ParsedCable;
import io.cablestream.events.ParsedCable.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CableParserSeedTest {

    private final CableParser parser = new CableParser();

    static byte[] resource(String name) {
        try (InputStream in = CableParserSeedTest.class.getResourceAsStream("/cables/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void seedCableWithOcrNoiseGivesItsIdDateClassificationTagsAndSubject() {
        ParsedCable cable = parser.parse(resource("09USOSCE86-ocr.txt"));

        assertThat(cable.cableId()).isEqualTo("09USOSCE86");
        assertThat(cable.dtg()).isEqualTo(Instant.parse("2009-04-07T15:27:00Z"));
        assertThat(cable.classification()).isEqualTo("UNCLASSIFIED//FOR OFFICIAL USE ONLY");
        assertThat(cable.tags()).extracting(Tag::code).containsExactly("EAID", "OSCE", "PREL");
        assertThat(cable.subject()).startsWith(
                "S/CRS AMB HERBST PITCHES RECONSTRUCTION AND STABILIZATION TO OSCE STATES");
        assertThat(cable.caveats()).contains("SIPDIS");
        assertThat(cable.section()).isEqualTo(new ParsedCable.Section(1, 2));
        assertThat(cable.parserVersion()).isEqualTo(CableParser.VERSION);
    }

    @Test
    void emptyAndGarbageInputGiveNoIdAndAWarningInsteadOfAnException() {
        ParsedCable empty = parser.parse(new byte[0]);
        assertThat(empty.cableId()).isNull();
        assertThat(empty.warnings()).extracting(ParsedCable.Warning::code).contains("NO_CABLE_ID");

        ParsedCable nul = parser.parse(null);
        assertThat(nul.cableId()).isNull();
    }
}
