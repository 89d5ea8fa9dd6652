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

    static ParsedCable fullCable() {
        return new ParsedCable(ParsedCable.SCHEMA_VERSION, "1.0.0", "09USOSCE86",
                Instant.parse("2009-04-07T15:27:00Z"), "UNCLASSIFIED//FOR OFFICIAL USE ONLY", List.of("SIPDIS"),
                new ParsedCable.Section(1, 2), "USMISSION USOSCE",
                List.of(new ParsedCable.Recipient("RUEHC", "SECSTATE WASHDC", "PRIORITY", "6323")),
                List.of(new ParsedCable.Recipient("RUEHUNV", "USMISSION UNVIE VIENNA", "PRIORITY", "1289")),
                List.of(new ParsedCable.Tag("EAID", ParsedCable.TagKind.SUBJECT),
                        new ParsedCable.Tag("OSCE", ParsedCable.TagKind.ORGANISATION)),
                "S/CRS AMB HERBST PITCHES RECONSTRUCTION AND STABILIZATION TO OSCE STATES",
                List.of(new ParsedCable.Reference("A", "09STATE12345", "STATE 12345")),
                new ParsedCable.ClassifiedBy("Ambassador X", "Charge d'Affaires", List.of("1.4(b)", "1.4(d)")),
                new ParsedCable.ExecutiveOrder("12958", LocalDate.parse("2019-04-07")),
                "S/CRS Ambassador Herbst visited OSCE", "Ambassador Herbst's presentation",
                List.of(new ParsedCable.Paragraph(2, "SBU", "In his presentation")), List.of("SCOTT"), 0,
                new ParsedCable.Header("VZCZCXRO1843", "PRIORITY", "PRIORITY", List.of("RUEHAST"), "RUEHVEN",
                        "0086", 1, "0971527", "ZNR UUUUU ZZH"),
                List.of(new ParsedCable.Warning("SUBJECT_DUPLICATE", "a truncated SUBJECT line was ignored")),
                "5b0f6f0e-1111-4a3c-9d42-000000000001",
                "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
                Instant.parse("2026-11-28T03:00:00Z"), "09USOSCE86.txt", "UNCLAS SECTION 01 OF 02 USOSCE 000086");
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
    void jsonRoundTripKeepsEveryField() {
        ParsedCable cable = fullCable();

        assertThat(CableJson.fromJson(CableJson.toJson(cable))).isEqualTo(cable);
    }

    @Test
    void absentFieldsAreLeftOutOfTheJson() {
        var minimal = new ParsedCable(1, "1.0.0", null, null, null, List.of(), null, null, List.of(), List.of(),
                List.of(), null, List.of(), null, null, null, null, List.of(), List.of(), null, null, List.of(),
                null, null, null, null, null);

        assertThat(CableJson.toJson(minimal)).isEqualTo("{\"schemaVersion\":1,\"parserVersion\":\"1.0.0\"}");
    }

    private static JsonSchema loadSchema() {
        try (InputStream in = ParsedCable.class.getResourceAsStream("parsed-cable.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
