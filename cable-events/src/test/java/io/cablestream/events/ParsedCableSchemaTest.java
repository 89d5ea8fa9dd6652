package io.cablestream.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ParsedCableSchemaTest {

    private static final JsonSchema SCHEMA = loadSchema();

    /** The raw text a full cable's paragraph is a span of: paragraph 2's text is "In his presentation". */
    static final String RAW_TEXT = "UNCLAS SECTION 01 OF 02 USOSCE 000086\n\n\u00b62. (SBU) In his\npresentation\n";

    static ParsedCable fullCable() {
        return ParsedCable.builder()
                .parserVersion("1.0.0")
                .cableId("09USOSCE86")
                .dtg(Instant.parse("2009-04-07T15:27:00Z"))
                .classification("UNCLASSIFIED//FOR OFFICIAL USE ONLY")
                .caveats(List.of("SIPDIS"))
                .section(new ParsedCable.Section(1, 2))
                .from("USMISSION USOSCE")
                .to(List.of(new ParsedCable.Recipient("RUEHC", "SECSTATE WASHDC", "PRIORITY", "6323")))
                .info(List.of(new ParsedCable.Recipient("RUEHUNV", "USMISSION UNVIE VIENNA", "PRIORITY", "1289")))
                .tags(List.of(new ParsedCable.Tag("EAID", ParsedCable.TagKind.SUBJECT),
                        new ParsedCable.Tag("OSCE", ParsedCable.TagKind.ORGANISATION)))
                .subject("S/CRS AMB HERBST PITCHES RECONSTRUCTION AND STABILIZATION TO OSCE STATES")
                .references(List.of(new ParsedCable.Reference("A", "09STATE12345", "STATE 12345")))
                .classifiedBy(new ParsedCable.ClassifiedBy("Ambassador X", "Charge d'Affaires",
                        List.of("1.4(b)", "1.4(d)")))
                .executiveOrder(new ParsedCable.ExecutiveOrder("12958", LocalDate.parse("2019-04-07")))
                .summary("S/CRS Ambassador Herbst visited OSCE")
                .comment("Ambassador Herbst's presentation")
                .paragraphs(List.of(new ParsedCable.Paragraph(2, "SBU", 49, 68)))
                .signers(List.of("SCOTT"))
                .redactions(0)
                .header(new ParsedCable.Header("VZCZCXRO1843", "PRIORITY", "PRIORITY", List.of("RUEHAST"), "RUEHVEN",
                        "0086", 1, "0971527", "ZNR UUUUU ZZH"))
                .warnings(List.of(new ParsedCable.Warning("SUBJECT_DUPLICATE", "a truncated SUBJECT line was ignored")))
                .ingest(new ParsedCable.Ingest("5b0f6f0e-1111-4a3c-9d42-000000000001",
                        "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
                        Instant.parse("2026-11-28T03:00:00Z"), "09USOSCE86.txt", "UTF-8"))
                .rawText(RAW_TEXT)
                .build();
    }

    @Test
    void everyFieldOfAFullCableIsInTheSchema() {
        JsonNode json = CableJson.mapper().valueToTree(fullCable());

        Set<ValidationMessage> errors = SCHEMA.validate(json);

        assertThat(errors).isEmpty();
        assertThat(json.get("dtg").asText()).isEqualTo("2009-04-07T15:27:00Z");
        assertThat(json.get("executiveOrder").get("declassifyOn").asText()).isEqualTo("2019-04-07");
    }

    @Test
    void aFieldOutsideTheContractIsRejected() {
        var json = CableJson.mapper().valueToTree(fullCable());
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("cable_id", "x");

        assertThat(SCHEMA.validate(json)).extracting(ValidationMessage::getMessage)
                .anySatisfy(m -> assertThat(m).contains("cable_id"));
    }

    @Test
    void aParagraphIsASpanOfTheRawTextNotACopy() {
        JsonNode paragraph = CableJson.mapper().valueToTree(fullCable()).get("paragraphs").get(0);

        assertThat(fullCable().text(fullCable().paragraphs().get(0))).isEqualTo("In his presentation");
        assertThat(paragraph.has("text")).isFalse();
        assertThat(paragraph.get("start").asInt()).isEqualTo(49);
    }

    @Test
    void jsonRoundTripKeepsEveryField() {
        ParsedCable cable = fullCable();

        assertThat(CableJson.fromJson(CableJson.toJson(cable))).isEqualTo(cable);
    }

    @Test
    void absentFieldsAreLeftOutOfTheJson() {
        var minimal = ParsedCable.builder().parserVersion("1.0.0").build();

        assertThat(CableJson.toJson(minimal)).isEqualTo("{\"schemaVersion\":2,\"parserVersion\":\"1.0.0\"}");
    }

    private static JsonSchema loadSchema() {
        try (InputStream in = ParsedCable.class.getResourceAsStream("parsed-cable.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
