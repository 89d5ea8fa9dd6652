package io.cablestream.store.security;

import io.cablestream.auth.Clearance;
import io.cablestream.auth.LocalKeys;
import io.cablestream.auth.LocalTokens;
import io.cablestream.auth.Roles;
import io.cablestream.testkit.KafkaTestResource;
import io.cablestream.testkit.PostgresTestResource;
import io.cablestream.testkit.PlainHttp;
import io.cablestream.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over plain HTTP, as a client without the test kit's default token sees the store: every endpoint but the health
 * probes needs a valid token (401 without one, or with one the service cannot verify), and the right role (403).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class AuthenticationTest {

    @TestHTTPResource("/")
    URI base;

    @TestHTTPResource(value = "/metrics", management = true) // the management root is /q
    java.net.URL metrics;

    HttpResponse<String> get(String path, String token) throws Exception {
        return PlainHttp.send(base, "GET", path, token);
    }

    @Test
    void withoutATokenEveryEndpointButTheProbesIs401WithAProblemBody() throws Exception {
        for (String path : List.of("/api/cables", "/api/cables/09NEWDELHI877", "/api/cables/09NEWDELHI877/raw",
                "/api/cables/09NEWDELHI877/references", "/api/cables/09NEWDELHI877/cited-by", "/api/tags",
                "/api/stats", "/api/dead-letters", "/api/dead-letters/1")) {
            HttpResponse<String> response = get(path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(path).hasValue("Bearer");
            assertThat(response.body()).as(path).contains("\"status\":401");
        }
        for (String path : List.of("/q/openapi", "/q/swagger-ui/")) {
            assertThat(get(path, null).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(get("/q/metrics", null).statusCode()).as("metrics are not on the public port").isEqualTo(404);
        assertThat(PlainHttp.body(metrics)).as("but on the management interface").contains("jvm_memory_used_bytes");
        assertThat(get("/q/health/ready", null).statusCode()).isEqualTo(200);
        assertThat(get("/q/health/live", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenTheServiceCannotVerifyIs401(@TempDir Path otherKeys) throws Exception {
        String forged = LocalTokens.issue(LocalKeys.ensure(otherKeys), "mallory", Roles.ALL, Clearance.everything(),
                Duration.ofHours(1));
        HttpResponse<String> response = get("/api/cables", forged);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"status\":401");
        assertThat(get("/api/cables", "not.a.token").statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenWithoutTheRoleIs403WithAProblemBody() throws Exception {
        String ingestOnly = TestTokens.token("feeder", Set.of(Roles.INGEST), Clearance.everything());
        HttpResponse<String> cables = get("/api/cables", ingestOnly);
        assertThat(cables.statusCode()).isEqualTo(403);
        assertThat(cables.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(cables.body()).contains("\"status\":403");
        assertThat(get("/api/dead-letters", TestTokens.reader("TOP SECRET")).statusCode())
                .as("dead letters are the operator's").isEqualTo(403);
        assertThat(get("/api/cables", TestTokens.reader("UNCLASSIFIED")).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenWhoseClearanceDoesNotReadIs403() throws Exception {
        // a hand-made claim set: the token kit refuses unknown levels, a provider may not
        String token = TestTokens.withClaims("odd", Set.of(Roles.READER), "COSMIC", List.of());
        assertThat(get("/api/cables", token).statusCode()).isEqualTo(403);
    }
}
