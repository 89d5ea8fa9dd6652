package io.cablestream.cli;

import io.cablestream.auth.Roles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * {@code cables ingest PATH...}: files, folders, .zip/.tar.gz archives and cables.csv to the ingest API, in
 * batches: files as a tar of their bytes, cables.csv rows as NDJSON.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Send cables to the ingest service's batch endpoint: files (one cable each), folders, "
                + ".zip and .tar.gz archives, and the WikiLeaks cables.csv.",
                "Prints a progress bar on stderr and a summary whose last line is "
                        + "'accepted N, duplicate N, rejected N'. A 503 is retried after its Retry-After."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every cable was settled (accepted, duplicate or rejected)",
                "1:a PATH is neither a file nor a folder",
                "2:some cables could not be delivered (the service stayed unreachable)"})
public class IngestCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, folders, archives or cables.csv")
    List<Path> paths;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8081", description = "Ingest service (default: ${DEFAULT-VALUE})")
    URI url;

    @Option(names = "--token", description = "Bearer token (default: $CABLES_TOKEN, else a local one from .local/jwt)")
    String token;

    @Option(names = "--batch-size", defaultValue = "500", description = "Cables per request (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--batch-mb", defaultValue = "8", description = "Request size in MB, about (default: ${DEFAULT-VALUE})")
    int batchMegabytes;

    @Option(names = "--parallel", defaultValue = "2", description = "Requests in flight (default: ${DEFAULT-VALUE})")
    int parallel;

    @Option(names = "--repeat", defaultValue = "1",
            description = "Load test: send the input N times, each pass made new cables by a marker line")
    int repeat;

    @Option(names = "--charset", paramLabel = "CHARSET",
            description = {"Charset of every input file, e.g. windows-1252 or ISO-8859-1 (recorded in each cable's "
                    + "charset header).",
                    "Default: none declared; each file is read as the service reads an undeclared text/plain "
                            + "cable: UTF-8, else Windows-1252 with the cable's charsetGuessed header set."})
    Charset charset;

    @Option(names = "--bench", description = "Print accepted cables/s and MB/s at the end")
    boolean bench;

    @Option(names = "--no-progress", description = "No progress bar")
    boolean noProgress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> files;
        try {
            files = IngestInputs.files(paths);
        } catch (IOException e) {
            err.println("cables ingest: " + e.getMessage());
            return 1;
        }
        long totalBytes = 0;
        for (Path file : files) {
            totalBytes += Files.size(file);
        }
        IngestSummary summary = new IngestSummary();
        ExecutorService senders = Executors.newFixedThreadPool(Math.max(1, parallel));
        // at most one batch waiting per sender: reading never runs far ahead of the service
        Semaphore queued = new Semaphore(Math.max(1, parallel) * 2);
        long sentBytes;
        try (IngestProgress progress = new IngestProgress(err, totalBytes * repeat, summary::settled, !noProgress)) {
            IngestClient client = new IngestClient(url, LocalAccess.token(token, Roles.INGEST), progress::note);
            IngestBatcher batcher = new IngestBatcher(batchSize, batchMegabytes << 20, charset, batch -> {
                queued.acquireUninterruptibly();
                senders.execute(() -> {
                    try {
                        summary.add(client.send(batch));
                        progress.note("");
                    } catch (IOException | RuntimeException e) {
                        summary.undelivered(batch.items());
                        progress.note(e.getMessage());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        summary.undelivered(batch.items());
                    } finally {
                        queued.release();
                    }
                });
            });
            String run = UUID.randomUUID().toString().substring(0, 8);
            for (int pass = 1; pass <= repeat; pass++) {
                String marker = repeat > 1 ? "\n[load " + run + " pass " + pass + "]\n" : "";
                IngestInputs inputs = new IngestInputs(item -> batcher.add(marker.isEmpty() ? item
                        : item.withMarker(marker)), progress::read, charset);
                files.forEach(inputs::read);
                if (pass == 1) {
                    inputs.problems().forEach(summary::unreadable);
                }
            }
            batcher.flush();
            senders.shutdown();
            senders.awaitTermination(7, TimeUnit.DAYS);
            sentBytes = progress.bytesRead();
            double seconds = progress.seconds();
            progress.close();
            if (bench) {
                out.printf(Locale.ROOT, "bench: %,d cables accepted, %.1f MB read in %.1f s: %,.0f cables/s, %.1f MB/s%n",
                        summary.accepted(), sentBytes / 1e6, seconds, summary.accepted() / seconds,
                        sentBytes / 1e6 / seconds);
            }
        }
        summary.print(out);
        return summary.undelivered() > 0 ? 2 : 0;
    }
}
