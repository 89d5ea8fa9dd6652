package io.cablestream.cli;

import io.cablestream.auth.Roles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code cables replay dead-letters|raw}: asks parse-service to parse records again with its current parser. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Re-drive the dead letters of cables.raw after a parser fix (dead-letters), or parse a range "
                + "of cables.raw again so a new parser version updates the store (raw). Both are idempotent."})
public class ReplayCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "WHAT", description = "dead-letters or raw")
    String what;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8082", description = "parse-service (default: ${DEFAULT-VALUE})")
    URI url;

    @Option(names = "--token", description = "Bearer token (default: $CABLES_TOKEN, else a local one from .local/jwt)")
    String token;

    @Option(names = "--from", description = "raw: first record time, ISO date or instant (inclusive)")
    String from;

    @Option(names = "--to", description = "raw: last record time, ISO date or instant (exclusive)")
    String to;

    @Option(names = "--from-offset", description = "raw: first offset in every partition (inclusive)")
    Long fromOffset;

    @Option(names = "--to-offset", description = "raw: last offset in every partition (exclusive)")
    Long toOffset;

    @Override
    public Integer call() throws IOException, InterruptedException {
        String path = switch (what) {
            case "dead-letters" -> "/api/replay/dead-letters";
            case "raw" -> "/api/replay/raw" + query();
            default -> null;
        };
        if (path == null) {
            System.err.println("replay what? dead-letters or raw, not " + what);
            return 2;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url.resolve(path)).timeout(Duration.ofMinutes(30));
        String bearer = LocalAccess.token(token, Roles.OPERATOR);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                request.POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.println(response.body());
        return response.statusCode() == 200 ? 0 : 1;
    }

    private String query() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("from", from);
        parameters.put("to", to);
        parameters.put("fromOffset", fromOffset);
        parameters.put("toOffset", toOffset);
        String query = parameters.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? "" : "?" + query;
    }
}
