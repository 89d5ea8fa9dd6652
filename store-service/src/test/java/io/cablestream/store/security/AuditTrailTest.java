package io.cablestream.store.security;

import io.cablestream.auth.AuditLog;
import io.cablestream.store.support.ParsedCableEvents;
import io.cablestream.store.support.StoreDatabase;
import io.cablestream.testkit.KafkaTestResource;
import io.cablestream.testkit.PostgresTestResource;
import io.cablestream.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Each read of a classified cable by id leaves one audit line: who, which cable, which endpoint, the outcome. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class AuditTrailTest {

    static final String SECRET = "10DAMASCUS168";

    final List<Map<String, String>> lines = new CopyOnWriteArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(((ExtLogRecord) record).getMdcCopy().entrySet().stream()
                    .filter(e -> e.getKey().startsWith("audit."))
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue()))));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger(AuditLog.CATEGORY).addHandler(capture);
    }

    @AfterEach
    void stop() {
        Logger.getLogger(AuditLog.CATEGORY).removeHandler(capture);
    }

    @Test
    void aGrantedAndAHiddenReadAreLoggedWithTheReaderTheCableAndTheEndpoint() {
        ParsedCableEvents.publish(ClearanceReadsTest.parsed(SECRET));
        await().atMost(Duration.ofSeconds(60)).until(() -> StoreDatabase.writes(SECRET) == 1);
        lines.clear();

        ClearanceReadsTest.get(TestTokens.reader("SECRET"), "/api/cables/" + SECRET).statusCode(200);
        ClearanceReadsTest.get(TestTokens.reader("CONFIDENTIAL"), "/api/cables/" + SECRET + "/raw").statusCode(404);

        assertThat(lines).containsExactly(
                Map.of("audit.subject", "test-reader-secret", "audit.action", "get", "audit.cable", SECRET,
                        "audit.classification", "SECRET", "audit.outcome", "granted"),
                Map.of("audit.subject", "test-reader-confidential", "audit.action", "raw", "audit.cable", SECRET,
                        "audit.classification", "SECRET", "audit.outcome", "hidden"));
    }
}
