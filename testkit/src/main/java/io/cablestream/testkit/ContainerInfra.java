package io.cablestream.testkit;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.util.ArrayList;
import java.util.List;

/**
 * Testcontainers' Kafka and PostgreSQL, with the settings the in-process ones have: the only class that touches
 * Testcontainers, so a run without Docker never loads it.
 */
final class ContainerInfra {

    /** The broker's version, as the in-process one (the kafka-clients version Quarkus manages). */
    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    static final String POSTGRES_IMAGE = "postgres:15";

    private ContainerInfra() {
    }

    static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** A broker container with deploy/kafka-broker.properties as the image's KAFKA_* variables. */
    static KafkaBroker.Node startKafka() {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE).withEnv(BrokerSettings.containerEnvironment());
        kafka.start();
        return new KafkaBroker.Node() {
            @Override
            public String bootstrapServers() {
                return kafka.getBootstrapServers();
            }

            /** Paused, not stopped: a stopped container comes back on another port, and clients keep the first. */
            @Override
            public void stop() {
                kafka.getDockerClient().pauseContainerCmd(kafka.getContainerId()).exec();
            }

            @Override
            public void restart() {
                kafka.getDockerClient().unpauseContainerCmd(kafka.getContainerId()).exec();
            }

            @Override
            public void close() {
                kafka.stop();
            }
        };
    }

    /** PostgreSQL with the server settings of the embedded one ({@link TestDatabase#SERVER_CONFIG}). */
    static TestDatabase startPostgres() {
        List<String> command = new ArrayList<>(List.of("postgres"));
        TestDatabase.SERVER_CONFIG.forEach((name, value) -> command.addAll(List.of("-c", name + "=" + value)));
        PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES_IMAGE)
                .withDatabaseName("postgres").withUsername("postgres").withPassword("postgres");
        postgres.setCommand(command.toArray(String[]::new));
        postgres.start();
        Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop, "postgres-container-stop"));
        return new TestDatabase(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword(), () -> { });
    }
}
