package io.cablestream.store.service;

import io.cablestream.events.CableJson;
import io.cablestream.events.ParsedCable;
import io.cablestream.store.support.ParsedCableEvents;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the store accepts of a cables.parsed value, and the reasons it gives for what it refuses. */
class ParsedEventReaderTest {

    @Test
    void readsAParsedCable() {
        ParsedCable cable = ParsedCableEvents.cable("09ROME1", "2.0.0", "A SUBJECT", "PREL");
        assertThat(ParsedEventReader.read(CableJson.toJsonBytes(cable))).isEqualTo(cable);
    }

    @Test
    void refusesWhatCannotBeStored() {
        assertThatThrownBy(() -> ParsedEventReader.read(null)).hasMessage("the event has no value");
        assertThatThrownBy(() -> ParsedEventReader.read("{not json".getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("not a ParsedCable");
        ParsedCable cable = ParsedCableEvents.cable("09ROME1", "2.0.0", "A SUBJECT", "PREL");
        assertThatThrownBy(() -> ParsedEventReader.read(CableJson.toJsonBytes(cable.toBuilder().cableId(" ").build())))
                .hasMessage("the event has no cableId");
        assertThatThrownBy(() -> ParsedEventReader.read(
                CableJson.toJsonBytes(cable.toBuilder().parserVersion(null).build())))
                .hasMessage("the event has no parserVersion");
    }

    @Test
    void refusesAnotherSchemaVersionRatherThanLoseWhatItCarries() {
        String v1 = """
                {"schemaVersion":1,"parserVersion":"1.5.0","cableId":"09PARIS777","ingestId":"ingest-v1",
                 "paragraphs":[{"number":1,"marking":"C","text":"The text v1 copied."}]}""";
        assertThatThrownBy(() -> ParsedEventReader.read(v1.getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("schemaVersion 1: this store reads 2");
        assertThatThrownBy(() -> ParsedEventReader.read(v1.replace("\"schemaVersion\":1", "\"schemaVersion\":3")
                .getBytes(StandardCharsets.UTF_8))).hasMessageStartingWith("schemaVersion 3");
    }

    @Test
    void replacesNulCharacters() {
        ParsedCable cable = ParsedCableEvents.cable("09ROME1", "2.0.0", "A\u0000SUBJECT", "PREL");
        assertThat(ParsedEventReader.read(CableJson.toJsonBytes(cable)).subject()).isEqualTo("A\uFFFDSUBJECT");
    }
}
