package io.cablestream.e2e;

import io.cablestream.events.Topics;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The broker that {@code bin/cables up} starts (deploy/kafka.sh: SASL/SCRAM-SHA-512, KRaft's standard authorizer,
 * the ACLs of deploy/kafka-acls.txt), on its own ports and directory, tried as each service's principal: what the
 * issue grants works, everything else is refused by the broker; a wrong password and a client without
 * authentication get nothing.
 */
class LocalBrokerAccessIT {

    static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    @TempDir
    static Path local;
    static Path root;
    static Map<String, String> environment;
    static String bootstrap;

    @BeforeAll
    static void startTheLocalBroker() throws Exception {
        root = Path.of(System.getProperty("cables.repo.root", "..")).toAbsolutePath().normalize();
        int port = freePort();
        bootstrap = "127.0.0.1:" + port;
        environment = Map.of("CABLES_LOCAL_DIR", local.toString(), "CABLES_KAFKA_PORT", String.valueOf(port),
                "CABLES_KAFKA_CONTROLLER_PORT", String.valueOf(freePort()));
        kafkaSh("start");
        // one record on each topic, written by the super user, for the reads below
        try (KafkaProducer<String, String> admin = producer("admin", password("admin"))) {
            for (String topic : List.of(Topics.RAW, Topics.PARSED, Topics.DEAD_LETTER)) {
                admin.send(new ProducerRecord<>(topic, "k", "written by admin")).get(30, TimeUnit.SECONDS);
            }
        }
    }

    @AfterAll
    static void stopIt() throws Exception {
        kafkaSh("stop");
    }

    /** Each principal on each topic: may it write, may it read (assigned partitions, no consumer group)? */
    @ParameterizedTest(name = "{0} on {1}: write {2}, read {3}")
    @CsvSource({
            "ingest, cables.raw,         true,  true",   // reads its own topic's keys for the duplicate index
            "ingest, cables.parsed,      false, false",
            "ingest, cables.dead-letter, false, false",
            "parse,  cables.raw,         false, true",
            "parse,  cables.parsed,      true,  false",
            "parse,  cables.dead-letter, true,  true",   // its replay endpoint re-drives the dead letters
            "store,  cables.raw,         false, false",
            "store,  cables.parsed,      false, true",   // the store cannot forge the events it stores
            "store,  cables.dead-letter, true,  true",
    })
    void eachServiceMayDoOnlyWhatItsAclsGrant(String user, String topic, boolean write, boolean read) throws Exception {
        assertThat(writes(user, topic)).as("%s may write %s", user, topic).isEqualTo(write);
        assertThat(reads(user, topic)).as("%s may read %s", user, topic).isEqualTo(read);
    }

    @Test
    void aConsumerGroupIsTheServicesOwnOnly() {
        Map<String, Object> config = consumerConfig("parse", password("parse"));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "store-service");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(Topics.RAW));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(15))).isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        try (KafkaProducer<String, String> producer = producer("ingest", "not-" + password("ingest"))) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.RAW, "k", "v")).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void aClientWithoutCredentialsGetsNothing() {
        try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000, CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 4000))) {
            assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
        }
    }

    @Test
    void thePasswordsAreTheOwnersAloneAndInNoLog() throws IOException {
        for (String user : List.of("admin", "ingest", "parse", "store")) {
            Path file = local.resolve("kafka/credentials/" + user + ".password");
            assertThat(Files.getPosixFilePermissions(file)).as(file.toString()).isEqualTo(OWNER_ONLY);
            assertThat(Files.readString(local.resolve("kafka/kafka.log"))).doesNotContain(password(user));
        }
        assertThat(Files.getPosixFilePermissions(local.resolve("kafka/server.properties")))
                .as("the broker's settings hold the admin password").isEqualTo(OWNER_ONLY);
    }

    private static boolean writes(String user, String topic) throws Exception {
        try (KafkaProducer<String, String> producer = producer(user, password(user))) {
            producer.send(new ProducerRecord<>(topic, "k", "written by " + user)).get(30, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(TopicAuthorizationException.class);
            return false;
        }
    }

    private static boolean reads(String user, String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(user, password(user)))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline)) {
                if (!consumer.poll(Duration.ofMillis(500)).isEmpty()) {
                    return true;
                }
            }
            throw new AssertionError(user + " was neither refused nor given a record of " + topic);
        } catch (TopicAuthorizationException e) {
            return false;
        }
    }

    private static KafkaProducer<String, String> producer(String user, String password) {
        Map<String, Object> config = clientConfig(user, password);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        // a plain producer: the idempotent one's cluster-level permission is not what is tried here
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        return new KafkaProducer<>(config);
    }

    private static Map<String, Object> consumerConfig(String user, String password) {
        Map<String, Object> config = clientConfig(user, password);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return config;
    }

    /** As the services authenticate (their application.properties with bin/cables up's CABLES_KAFKA_*). */
    private static Map<String, Object> clientConfig(String user, String password) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        config.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"" + user + "\" password=\"" + password + "\";");
        return config;
    }

    private static String password(String user) {
        try {
            return Files.readString(local.resolve("kafka/credentials/" + user + ".password")).strip();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void kafkaSh(String command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("deploy/kafka.sh").toString(), command)
                .redirectErrorStream(true).redirectOutput(local.resolve("kafka-sh-" + command + ".log").toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("deploy/kafka.sh " + command + " did not finish in 180 s");
        }
        assertThat(process.exitValue()).as("deploy/kafka.sh %s:%n%s", command,
                Files.readString(local.resolve("kafka-sh-" + command + ".log"))).isZero();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
