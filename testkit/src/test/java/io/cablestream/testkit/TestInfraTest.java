package io.cablestream.testkit;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which broker and PostgreSQL the tests start ({@code -Dcables.test.infra}); needs no Docker. */
class TestInfraTest {

    private static final BooleanSupplier DOCKER = () -> true;
    private static final BooleanSupplier NO_DOCKER = () -> false;
    private static final BooleanSupplier NOT_ASKED = () -> {
        throw new AssertionError("Docker was probed though the choice did not need it");
    };
    private static final Path HOME = Path.of("/home/someone");

    @Test
    void autoTakesContainersWhereDockerAnswersAndTheEmbeddedOnesElsewhere() {
        assertThat(TestInfra.select(null, DOCKER)).isEqualTo(TestInfra.Mode.CONTAINERS);
        assertThat(TestInfra.select("auto", DOCKER)).isEqualTo(TestInfra.Mode.CONTAINERS);
        assertThat(TestInfra.select(null, NO_DOCKER)).isEqualTo(TestInfra.Mode.EMBEDDED);
        assertThat(TestInfra.select(" AUTO ", NO_DOCKER)).isEqualTo(TestInfra.Mode.EMBEDDED);
    }

    @Test
    void embeddedIsTakenWithoutAskingForDocker() {
        assertThat(TestInfra.select("embedded", NOT_ASKED)).isEqualTo(TestInfra.Mode.EMBEDDED);
    }

    @Test
    void containersWithoutDockerFailsSayingWhatToDo() {
        assertThat(TestInfra.select("containers", DOCKER)).isEqualTo(TestInfra.Mode.CONTAINERS);
        assertThatThrownBy(() -> TestInfra.select("containers", NO_DOCKER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Docker engine answers")
                .hasMessageContaining("leave cables.test.infra unset");
    }

    @Test
    void anUnknownValueIsRefused() {
        assertThatThrownBy(() -> TestInfra.select("docker", NOT_ASKED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("embedded, containers or auto");
    }

    @Test
    void testcontainersIsAskedOnlyWhereSomethingPointsAtAnEngine() {
        assertThat(TestInfra.dockerHinted(Map.of(), path -> false, HOME)).isFalse();
        assertThat(TestInfra.dockerHinted(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375"), path -> false, HOME)).isTrue();
        assertThat(TestInfra.dockerHinted(Map.of("DOCKER_HOST", " "), path -> false, HOME)).isFalse();
        assertThat(TestInfra.dockerHinted(Map.of(), Set.of(Path.of("/var/run/docker.sock"))::contains, HOME)).isTrue();
        assertThat(TestInfra.dockerHinted(Map.of(), Set.of(HOME.resolve(".testcontainers.properties"))::contains, HOME))
                .isTrue();
        assertThat(TestInfra.dockerHinted(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"),
                Set.of(Path.of("/run/user/1000/docker.sock"))::contains, HOME)).isTrue();
    }

    @Test
    void theBrokerSettingsBecomeTheKafkaImagesVariables() {
        Map<String, String> environment = BrokerSettings.containerEnvironment();
        assertThat(environment)
                .containsEntry("KAFKA_MESSAGE_MAX_BYTES", "2097152")
                .containsEntry("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
                .containsEntry("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .containsEntry("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "4")
                .doesNotContainKeys("KAFKA_PROCESS_ROLES", "KAFKA_NODE_ID", "KAFKA_CONTROLLER_LISTENER_NAMES");
        assertThat(environment).hasSize(BrokerSettings.forTests().size());
    }

    @Test
    void bothPostgresqlStartsKeepSynchronousCommitOn() {
        assertThat(TestDatabase.SERVER_CONFIG).containsEntry("synchronous_commit", "on").containsEntry("fsync", "off");
    }

    @Test
    void withoutDockerTheChoiceIsQuickAndEmbedded() {
        org.junit.jupiter.api.Assumptions.assumeFalse(TestInfra.dockerAvailable(), "a Docker engine answers here");
        long start = System.nanoTime();
        assertThat(TestInfra.select(null, TestInfra::dockerAvailable)).isEqualTo(TestInfra.Mode.EMBEDDED);
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms to decide").isLessThan(500);
    }
}
