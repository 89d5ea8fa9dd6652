package io.cablestream.ingest.messaging;

import io.cablestream.ingest.support.RawTopic;
import io.cablestream.events.RawCableHeaders;
import io.cablestream.testkit.KafkaBroker;
import io.cablestream.testkit.KafkaTestResource;
import io.cablestream.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The per-cable log lines carry the cable's ids and the request's trace id in the MDC (what JSON logs print). */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class CableLogTest {

    private static final String TRACE_ID = "5cf92f3577b34da6a3ce929d0e0e4737";

    private final List<ExtLogRecord> lines = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger(CableLog.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record instanceof ExtLogRecord ext) {
                ext.copyMdc();
                lines.add(ext);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level level;

    @BeforeEach
    void capture() {
        level = logger.getLevel();
        logger.setLevel(Level.FINE);
        logger.addHandler(capture);
    }

    @AfterEach
    void release() {
        logger.removeHandler(capture);
        logger.setLevel(level);
    }

    @Test
    void acceptedDuplicateAndRejectedCablesAreLoggedWithTheirIds() {
        String text = "UNCLAS STATE 000004\nSUBJECT: LOGGED " + UUID.randomUUID() + "\n";
        String traceparent = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";
        var receipt = given().contentType("text/plain").header("traceparent", traceparent).header("X-Cable-Source", "logged")
                .body(text).post("/api/cables").then().statusCode(202).extract();
        String ingestId = receipt.path("ingestId");
        String sha256 = receipt.path("sha256");
        given().contentType("text/plain").header("traceparent", traceparent).header("X-Cable-Source", "again")
                .body(text).post("/api/cables").then().statusCode(202);
        given().contentType("text/plain").header("traceparent", traceparent).header("X-Cable-Source", "blank")
                .body("   \n").post("/api/cables").then().statusCode(400);

        // the tests run with the exporter off (CABLES_TRACING_RATIO unset: ratio 0), and the trace still travels
        assertThat(ConfigProvider.getConfig().getValue("quarkus.otel.traces.sampler.arg", Double.class)).isZero();
        var record = RawTopic.withKeys(KafkaBroker.shared().bootstrapServers(), List.of(sha256));
        assertThat(record).hasSize(1);
        assertThat(TopicReader.header(record.get(0), RawCableHeaders.TRACEPARENT))
                .as("not sampled at ratio 0, and still the client's trace id")
                .startsWith("00-" + TRACE_ID + "-").endsWith("-00");

        ExtLogRecord accepted = line("accepted logged");
        assertThat(accepted.getMdc("ingestId")).isEqualTo(ingestId);
        assertThat(accepted.getMdc("sha256")).isEqualTo(sha256);
        assertThat(accepted.getMdc("traceId")).isEqualTo(TRACE_ID);
        ExtLogRecord duplicate = line("duplicate again");
        assertThat(duplicate.getMdc("sha256")).isEqualTo(sha256);
        assertThat(duplicate.getMdc("traceId")).isEqualTo(TRACE_ID);
        ExtLogRecord rejected = line("rejected blank");
        assertThat(rejected.getLevel()).isEqualTo(org.jboss.logmanager.Level.INFO);
        assertThat(rejected.getMdc("reason")).isEqualTo("blank");
        assertThat(rejected.getMdc("source")).isEqualTo("blank");
        assertThat(rejected.getMdc("traceId")).isEqualTo(TRACE_ID);
    }

    private ExtLogRecord line(String prefix) {
        return lines.stream().filter(line -> line.getFormattedMessage().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no log line '" + prefix + "...' among "
                        + lines.stream().map(ExtLogRecord::getFormattedMessage).toList()));
    }
}
