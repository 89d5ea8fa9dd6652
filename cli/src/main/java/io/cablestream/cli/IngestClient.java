package io.cablestream.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Posts batches (tar or NDJSON, {@link IngestBatcher}) to {@code /api/cables/batch}. A 503 is retried after its
 * Retry-After; the items it says were accepted before the broker failed are remembered, so that the retry's
 * "duplicate" for them is counted as the acceptance it was.
 */
final class IngestClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ATTEMPTS = 60;

    // HTTP/1.1: the JDK client would otherwise upgrade to h2c, and HTTP/2's 16 KB frames and window updates cost
    // both sides CPU for multi-megabyte bodies, with nothing to multiplex (one request per connection at a time)
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI batchUri;
    private final Consumer<String> waiting;
    private final String token;

    /** @param token the bearer token to send, or null */
    IngestClient(URI baseUrl, String token, Consumer<String> waiting) {
        this.batchUri = baseUrl.resolve("/api/cables/batch");
        this.token = token;
        this.waiting = waiting;
    }

    List<IngestOutcome> send(IngestBatcher.Batch batch) throws IOException, InterruptedException {
        Set<String> acceptedBefore = new HashSet<>();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<byte[]> response;
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(batchUri);
                if (token != null) {
                    request.header("Authorization", "Bearer " + token);
                }
                response = http.send(request
                        .header("Content-Type", batch.contentType())
                        .timeout(Duration.ofMinutes(5))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(batch.body())).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException unreachable) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw unreachable;
                }
                pause(Math.min(10, attempt), "service unreachable (" + unreachable.getMessage() + ")");
                continue;
            }
            JsonNode body = response.body().length == 0 ? JSON.nullNode() : JSON.readTree(response.body());
            if (response.statusCode() == 200) {
                return outcomes(body.path("items"), acceptedBefore);
            }
            if (response.statusCode() != 503 || attempt >= MAX_ATTEMPTS) {
                throw new IOException("the service answered " + response.statusCode() + ": "
                        + body.path("detail").asText(new String(response.body())));
            }
            for (IngestOutcome earlier : outcomes(body.path("items"), Set.of())) {
                if ("accepted".equals(earlier.status())) {
                    acceptedBefore.add(earlier.sha256());
                }
            }
            pause(retryAfter(response), "503: " + body.path("detail").asText());
        }
    }

    private static List<IngestOutcome> outcomes(JsonNode items, Set<String> acceptedBefore) {
        List<IngestOutcome> outcomes = new ArrayList<>();
        for (JsonNode item : items) {
            String sha256 = item.path("sha256").asText(null);
            String status = item.path("status").asText();
            if ("duplicate".equals(status) && acceptedBefore.contains(sha256)) {
                status = "accepted";
            }
            outcomes.add(new IngestOutcome(item.path("source").asText(), sha256, status,
                    item.path("reason").asText(null), item.path("detail").asText(null)));
        }
        return outcomes;
    }

    private static long retryAfter(HttpResponse<?> response) {
        try {
            return Math.max(1, Long.parseLong(response.headers().firstValue("Retry-After").orElse("5").trim()));
        } catch (NumberFormatException httpDate) {
            return 5;
        }
    }

    private void pause(long seconds, String why) throws InterruptedException {
        waiting.accept(why + "; retrying in " + seconds + " s");
        Thread.sleep(seconds * 1000);
    }
}
