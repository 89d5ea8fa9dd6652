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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feeds cables to {@code POST /api/cables/batch} as tar batches (what {@code cables ingest} sends) over several
 * connections, as fast as the service answers or at a fixed offered rate, and keeps the acknowledgement time of
 * every accepted cable by its ingest id.
 */
final class IngestFeeder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI batchUri;
    private final List<byte[]> cables;
    private final int batchSize;
    private final int connections;
    private final double rate;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final AtomicInteger nextBatch = new AtomicInteger();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong duplicate = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong acceptedBytes = new AtomicLong();
    final AtomicLong retries503 = new AtomicLong();
    /** Acknowledgement time (epoch ms) by ingest id. */
    final Map<String, Long> ackedAt = new ConcurrentHashMap<>();
    private volatile long startedAt;
    private volatile long finishedAt;

    IngestFeeder(String ingestBaseUrl, List<byte[]> cables, int batchSize, int connections, double rate) {
        this.batchUri = URI.create(ingestBaseUrl + "/api/cables/batch");
        this.cables = cables;
        this.batchSize = batchSize;
        this.connections = connections;
        this.rate = rate;
    }

    /** Sends every cable; returns when the last batch was answered. */
    void run() throws InterruptedException {
        startedAt = System.currentTimeMillis();
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Thread worker = new Thread(() -> {
                try {
                    sendBatches();
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "ingest-feeder-" + i);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        finishedAt = System.currentTimeMillis();
        if (!failures.isEmpty()) {
            throw new IllegalStateException("feeding failed: " + failures.get(0), failures.get(0));
        }
    }

    long startedAt() {
        return startedAt;
    }

    long finishedAt() {
        return finishedAt;
    }

    private void sendBatches() throws IOException, InterruptedException {
        int batches = (cables.size() + batchSize - 1) / batchSize;
        for (int batch = nextBatch.getAndIncrement(); batch < batches; batch = nextBatch.getAndIncrement()) {
            if (rate > 0) {
                // a fixed schedule: batch k leaves at k * batchSize / rate, whatever the answers' latency
                long due = startedAt + (long) (batch * (double) batchSize * 1000.0 / rate);
                long wait = due - System.currentTimeMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
            }
            int from = batch * batchSize;
            int to = Math.min(cables.size(), from + batchSize);
            send(tar(from, to), to - from);
        }
    }

    /** Cables {@code from} to {@code to} as {@code cables ingest} sends files: a tar of their bytes. */
    private byte[] tar(int from, int to) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream((to - from) * 9_000);
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(body)) {
            for (int i = from; i < to; i++) {
                TarArchiveEntry entry = new TarArchiveEntry("load-" + i);
                entry.setSize(cables.get(i).length);
                tar.putArchiveEntry(entry);
                tar.write(cables.get(i));
                tar.closeArchiveEntry();
            }
        }
        return body.toByteArray();
    }

    private void send(byte[] body, int count) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(batchUri).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/x-tar")
                .header("Authorization", LoadToken.BEARER)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        for (int attempt = 0; ; attempt++) {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long now = System.currentTimeMillis();
            if (response.statusCode() == 200) {
                record(JSON.readTree(response.body()), now);
                return;
            }
            if (response.statusCode() == 503 && attempt < 20) {
                // the items settled before the failure are in the problem; the rest come again (duplicates are counted)
                retries503.incrementAndGet();
                long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
                Thread.sleep(seconds * 1000);
                continue;
            }
            throw new IOException("batch of " + count + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    private void record(JsonNode report, long ackedAtMillis) {
        for (JsonNode item : report.path("items")) {
            switch (item.path("status").asText()) {
                case "accepted" -> {
                    accepted.incrementAndGet();
                    ackedAt.put(item.path("ingestId").asText(), ackedAtMillis);
                    String source = item.path("source").asText("");
                    if (source.startsWith("load-")) {
                        acceptedBytes.addAndGet(cables.get(Integer.parseInt(source.substring(5))).length);
                    }
                }
                case "duplicate" -> duplicate.incrementAndGet();
                default -> rejected.incrementAndGet();
            }
        }
    }
}
