package io.cablestream.store.web;

import io.cablestream.auth.Clearance;
import io.cablestream.auth.Roles;
import io.cablestream.testkit.KafkaTestResource;
import io.cablestream.testkit.PlainHttp;
import io.cablestream.testkit.PostgresTestResource;
import io.cablestream.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;

import static io.cablestream.store.web.UiSamples.CONFIDENTIAL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The UI's paths over plain HTTP, without a browser: each needs a valid session cookie (401 and the sign-in page
 * without one or with an expired one), the operator's page its role, the replay an htmx request; errors are pages
 * on /ui and problem bodies on /api, which still take only the Authorization header.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class UiAccessTest {

    /** Made before the first request: it also writes the key pair the service verifies tokens with. */
    static String confidentialReader;

    @TestHTTPResource("/")
    URI base;

    @BeforeAll
    static void storeTheSamples() {
        confidentialReader = TestTokens.reader("CONFIDENTIAL");
        UiSamples.store();
    }

    @Test
    void everyUiPathNeedsAValidSessionAndTheApiStillTakesOnlyItsHeaderErrors() throws Exception {
        URI root = base;
        String expired = TestTokens.expired("late", Set.of(Roles.READER), Clearance.of("CONFIDENTIAL", List.of()));
        for (String path : List.of("/ui/cables", "/ui/cables/" + CONFIDENTIAL, "/ui/cables/" + CONFIDENTIAL + "/raw",
                "/ui/cables/" + CONFIDENTIAL + "/graph", "/ui/cables/" + CONFIDENTIAL + "/graph/data",
                "/ui/overview", "/ui/overview/data", "/ui/status")) {
            HttpResponse<String> anonymous = PlainHttp.send(root, "GET", path, null);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/html"));
            assertThat(anonymous.body()).as(path).contains("<h1>Sign in</h1>");
            assertThat(withCookie(root, path, expired).statusCode()).as(path).isEqualTo(401);
            assertThat(withCookie(root, path, confidentialReader).statusCode()).as(path)
                    .isEqualTo(path.equals("/ui/status") ? 403 : 200);
        }
        HttpResponse<String> api = PlainHttp.send(root, "GET", "/api/cables/" + CONFIDENTIAL, null);
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(PlainHttp.send(root, "GET", "/api/cables/" + CONFIDENTIAL, confidentialReader).statusCode())
                .isEqualTo(200);
        // another HTTP error is a page on /ui and a problem body on /api
        HttpResponse<String> notAllowed = withCookie(root, "/ui/overview", confidentialReader, "POST");
        assertThat(notAllowed.statusCode()).isEqualTo(405);
        assertThat(notAllowed.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        HttpResponse<String> apiNotAllowed = PlainHttp.send(root, "POST", "/api/stats", confidentialReader);
        assertThat(apiNotAllowed.statusCode()).isEqualTo(405);
        assertThat(apiNotAllowed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        // a replay needs an operator, and an htmx request (no other site's form can send its header)
        assertThat(withCookie(root, "/ui/status/replay", TestTokens.everything(), "POST").statusCode()).isEqualTo(400);
    }

    /** Without a provider configured, the sign-in page offers none and its path signs no one in. */
    @Test
    void withoutAProviderThereIsOnlyTheTokenSignIn() throws Exception {
        HttpResponse<String> page = PlainHttp.send(base, "GET", "/ui/sign-in", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"token\"").doesNotContain("sign-in-provider");
        HttpResponse<String> provider = PlainHttp.send(base, "GET", "/ui/sign-in/provider", null);
        assertThat(provider.statusCode()).isEqualTo(401);
        assertThat(provider.headers().firstValue("Location")).isEmpty();
        // a local session is not a provider session: signing out stays here
        HttpResponse<String> signOut = withCookie(base, "/ui/sign-out", confidentialReader, "POST");
        assertThat(signOut.statusCode()).isEqualTo(303);
        assertThat(signOut.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/ui/sign-in"));
    }

    /**
     * The tag chart counts a code's cables once whatever kinds it was read as (the samples' own tag is two kinds on
     * one cable), most used first.
     */
    @Test
    void theTagChartCountsEachCableOncePerCodeMostUsedFirst() throws Exception {
        var chart = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(withCookie(base, "/ui/overview/data", confidentialReader).body()).path("byTag");
        assertThat(chart.path(UiSamples.TAG).asLong()).isEqualTo(UiSamples.READABLE.size());
        long previous = Long.MAX_VALUE;
        for (var bars = chart.elements(); bars.hasNext(); ) {
            long cables = bars.next().asLong();
            assertThat(cables).isLessThanOrEqualTo(previous);
            previous = cables;
        }
    }

    private static HttpResponse<String> withCookie(URI root, String path, String token) throws Exception {
        return withCookie(root, path, token, "GET");
    }

    private static HttpResponse<String> withCookie(URI root, String path, String token, String method)
            throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(root.resolve(path))
                .header("Cookie", SessionCookie.NAME + "=" + token).method(method, HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

}
