package io.cablestream.parser;

import io.cablestream.events.ParsedCable;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paragraphs are spans of the raw text (contract v2). Their texts, rendered from the spans, are the texts parser
 * 1.5.0 copied into the event, for the sample's cables: {@code v1-paragraph-texts.sha256} holds, per cable, the
 * SHA-256 of parser 1.5.0's "number|marking|text" lines.
 */
class ParagraphSpansTest {

    /**
     * Where the v2 text is the raw text's and v1's was repaired: HTML or LaTeX markup inside a paragraph, which v1
     * removed and v2's span keeps.
     */
    private static final Map<String, String> RAW_CHARACTERS_KEPT = Map.of();

    @Test
    void paragraphTextsRenderedFromSpansAreTheTextsParser150Copied() throws Exception {
        Map<String, String> v1 = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/v1-paragraph-texts.sha256"))) {
            v1.put(line.substring(0, line.indexOf(' ')), line.substring(line.indexOf(' ') + 1));
        }
        CableParser parser = new CableParser();
        Map<String, String> v2 = new TreeMap<>();
        try (Stream<Path> files = Files.list(Corpus.SAMPLE.resolve("cables"))) {
            for (Path file : files.toList()) {
                ParsedCable cable = parser.parse(Files.readAllBytes(file));
                v2.put(file.getFileName().toString().replace(".txt", ""), sha256(cable));
            }
        }
        List<String> differing = v1.keySet().stream().filter(id -> !v1.get(id).equals(v2.get(id))).toList();

        assertThat(v2.keySet()).containsExactlyElementsOf(v1.keySet());
        assertThat(differing).containsExactlyInAnyOrderElementsOf(RAW_CHARACTERS_KEPT.keySet());
    }

    @Test
    void aParagraphSpanStartsAfterItsNumberAndMarkingInTheRawText() throws Exception {
        ParsedCable cable = new CableParser().parse(Files.readAllBytes(Corpus.SAMPLE.resolve("cables/09PARIS1040.txt")));
        ParsedCable.Paragraph first = cable.paragraphs().get(0);
        String before = cable.rawText().substring(Math.max(0, first.start() - 12), first.start());

        assertThat(before).containsPattern("\u00b61\\.\\s+\\(" + first.marking() + "\\)\\s*$");
        assertThat(cable.text(first)).isEqualTo(first.text(cable.rawText()));
    }

    private static String sha256(ParsedCable cable) throws Exception {
        String lines = cable.paragraphs().stream().map(p -> p.number() + "|" + p.marking() + "|" + cable.text(p))
                .collect(Collectors.joining("\n"));
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(lines.getBytes(StandardCharsets.UTF_8)));
    }
}
