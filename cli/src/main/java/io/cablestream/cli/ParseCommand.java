package io.cablestream.cli;

import io.cablestream.events.CableJson;
import io.cablestream.events.ParsedCable;
import io.cablestream.parser.CableParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** {@code cables parse PATH...}: every file (folders recursively) as one ParsedCable JSON line with its source. */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "Parse cable files (folders recursively) and print one ParsedCable JSON object per line.")
public class ParseCommand implements Callable<Integer> {

    /** Files parsed together in parallel, then printed in input order: whole lines, a stable order, bounded memory. */
    private static final int CHUNK = 512;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "cable files or folders")
    List<Path> paths;

    @Option(names = "--threads", description = "parser threads (default: available processors)")
    int threads = Runtime.getRuntime().availableProcessors();

    private final OutputStream out;
    private final CableParser parser = new CableParser();

    public ParseCommand() {
        this(System.out);
    }

    ParseCommand(OutputStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        List<Path> files = new ArrayList<>();
        int failures = 0;
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                            .sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                System.err.println("cables parse: no such file: " + p);
                failures++;
            }
        }
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(Math.max(1, threads));
        try {
            for (int start = 0; start < files.size(); start += CHUNK) {
                List<Path> chunk = files.subList(start, Math.min(files.size(), start + CHUNK));
                String[] lines = pool.submit(() -> IntStream.range(0, chunk.size()).parallel()
                        .mapToObj(i -> line(chunk.get(i))).toArray(String[]::new)).join();
                for (String line : lines) {
                    if (line == null) {
                        failures++;
                    } else {
                        writer.write(line);
                        writer.write('\n');
                    }
                }
            }
        } finally {
            pool.shutdown();
            writer.flush();
        }
        return failures == 0 ? 0 : 1;
    }

    /** One JSON line, or null (reported on stderr) when the file cannot be read. */
    private String line(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("cables parse: cannot read " + file + ": " + e.getMessage());
            return null;
        }
        // the file name is the release id of a partial extract whose text lacks the year
        ParsedCable cable = parser.parse(bytes, null, file.getFileName().toString())
                .withIngest(new ParsedCable.Ingest(null, null, null, file.toString(), null));
        return CableJson.toJson(cable);
    }
}
