package io.cablestream.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** python/cable_spans.py, the README's Python reader, reads the same paragraph texts from an event as Java. */
class SpanTextFromPythonTest {

    @Test
    void pythonReadsTheSameParagraphTextsAsJava(@TempDir Path dir) throws Exception {
        assumeTrue(python3() != null, "no python3 on this machine");
        ParsedCable cable = ParsedCable.builder().parserVersion("2.0.0").rawText(SpanTextTest.RAW)
                .paragraphs(List.of(SpanTextTest.paragraph(), new ParsedCable.Paragraph(2, null, 9, 20)))
                .build();
        Path event = Files.write(dir.resolve("event.json"), CableJson.toJsonBytes(cable));

        Process python = new ProcessBuilder(python3(), Path.of("python/cable_spans.py").toString(), event.toString())
                .redirectErrorStream(true).start();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(python.waitFor(30, TimeUnit.SECONDS)).isTrue();

        List<String> java = cable.paragraphs().stream().map(cable::text).toList();
        assertThat(java.get(1)).isEqualTo("\uD835\uDC00 MATH");
        assertThat(CableJson.mapper().readValue(out, String[].class)).containsExactlyElementsOf(java);
    }

    private static String python3() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "python3"))) {
                return Path.of(dir, "python3").toString();
            }
        }
        return null;
    }
}
