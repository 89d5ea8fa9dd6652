package io.cablestream.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The release's metadata line for each fed cable, as a cables.csv export carries it above the text: about half of
 * the corpus files are bodies without the cable's own header, and parse-service dead-letters those ("no cable id
 * could be read") unless the text starts with {@code refid:}/{@code date:}/{@code classification:} lines.
 */
final class ReleaseHeaders {

    private final List<Path> files;
    private final Map<String, JsonNode> metadataByFile;

    private ReleaseHeaders(List<Path> files, Map<String, JsonNode> metadataByFile) {
        this.files = files;
        this.metadataByFile = metadataByFile;
    }

    /** The corpus's metadata.jsonl beside its cables folder, in CableFeed's order of the files. */
    static ReleaseHeaders read(Path cablesFolder) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(cablesFolder)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        Map<String, JsonNode> metadata = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(cablesFolder.resolveSibling("metadata.jsonl"))) {
            if (!line.isBlank()) {
                JsonNode node = json.readTree(line);
                metadata.put(node.path("file").asText(), node);
            }
        }
        return new ReleaseHeaders(files, metadata);
    }

    /**
     * Cable {@code index} of CableFeed's list with the header lines on top; a copy (index beyond the corpus) gets
     * the serial CableFeed gave it ({@code 900000 + index}), so its id is its own.
     */
    byte[] withHeader(int index, byte[] text) {
        JsonNode meta = metadataByFile.get(files.get(index % files.size()).getFileName().toString());
        if (meta == null) {
            return text;
        }
        String id = meta.path("canonical_id").asText();
        if (index >= files.size()) {
            id = id.replaceAll("\\d+$", Integer.toString(900_000 + index));
        }
        String header = "refid: " + id + "\ndate: " + meta.path("Created").asText() + "\nclassification: "
                + meta.path("Classification").asText() + "\n\n";
        byte[] head = header.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] result = new byte[head.length + text.length];
        System.arraycopy(head, 0, result, 0, head.length);
        System.arraycopy(text, 0, result, head.length, text.length);
        return result;
    }
}
