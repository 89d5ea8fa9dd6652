package io.cablestream.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.cablestream.events.CableJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ParseCommandTest {

    @Test
    void folderIsParsedRecursivelyIntoOneJsonLinePerCableWithItsSource(@TempDir Path dir) throws Exception {
        Path nested = Files.createDirectories(dir.resolve("2009/12"));
        copy("09BAMAKO815.txt", nested.resolve("09BAMAKO815.txt"));
        copy("72TEHRAN5055.txt", dir.resolve("72TEHRAN5055.txt"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = new CommandLine(new ParseCommand(out)).execute(dir.toString());

        assertThat(exit).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode bamako = CableJson.mapper().readTree(lines.get(0));
        assertThat(bamako.get("cableId").asText()).isEqualTo("09BAMAKO815");
        assertThat(bamako.get("ingest").get("source").asText()).isEqualTo(nested.resolve("09BAMAKO815.txt").toString());
        assertThat(bamako.get("classification").asText()).isEqualTo("SECRET");
        assertThat(CableJson.fromJson(lines.get(1)).cableId()).isEqualTo("72TEHRAN5055");
    }

    @Test
    void aPartialExtractTakesTheIdOfItsReleaseFileName(@TempDir Path dir) throws Exception {
        // a real partial extract of the release: station and serial in the text, no year
        copy("05SANJOSE2019.txt", dir.resolve("05SANJOSE2019.txt"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = new CommandLine(new ParseCommand(out)).execute(dir.toString());

        assertThat(exit).isZero();
        var cable = CableJson.fromJson(out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
        assertThat(cable.cableId()).isEqualTo("05SANJOSE2019");
        assertThat(cable.warnings()).extracting(w -> w.code()).contains("CABLE_ID_FROM_SOURCE_NAME");
    }

    @Test
    void missingPathGivesExitCodeOneAfterParsingTheOthers(@TempDir Path dir) throws Exception {
        copy("72TEHRAN5055.txt", dir.resolve("a.txt"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = new CommandLine(new ParseCommand(out)).execute(dir.resolve("a.txt").toString(),
                dir.resolve("missing.txt").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
    }

    @Test
    void parseIsASubcommandOfCables() {
        assertThat(new CommandLine(new CablesCli()).getSubcommands()).containsKey("parse");
    }

    private static void copy(String resource, Path to) throws Exception {
        try (InputStream in = ParseCommandTest.class.getResourceAsStream("/" + resource)) {
            Files.copy(in, to);
        }
    }
}
