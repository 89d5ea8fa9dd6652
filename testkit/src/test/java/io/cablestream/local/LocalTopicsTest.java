package io.cablestream.local;

import io.cablestream.testkit.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

/** LocalTopics (the `bin/cables up` path) against a real broker: creates with, and corrects to, the asked settings. */
class LocalTopicsTest {

    static KafkaBroker broker;

    @BeforeAll
    static void start() {
        broker = KafkaBroker.dedicated();
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void aMissingTopicIsCreatedWithItsSettings() throws Exception {
        try (Admin admin = broker.admin()) {
            run(admin, "local.created:3:retention.ms=-1,max.message.bytes=2097152,min.insync.replicas=1");

            assertThat(config(admin, "local.created", "retention.ms", "-1")).isEqualTo("-1");
            assertThat(config(admin, "local.created", "max.message.bytes", "2097152")).isEqualTo("2097152");
            assertThat(config(admin, "local.created", "min.insync.replicas", "1")).isEqualTo("1");
            assertThat(admin.describeTopics(List.of("local.created")).allTopicNames().get().get("local.created")
                    .partitions()).hasSize(3);
        }
    }

    @Test
    void anExistingTopicWithKafkasDefaultRetentionIsSetToTheAskedOneAndSaysSo() throws Exception {
        try (Admin admin = broker.admin()) {
            run(admin, "local.old:2");   // as an older kafka.sh created it: Kafka's defaults, 7 days
            ConfigResource old = new ConfigResource(ConfigResource.Type.TOPIC, "local.old");
            retried(() -> admin.incrementalAlterConfigs(Map.of(old, List.of(new AlterConfigOp(new ConfigEntry(
                    "retention.ms", "604800000"), AlterConfigOp.OpType.SET)))).all().get());
            config(admin, "local.old", "retention.ms", "604800000");

            String said = run(admin, "local.old:2:retention.ms=-1,max.message.bytes=8388608");

            assertThat(config(admin, "local.old", "retention.ms", "-1")).isEqualTo("-1");
            assertThat(config(admin, "local.old", "max.message.bytes", "8388608")).isEqualTo("8388608");
            assertThat(said).contains("local.old existed with other settings").contains("retention.ms 604800000 -> -1");
            assertThat(run(admin, "local.old:2:retention.ms=-1,max.message.bytes=8388608"))
                    .as("a second start changes nothing").isEmpty();
        }
    }

    /** A topic just created is unknown to the broker for a moment (its metadata is on the way from the controller). */
    private static void retried(Callable<?> call) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                call.call();
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || attempt == 50) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private static String run(Admin admin, String topic) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LocalTopics.ensure(admin, admin.listTopics().names().get(), List.of(LocalTopics.Wanted.parse(topic, (short) 1)),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * The topic's config value, read until it is the expected one or 10 s passed: the broker answers from metadata
     * the controller sends it, a moment after a change (or a creation).
     */
    private static String config(Admin admin, String topic, String name, String expected) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        String value = null;
        for (int attempt = 0; attempt < 50 && !expected.equals(value); attempt++) {
            if (attempt > 0) {
                Thread.sleep(200);
            }
            try {
                value = admin.describeConfigs(List.of(resource)).all().get().get(resource).get(name).value();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
        }
        return value;
    }
}
