package io.cablestream.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the request bodies of {@code cables ingest} hold: files as a tar of their unchanged bytes (the service
 * applies its charset rule, or the declared charset the Content-Type names), cables.csv rows as NDJSON lines
 * that say which charset their text was decoded from.
 */
class IngestBatchesTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String TEXT = "UNCLAS PARIS 000123\n\u00b61. (U) Caf\u00e9, 5\u20ac.\n";

    @Test
    void filesTravelAsTheirBytesInATar(@TempDir Path dir) throws Exception {
        byte[] windows1252 = TEXT.getBytes(WINDOWS_1252);
        byte[] utf8 = TEXT.getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("a-1252.txt"), windows1252);
        Files.write(dir.resolve("b-utf8-caf\u00e9.txt"), utf8);

        List<IngestBatcher.Batch> batches = batches(dir, null);

        assertThat(batches).singleElement().satisfies(batch -> {
            assertThat(batch.contentType()).isEqualTo("application/x-tar");
            assertThat(batch.items()).isEqualTo(2);
        });
        Map<String, byte[]> entries = tarEntries(batches.get(0));
        // the paths as given, without the leading "/" (a non-ASCII name travels in a PAX header)
        String a = dir.resolve("a-1252.txt").toString().substring(1);
        String b = dir.resolve("b-utf8-caf\u00e9.txt").toString().substring(1);
        assertThat(entries.keySet()).containsExactly(a, b);
        assertThat(entries.get(a)).isEqualTo(windows1252);
        assertThat(entries.get(b)).isEqualTo(utf8);
    }

    @Test
    void aDeclaredCharsetIsNamedInTheContentType(@TempDir Path dir) throws Exception {
        Charset latin9 = Charset.forName("ISO-8859-15");
        byte[] bytes = TEXT.getBytes(latin9);
        Files.write(dir.resolve("latin9.txt"), bytes);

        List<IngestBatcher.Batch> batches = batches(dir, latin9);

        assertThat(batches).singleElement().extracting(IngestBatcher.Batch::contentType)
                .isEqualTo("application/x-tar; charset=ISO-8859-15");
        assertThat(tarEntries(batches.get(0)).values()).singleElement().isEqualTo(bytes);
    }

    @Test
    void cablesCsvRowsAreNdjsonThatSaysHowTheirTextWasDecoded(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("a.txt"), TEXT.getBytes(StandardCharsets.UTF_8));
        String csv = "\"1\",\"12/1/2009 9:00\",\"09PARIS123\",\"Embassy Paris\",\"UNCLASSIFIED\",\"\","
                + "\"UNCLAS PARIS 000123\",\"" + TEXT.substring(TEXT.indexOf('\n') + 1) + "\"\n";
        Files.write(dir.resolve("cables.csv"), csv.getBytes(WINDOWS_1252));

        List<IngestBatcher.Batch> batches = batches(dir, null);

        assertThat(batches).extracting(IngestBatcher.Batch::contentType)
                .containsExactly("application/x-tar", "application/x-ndjson");
        JsonNode line = new ObjectMapper().readTree(batches.get(1).body());
        assertThat(line.get("source").asText()).isEqualTo("09PARIS123");
        assertThat(line.get("text").asText()).isEqualTo("UNCLAS PARIS 000123\n\n" + TEXT.substring(TEXT.indexOf('\n') + 1));
        assertThat(line.get("charset").asText()).isEqualTo("windows-1252");
        assertThat(line.get("charsetGuessed").asBoolean()).isTrue();
        assertThat(line.get("release").get("origin").asText()).isEqualTo("Embassy Paris");
    }

    private static List<IngestBatcher.Batch> batches(Path dir, Charset declared) throws Exception {
        List<IngestBatcher.Batch> batches = new ArrayList<>();
        IngestBatcher batcher = new IngestBatcher(100, 1 << 20, declared, batches::add);
        IngestInputs inputs = new IngestInputs(batcher::add, bytes -> { }, declared);
        IngestInputs.files(List.of(dir)).forEach(inputs::read);
        batcher.flush();
        assertThat(inputs.problems()).isEmpty();
        return batches;
    }

    private static Map<String, byte[]> tarEntries(IngestBatcher.Batch batch) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(batch.body()), "UTF-8")) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                entries.put(entry.getName(), tar.readAllBytes());
            }
        }
        return entries;
    }
}
