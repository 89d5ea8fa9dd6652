package io.cablestream.parser;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.cablestream.events.CableJson;
import io.cablestream.events.ParsedCable;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What the parser emits is valid against the contract's JSON Schema: real, noisy, mutated and garbage input. */
class SchemaConformanceTest {

    private static final JsonSchema SCHEMA = schema();
    private final CableParser parser = new CableParser();

    @Test
    void everyParseOfTheSampleCleanNoisyAndMutatedIsValidJsonOfTheContract() {
        Corpus sample = Corpus.load(Corpus.SAMPLE);
        Random random = new Random(7);
        for (Corpus.Entry e : sample.entries()) {
            byte[] clean = sample.bytes(e);
            assertValid(e.file(), parser.parse(clean));
            assertValid(e.file() + " noisy", parser.parse(NoiseGenerator.apply(clean)));
            byte[] mutated = clean.clone();
            for (int i = 0; i < 30 && mutated.length > 0; i++) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            assertValid(e.file() + " mutated", parser.parse(mutated));
        }
        for (String s : FuzzTest.pathological()) {
            assertValid("pathological", parser.parse(s.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static void assertValid(String name, ParsedCable cable) {
        JsonNode json = CableJson.mapper().valueToTree(cable);
        Set<ValidationMessage> errors = SCHEMA.validate(json);
        assertThat(errors).as(name).isEmpty();
    }

    private static JsonSchema schema() {
        try (InputStream in = ParsedCable.class.getResourceAsStream("parsed-cable.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
