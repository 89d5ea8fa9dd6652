package io.cablestream.testkit;

import io.cablestream.events.Topics;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TestInfrastructureTest {

    @Test
    void brokerRunsWithTheSettingsOfDeployKafkaBrokerProperties() throws Exception {
        try (var admin = KafkaBroker.shared().admin()) {
            String node = admin.describeCluster().nodes().get().iterator().next().idString();
            ConfigResource resource = new ConfigResource(ConfigResource.Type.BROKER, node);
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(BrokerSettings.settings()).containsEntry("message.max.bytes", "2097152")
                    .doesNotContainKeys("process.roles", "node.id");
            BrokerSettings.settings().forEach((name, value) ->
                    assertThat(config.get(name).value()).as(name).isEqualTo(value));
        }
    }

    @Test
    void brokerDeliversARecordAndHasThePipelineTopics() throws Exception {
        KafkaBroker broker = KafkaBroker.shared();
        try (var producer = new KafkaProducer<byte[], byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>("testkit.check", "k".getBytes(), "hello".getBytes())).get();
        }

        var records = TopicReader.readUntil(broker.bootstrapServers(), "testkit.check", r -> !r.isEmpty(),
                Duration.ofSeconds(20));

        assertThat(records).extracting(r -> new String(r.value(), StandardCharsets.UTF_8)).containsExactly("hello");
        try (var admin = broker.admin()) {
            var raw = admin.describeTopics(java.util.List.of(Topics.RAW)).allTopicNames().get().get(Topics.RAW);
            assertThat(raw.partitions()).hasSize(Topics.DEFAULT_PARTITIONS);
        }
    }

    /** The design's settings (deploy/README.md, Topics): kept for ever, room for any cable ingest accepts. */
    @Test
    void pipelineTopicsAreCreatedWithTheDesignsRetentionAndSizes() throws Exception {
        Map<String, Map<String, String>> expected = Map.of(
                Topics.RAW, Map.of("retention.ms", "-1", "max.message.bytes", "2097152", "min.insync.replicas", "1"),
                Topics.PARSED, Map.of("retention.ms", "-1", "max.message.bytes", "8388608", "min.insync.replicas", "1"),
                Topics.DEAD_LETTER, Map.of("retention.ms", "-1", "max.message.bytes", "8388608", "min.insync.replicas", "1"));
        try (var admin = KafkaBroker.shared().admin()) {
            for (var topic : expected.entrySet()) {
                var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.getKey());
                Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
                topic.getValue().forEach((name, value) ->
                        assertThat(config.get(name).value()).as(topic.getKey() + " " + name).isEqualTo(value));
            }
            var description = admin.describeTopics(List.of(Topics.DEAD_LETTER)).allTopicNames().get().get(Topics.DEAD_LETTER);
            assertThat(description.partitions()).hasSize(1);
        }
    }

    @Test
    void databaseIsARealPostgres() throws Exception {
        try (Connection connection = TestDatabase.shared().connect();
             Statement statement = connection.createStatement();
             ResultSet version = statement.executeQuery("SELECT version()")) {
            version.next();
            assertThat(version.getString(1)).startsWith("PostgreSQL");
        }
    }

    /** CI points CABLES_TEST_DB_URL at its own server; this keeps the zero-setup embedded path tested too. */
    @Test
    void embeddedPostgresStartsWithoutAnyServerInstalled() throws Exception {
        TestDatabase embedded = TestDatabase.startEmbedded();
        try (Connection connection = embedded.connect();
             Statement statement = connection.createStatement();
             ResultSet compression = statement.executeQuery("SHOW default_toast_compression")) {
            compression.next();
            assertThat(compression.getString(1)).isEqualTo("pglz");
        }
        try (Connection connection = embedded.connect();
             Statement statement = connection.createStatement();
             ResultSet commit = statement.executeQuery("SHOW synchronous_commit")) {
            commit.next();
            assertThat(commit.getString(1)).as("the library's default is off").isEqualTo("on");
        }
    }

    @Test
    void samplesCarryTheReleaseMetadata() {
        assertThat(SampleCables.all()).hasSizeGreaterThanOrEqualTo(20)
                .allSatisfy(cable -> assertThat(cable.file()).isEqualTo(cable.canonicalId() + ".txt"))
                .allSatisfy(cable -> assertThat(new String(cable.text(), StandardCharsets.UTF_8)).contains("TAGS"));
        assertThat(new String(SampleCables.seedCable(), StandardCharsets.UTF_8)).contains("USOSCE 000086");
    }

    @Test
    void aDatabaseNameReplacesTheOneInTheServerUrl() {
        assertThat(TestDatabase.withDatabase("jdbc:postgresql://127.0.0.1:5432/test?user=postgres", "x"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/x?user=postgres");
        assertThat(TestDatabase.withDatabase("jdbc:postgresql://localhost/test", "x"))
                .isEqualTo("jdbc:postgresql://localhost/x");
    }
}
