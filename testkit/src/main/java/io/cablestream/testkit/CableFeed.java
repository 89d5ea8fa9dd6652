package io.cablestream.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Real cable texts for load and failure tests: the corpus when it is there ({@code CABLES_CORPUS}, else
 * {@code ../shared/corpus} beside the repository), else the repository's samples; when more are asked for
 * than exist, copies with new serial numbers, so each has a cable id of its own.
 */
public final class CableFeed {

    public static final String CORPUS_VARIABLE = "CABLES_CORPUS";

    private CableFeed() {
    }

    /** The folder of corpus cable files, when this machine has it. */
    public static Optional<Path> corpusCables(Path repoRoot) {
        String configured = System.getenv(CORPUS_VARIABLE);
        Path corpus = configured != null && !configured.isBlank() ? Path.of(configured)
                : repoRoot.resolve("../shared/corpus").normalize();
        Path cables = corpus.resolve("cables");
        return Files.isDirectory(cables) ? Optional.of(cables) : Optional.empty();
    }

    /** {@code count} cable texts. */
    public static List<byte[]> cables(Path repoRoot, int count) {
        List<Original> originals = corpusCables(repoRoot).map(CableFeed::readCorpus).orElseGet(CableFeed::samples);
        List<byte[]> cables = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Original original = originals.get(i % originals.size());
            int copy = i / originals.size();
            cables.add(copy == 0 ? original.text() : withSerial(original, 900_000 + i));
        }
        return cables;
    }

    private record Original(String cableId, byte[] text) {
    }

    private static List<Original> readCorpus(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted()
                    .map(f -> new Original(f.getFileName().toString().replace(".txt", ""), read(f)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Original> samples() {
        return SampleCables.all().stream().map(s -> new Original(s.canonicalId(), s.text())).toList();
    }

    /** A copy of a real cable with another serial, hence a cable id of its own (09USOSCE86 -> 09USOSCE4711). */
    public static byte[] renumbered(String cableId, byte[] text, int serial) {
        return withSerial(new Original(cableId, text), serial);
    }

    /** The cable with its serial (as the classification, DE and page-break lines pad it) replaced. */
    static byte[] withSerial(Original original, int serial) {
        String digits = original.cableId().replaceAll("^.*?(\\d+)$", "$1");
        int old = Integer.parseInt(digits);
        String text = new String(original.text(), StandardCharsets.ISO_8859_1)
                .replace(String.format("%08d", old), String.format("%08d", serial))
                .replace(String.format("%06d", old), String.format("%06d", serial))
                .replace(String.format("#%04d", old), String.format("#%04d", serial % 10_000));
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
