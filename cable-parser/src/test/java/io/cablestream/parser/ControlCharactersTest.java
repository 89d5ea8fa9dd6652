package io.cablestream.parser;

import io.cablestream.events.CableJson;
import io.cablestream.events.ParsedCable;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * NUL bytes (a transfer's padding, also inside words) are left out of every field the parser reads, with a
 * NUL_BYTES warning, so a field reads as the clean cable's and no event carries a NUL (PostgreSQL text and jsonb
 * cannot hold one). The exact bytes stay in the raw text; the store keeps them (store-service raw_bytes).
 */
class ControlCharactersTest {

    @Test
    void nulBytesInARealCableLeaveItsFieldsAsTheCleanCablesWithAWarning() throws Exception {
        String clean = CableParser.text(Files.readAllBytes(Corpus.SAMPLE.resolve("cables/09PARIS1040.txt")));
        String damaged = clean.replaceFirst("Laurent Bigot", "Laurent\u0000 Big\u0000\u0000ot")
                .replaceFirst("FRENCH MFA", "FRE\u0000NCH MFA").replaceFirst("CONFIDENTIAL", "CONFI\u0000DENTIAL");
        ParsedCable expected = new CableParser().parse(clean.getBytes(StandardCharsets.UTF_8));
        ParsedCable cable = new CableParser().parse(damaged.getBytes(StandardCharsets.UTF_8));

        assertThat(cable.cableId()).isEqualTo(expected.cableId());
        assertThat(cable.classification()).isEqualTo(expected.classification());
        assertThat(cable.subject()).isEqualTo(expected.subject());
        // the NULs shift the spans of the raw text, not what they read
        assertThat(cable.paragraphs()).extracting(ParsedCable.Paragraph::number, ParsedCable.Paragraph::marking,
                cable::text).isEqualTo(expected.paragraphs().stream().map(p -> org.assertj.core.groups.Tuple.tuple(
                        p.number(), p.marking(), expected.text(p))).toList());
        assertThat(cable.warnings()).contains(new ParsedCable.Warning("NUL_BYTES", "5 NUL characters removed"));
        // the parser's fields hold no NUL; rawText, which the event now carries from the parser, keeps them all
        assertThat(CableJson.toJson(cable.toBuilder().rawText(null).build())).doesNotContain("\\u0000");
        assertThat(cable.rawText()).isEqualTo(damaged);
    }
}
