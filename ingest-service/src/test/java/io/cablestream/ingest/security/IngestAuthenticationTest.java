package io.cablestream.ingest.security;

import io.cablestream.auth.Clearance;
import io.cablestream.auth.Roles;
import io.cablestream.ingest.support.RawTopic;
import io.cablestream.testkit.KafkaBroker;
import io.cablestream.testkit.KafkaTestResource;
import io.cablestream.testkit.SampleCables;
import io.cablestream.testkit.PlainHttp;
import io.cablestream.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over plain HTTP: only a valid token with the ingest role may post cables (none, an expired one, another role:
 * refused); a refused cable is not on cables.raw.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class IngestAuthenticationTest {

    @TestHTTPResource("/")
    URI base;

    HttpResponse<String> post(String path, String token, String contentType, byte[] body) throws Exception {
        return PlainHttp.send(base, "POST", path, token, contentType, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    /** A real cable made unique, so that its key on cables.raw is its own. */
    static byte[] cable(String marker) {
        return (new String(SampleCables.seedCable(), StandardCharsets.UTF_8) + "\n" + marker + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void withoutATokenOrWithAnotherRoleNothingIsAccepted() throws Exception {
        byte[] body = cable("auth-test-refused");
        String reader = TestTokens.token("analyst", Set.of(Roles.READER, Roles.OPERATOR), Clearance.everything());
        for (String path : List.of("/api/cables", "/api/cables/batch")) {
            // a body the endpoint takes: the batch endpoint reads an archive of files as one
            String type = path.endsWith("batch") ? "application/x-tar" : "text/plain";
            HttpResponse<String> anonymous = post(path, null, type, body);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            HttpResponse<String> expired = post(path, TestTokens.expired("feeder", Set.of(Roles.INGEST),
                    Clearance.everything()), type, body);
            assertThat(expired.statusCode()).as(path + " expired token").isEqualTo(401);
            HttpResponse<String> wrongRole = post(path, reader, type, body);
            assertThat(wrongRole.statusCode()).as(path).isEqualTo(403);
            assertThat(wrongRole.body()).contains("\"status\":403");
        }
        assertThat(RawTopic.withKeys(KafkaBroker.shared().bootstrapServers(),
                List.of(sha256(body)))).isEmpty();
    }

    static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void anIngestTokenPostsACable() throws Exception {
        String feeder = TestTokens.token("feeder", Set.of(Roles.INGEST), Clearance.of("UNCLASSIFIED", Set.of()));
        HttpResponse<String> accepted = post("/api/cables", feeder, "text/plain", cable("auth-test-accepted"));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.body()).contains("\"sha256\"");
    }
}
