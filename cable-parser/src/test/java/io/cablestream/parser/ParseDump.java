package io.cablestream.parser;

import io.cablestream.events.CableJson;
import io.cablestream.events.ParsedCable;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Every corpus cable parsed clean, noisy ({@link NoiseGenerator}), with random bytes changed and cut short, each
 * {@code ParsedCable} written as one JSON line: run it before and after a change and {@code diff} the two files
 * to see exactly which outputs the change moved. Not a test; run from the module directory:
 * {@code java -Xmx512m -cp target/test-classes:target/classes:<test classpath> io.cablestream.parser.ParseDump
 * OUT [CORPUS_DIR]}.
 */
final class ParseDump {

    private ParseDump() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/parse-dump.jsonl");
        Corpus corpus = Corpus.load(args.length > 1 ? Path.of(args[1]) : Corpus.sharedLocation());
        CableParser parser = new CableParser();
        int lines = 0;
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (Corpus.Entry e : corpus.entries()) {
                byte[] clean = corpus.bytes(e);
                Random random = new Random(Arrays.hashCode(clean));
                write(w, e.file(), "clean", parser.parse(clean));
                write(w, e.file(), "noisy", parser.parse(NoiseGenerator.apply(clean)));
                write(w, e.file(), "mutated", parser.parse(mutate(clean, random)));
                write(w, e.file(), "cut", parser.parse(Arrays.copyOf(clean, random.nextInt(clean.length + 1))));
                lines += 4;
            }
            for (String s : FuzzTest.pathological()) {
                write(w, "pathological", s.substring(0, Math.min(30, s.length())).replaceAll("\\s", "_"),
                        parser.parse(s.getBytes(StandardCharsets.UTF_8)));
                lines++;
            }
        }
        System.out.println(lines + " parses written to " + out);
    }

    private static byte[] mutate(byte[] clean, Random random) {
        byte[] b = clean.clone();
        for (int i = 0; i < 20 && b.length > 0; i++) {
            b[random.nextInt(b.length)] = (byte) random.nextInt(256);
        }
        return b;
    }

    private static void write(BufferedWriter w, String file, String variant, ParsedCable c) throws IOException {
        w.write(file + "\t" + variant + "\t" + CableJson.toJson(c));
        w.newLine();
    }
}
