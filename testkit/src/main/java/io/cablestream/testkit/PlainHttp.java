package io.cablestream.testkit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Requests over plain HTTP, as a client without the test kit's default token sends them (the security tests): a
 * bearer token only when one is given.
 */
public final class PlainHttp {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PlainHttp() {
    }

    /** {@code method path} against {@code base} with an empty body, and {@code token} (may be null). */
    public static HttpResponse<String> send(URI base, String method, String path, String token) throws Exception {
        return send(base, method, path, token, null, HttpRequest.BodyPublishers.noBody());
    }

    /** As {@link #send(URI, String, String, String)}, with a body of {@code contentType} (may be null). */
    public static HttpResponse<String> send(URI base, String method, String path, String token, String contentType,
                                            HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body);
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code GET} of a whole URL (the management interface's), without a token. */
    public static String body(java.net.URL url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url.toURI()).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
