package io.cablestream.ingest.hostile;

import io.cablestream.testkit.TestTokens;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP answer, from RestAssured or from a body streamed in chunks with {@link HttpURLConnection} (RestAssured
 * and the JDK HttpClient hold a body in the test's heap, which is the service's heap here).
 */
record Answer(int statusCode, String contentType, String body) {

    static Answer of(Response response) {
        return new Answer(response.statusCode(), response.contentType(), response.asString());
    }

    /** POSTs {@code body} chunked; an answer the server sent before reading it all is still read. */
    static Answer streamed(String path, String contentType, InputStream body) {
        try {
            HttpURLConnection http = (HttpURLConnection) URI.create("http://localhost:" + RestAssured.port + path)
                    .toURL().openConnection();
            http.setRequestMethod("POST");
            http.setDoOutput(true);
            http.setChunkedStreamingMode(64 * 1024);
            http.setRequestProperty("Content-Type", contentType);
            http.setRequestProperty("Authorization", TestTokens.bearer(TestTokens.everything()));
            http.setReadTimeout(60_000);
            try (OutputStream out = http.getOutputStream(); body) {
                body.transferTo(out);
            } catch (IOException closedEarly) {
                // the server answered and closed before the end of the body: its answer is read below
            }
            int status = http.getResponseCode();
            InputStream answer = status >= 400 ? http.getErrorStream() : http.getInputStream();
            String text = answer == null ? "" : new String(answer.readAllBytes(), StandardCharsets.UTF_8);
            return new Answer(status, http.getContentType(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonPath jsonPath() {
        return JsonPath.from(body);
    }

    String asString() {
        return body;
    }
}
