package io.cablestream.testkit;

import io.cablestream.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The containers path (Testcontainers' apache/kafka:4.1.2 and postgres:15) has the in-process path's settings.
 * Runs where a Docker engine answers, whatever {@code cables.test.infra} says; skipped, saying so, elsewhere.
 */
class ContainerInfraTest {

    @BeforeEach
    void needsDocker() {
        assumeTrue(TestInfra.dockerAvailable(), "no Docker engine answers on this machine (DOCKER_HOST, "
                + "/var/run/docker.sock): the containers path runs where one does");
    }

    @Test
    void kafkaContainerHasTheBrokerSettingsAndThePipelineTopics() throws Exception {
        KafkaBroker broker = KafkaBroker.start(TestInfra.Mode.CONTAINERS);
        try (Admin admin = broker.admin()) {
            assertThat(admin.listTopics().names().get()).contains(Topics.RAW, Topics.PARSED, Topics.DEAD_LETTER);
            String node = admin.describeCluster().nodes().get().iterator().next().idString();
            ConfigResource resource = new ConfigResource(ConfigResource.Type.BROKER, node);
            var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get("message.max.bytes").value()).isEqualTo("2097152");
            assertThat(config.get("group.initial.rebalance.delay.ms").value()).isEqualTo("0");
            ConfigResource raw = new ConfigResource(ConfigResource.Type.TOPIC, Topics.RAW);
            assertThat(admin.describeConfigs(List.of(raw)).all().get().get(raw).get("retention.ms").value())
                    .isEqualTo(TopicSettings.of(Topics.RAW).configs().get("retention.ms"));
            broker.whileStopped(() -> { });
            assertThat(admin.listTopics().names().get()).as("served again after a restart").contains(Topics.RAW);
        } finally {
            broker.close();
        }
    }

    @Test
    void postgresContainerCommitsSynchronously() throws Exception {
        TestDatabase database = TestDatabase.start(TestInfra.Mode.CONTAINERS);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SHOW synchronous_commit")) {
            row.next();
            assertThat(row.getString(1)).isEqualTo("on");
            assertThat(database.jdbcUrl()).startsWith("jdbc:postgresql://");
        }
    }
}
