package io.cablestream.parse.security;

import io.cablestream.auth.Clearance;
import io.cablestream.auth.Roles;
import io.cablestream.testkit.KafkaTestResource;
import io.cablestream.testkit.PlainHttp;
import io.cablestream.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over plain HTTP: replays are the operator's; the health probes stay open to the orchestrator, the metrics are on
 * the management interface.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ReplayAuthenticationTest {

    @TestHTTPResource("/")
    URI base;

    @TestHTTPResource(value = "/metrics", management = true) // the management root is /q
    java.net.URL metrics;

    HttpResponse<String> send(String method, String path, String token) throws Exception {
        return PlainHttp.send(base, method, path, token);
    }

    @Test
    void aReplayNeedsTheOperatorRole() throws Exception {
        String notOperator = TestTokens.token("analyst", Set.of(Roles.READER, Roles.INGEST), Clearance.everything());
        for (String path : List.of("/api/replay/dead-letters", "/api/replay/raw?fromOffset=0&toOffset=0")) {
            HttpResponse<String> anonymous = send("POST", path, null);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            HttpResponse<String> expired = send("POST", path, TestTokens.expired("ops", Set.of(Roles.OPERATOR),
                    Clearance.everything()));
            assertThat(expired.statusCode()).as(path + " expired token").isEqualTo(401);
            HttpResponse<String> wrongRole = send("POST", path, notOperator);
            assertThat(wrongRole.statusCode()).as(path).isEqualTo(403);
            assertThat(wrongRole.body()).contains("\"status\":403");
        }
        String operator = TestTokens.token("ops", Set.of(Roles.OPERATOR), Clearance.of("UNCLASSIFIED", Set.of()));
        assertThat(send("POST", "/api/replay/dead-letters", operator).statusCode()).isEqualTo(200);
    }

    @Test
    void theProbesNeedNoTokenAndTheRestDoes() throws Exception {
        assertThat(send("GET", "/q/health/ready", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/q/health/live", null).statusCode()).isEqualTo(200);
        for (String path : List.of("/q/openapi", "/q/swagger-ui/")) {
            assertThat(send("GET", path, null).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(send("GET", "/q/metrics", null).statusCode()).as("metrics are not on the public port").isEqualTo(404);
        assertThat(PlainHttp.body(metrics)).as("but on the management interface").contains("jvm_memory_used_bytes");
    }
}
