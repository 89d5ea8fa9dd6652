package io.cablestream.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the NDJSON lines of {@code cables ingest} say about the charset of the files they came from. */
class IngestCharsetTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String TEXT = "UNCLAS PARIS 000123\n\u00b61. (U) Caf\u00e9, 5\u20ac.\n";

    @Test
    void undeclaredBytesFollowTheServicesRuleAndSayWhenTheCharsetWasGuessed(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("a-1252.txt"), TEXT.getBytes(WINDOWS_1252));
        Files.write(dir.resolve("b-utf8.txt"), TEXT.getBytes(StandardCharsets.UTF_8));

        List<JsonNode> lines = ndjson(dir, null);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("text").asText()).isEqualTo(TEXT);
        assertThat(lines.get(0).get("charset").asText()).isEqualTo("windows-1252");
        assertThat(lines.get(0).get("charsetGuessed").asBoolean()).isTrue();
        assertThat(lines.get(1).get("text").asText()).isEqualTo(TEXT);
        assertThat(lines.get(1).has("charset")).as("UTF-8 is the service's default").isFalse();
        assertThat(lines.get(1).has("charsetGuessed")).isFalse();
    }

    @Test
    void declaredCharsetDecodesEveryFileAndIsNamed(@TempDir Path dir) throws Exception {
        Charset latin9 = Charset.forName("ISO-8859-15");
        Files.write(dir.resolve("latin9.txt"), TEXT.getBytes(latin9));

        List<JsonNode> lines = ndjson(dir, latin9);

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).get("text").asText()).isEqualTo(TEXT);
        assertThat(lines.get(0).get("charset").asText()).isEqualTo("ISO-8859-15");
        assertThat(lines.get(0).has("charsetGuessed")).isFalse();
    }

    private static List<JsonNode> ndjson(Path dir, Charset declared) throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        IngestBatcher batcher = new IngestBatcher(100, 1 << 20, (body, items) -> bodies.add(body));
        IngestInputs inputs = new IngestInputs(batcher::add, bytes -> { }, declared);
        IngestInputs.files(List.of(dir)).forEach(inputs::read);
        batcher.flush();
        assertThat(inputs.problems()).isEmpty();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (byte[] body : bodies) {
            for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
                lines.add(json.readTree(line));
            }
        }
        return lines;
    }
}
