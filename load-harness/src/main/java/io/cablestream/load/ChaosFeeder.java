package io.cablestream.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The fault matrix's client: cables at a fixed offered rate, nine in ten as tar batches to the ingest API (retried,
 * as {@code cables ingest} retries, through connection failures and {@code 503} until ingest takes them), one in
 * ten as a file dropped into ingest's spool folder. It keeps what each client was told: the acknowledgement of
 * every cable the API answered {@code accepted} or {@code duplicate} (a duplicate is a cable the broker already
 * holds), with the SHA-256 the service gave; a spool file counts as acknowledged once it is in {@code done/}.
 */
final class ChaosFeeder {

    /** A batch is retried for this long (a service restart or a broker outage), then counted as not acknowledged. */
    private static final Duration GIVE_UP = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<FeedCable> cables;
    private final Supplier<String> ingestUrl;
    private final Path spool;
    private final double rate;
    private final int batchSize;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Acknowledgement time (epoch ms) by cable index; spool files get theirs when {@link #spoolAcknowledged} runs. */
    final Map<Integer, Long> acknowledgedAt = new ConcurrentHashMap<>();
    final long[] sentAt;
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    /** Items of a batch answered 200 that the answer did not name, or of a batch whose send failed in the client. */
    final AtomicLong unanswered = new AtomicLong();
    /** Items whose SHA-256 from ingest differs from the harness's own: the feed is not in ingest's normal form. */
    final AtomicLong shaDisagreements = new AtomicLong();
    final List<String> rejections = new ArrayList<>();
    private volatile long startedAt;

    ChaosFeeder(List<FeedCable> cables, Supplier<String> ingestUrl, Path spool, double rate, int batchSize) {
        this.cables = cables;
        this.ingestUrl = ingestUrl;
        this.spool = spool;
        this.rate = rate;
        this.batchSize = batchSize;
        this.sentAt = new long[cables.size()];
    }

    long startedAt() {
        return startedAt;
    }

    /** When cable {@code i} leaves on the fixed schedule. */
    long dueAt(int i) {
        return startedAt + (long) (i * 1000.0 / rate);
    }

    /** The first cable sent at or after {@code time}, or -1 while there is none yet. */
    int firstSentAtOrAfter(long time) {
        for (int i = 0; i < sentAt.length; i++) {
            if (sentAt[i] >= time) {
                return i;
            }
        }
        return -1;
    }

    static boolean viaSpool(int i) {
        return i % 10 == 9;
    }

    /** Offers every cable on the schedule; returns when every batch was answered or given up. */
    void run() throws Exception {
        startedAt = System.currentTimeMillis();
        ExecutorService senders = Executors.newFixedThreadPool(2);
        List<Integer> batch = new ArrayList<>();
        for (int i = 0; i < cables.size(); i++) {
            long wait = dueAt(i) - System.currentTimeMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
            sentAt[i] = System.currentTimeMillis();
            if (viaSpool(i)) {
                drop(i);
                continue;
            }
            batch.add(i);
            if (batch.size() == batchSize) {
                List<Integer> full = List.copyOf(batch);
                senders.submit(() -> send(full));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            List<Integer> rest = List.copyOf(batch);
            senders.submit(() -> send(rest));
        }
        senders.shutdown();
        if (!senders.awaitTermination(GIVE_UP.toMinutes() + 5, TimeUnit.MINUTES)) {
            senders.shutdownNow();
        }
    }

    /** A spool file as a feed drops one: written under a {@code .part} name, then renamed into place. */
    private void drop(int i) throws IOException {
        Path part = spool.resolve("inbox").resolve(cables.get(i).name() + ".part");
        Files.write(part, cables.get(i).text());
        Files.move(part, part.resolveSibling(cables.get(i).name() + ".txt"), StandardCopyOption.ATOMIC_MOVE);
    }

    /** The spool files in {@code done/}: acknowledged (now, for lack of a better time). */
    void spoolAcknowledged() throws IOException {
        Path done = spool.resolve("done");
        try (var files = Files.list(done)) {
            long now = System.currentTimeMillis();
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".txt"))
                    .map(n -> FeedCable.index(n.substring(0, n.length() - 4)))
                    .filter(i -> i >= 0).forEach(i -> acknowledgedAt.putIfAbsent(i, now));
        }
        try (var files = Files.list(spool.resolve("failed"))) {
            files.filter(f -> f.getFileName().toString().endsWith(".error")).forEach(f -> {
                rejected.incrementAndGet();
                synchronized (rejections) {
                    rejections.add(f.getFileName() + ": " + read(f));
                }
            });
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            return e.toString();
        }
    }

    private Void send(List<Integer> batch) throws Exception {
        try {
            return sendUntilAnswered(batch);
        } catch (Exception | Error e) {
            // the executor would drop this silently: the batch's cables would just never be acknowledged
            unanswered.addAndGet(batch.size());
            LoadHarness.log("a batch of %d (from %s) failed in the client: %s", batch.size(),
                    cables.get(batch.get(0)).name(), e);
            throw e;
        }
    }

    private Void sendUntilAnswered(List<Integer> batch) throws Exception {
        byte[] body = tar(batch);
        long deadline = System.currentTimeMillis() + GIVE_UP.toMillis();
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl.get() + "/api/cables/batch"))
                        .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/x-tar")
                        .header("Authorization", LoadToken.BEARER)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() == 200) {
                    int named = record(JSON.readTree(response.body()), System.currentTimeMillis());
                    if (named < batch.size()) {
                        unanswered.addAndGet(batch.size() - named);
                        LoadHarness.log("a batch of %d (from %s) was answered 200 naming %d of its items: %s",
                                batch.size(), cables.get(batch.get(0)).name(), named,
                                new String(response.body(), StandardCharsets.UTF_8));
                    }
                    return null;
                }
                if (response.statusCode() != 503) {
                    rejected.addAndGet(batch.size());
                    synchronized (rejections) {
                        rejections.add("a batch of " + batch.size() + " answered " + response.statusCode() + ": "
                                + new String(response.body(), StandardCharsets.UTF_8));
                    }
                    return null;
                }
            } catch (IOException e) {
                // refused or reset: ingest is being restarted, or was killed mid-answer; the client tries again
            }
            retries.incrementAndGet();
            Thread.sleep(500);
        }
        return null;
    }

    private byte[] tar(List<Integer> batch) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(batch.size() * 9_000);
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(body)) {
            for (int i : batch) {
                TarArchiveEntry entry = new TarArchiveEntry(cables.get(i).name());
                entry.setSize(cables.get(i).text().length);
                tar.putArchiveEntry(entry);
                tar.write(cables.get(i).text());
                tar.closeArchiveEntry();
            }
        }
        return body.toByteArray();
    }

    /** Records the answer's items; how many of them were the feed's. */
    private int record(JsonNode report, long now) {
        int named = 0;
        for (JsonNode item : report.path("items")) {
            int i = FeedCable.index(item.path("source").asText(""));
            String status = item.path("status").asText();
            if (i < 0) {
                continue;
            }
            named++;
            if (status.equals("accepted") || status.equals("duplicate")) {
                acknowledgedAt.putIfAbsent(i, now);
                if (!cables.get(i).sha256().equals(item.path("sha256").asText())) {
                    shaDisagreements.incrementAndGet();
                }
            } else {
                rejected.incrementAndGet();
                synchronized (rejections) {
                    rejections.add(cables.get(i).name() + ": " + item.path("reason").asText() + " "
                            + item.path("detail").asText());
                }
            }
        }
        return named;
    }
}
