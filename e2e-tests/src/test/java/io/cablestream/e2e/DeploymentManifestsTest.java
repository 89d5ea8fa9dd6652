package io.cablestream.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.cablestream.events.Topics;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * deploy/ checked offline: the compose file and every Kubernetes manifest parse, the kustomizations render, and every
 * image, port, probe path, topic, partition count and environment variable agrees with the services'
 * application.properties and with {@link Topics}.
 */
class DeploymentManifestsTest {

    static final Path ROOT = repoRoot();
    static final Path COMPOSE_DIR = ROOT.resolve("deploy/compose");
    static final Path K8S = ROOT.resolve("deploy/k8s");
    static final List<String> SERVICES = List.of("ingest-service", "parse-service", "store-service");
    /** deploy/k8s (KEDA), the HPA overlay, and the dev cluster with its own Kafka and PostgreSQL. */
    static final List<String> KUSTOMIZATIONS = List.of(".", "overlays/hpa", "dev-infra");
    static final String NAMESPACE = "cable-stream";
    /** cables.dead-letter is read only by replay, in order: one partition (README, Topics and partitions). */
    static final int DEAD_LETTER_PARTITIONS = 1;
    /** Variables read by the base image's run-java.sh, not by the services. */
    static final Set<String> RUN_JAVA_VARIABLES = Set.of("JAVA_OPTS_APPEND", "JAVA_APP_JAR", "JAVA_MAX_MEM_RATIO",
            "JAVA_DEBUG", "JAVA_DEBUG_PORT");
    static final Pattern TOPIC_CREATION = Pattern.compile(
            "kafka-topics\\.sh .*--create .*--topic (\\S+) --partitions (\\d+) --replication-factor (\\d+)((?: --config \\S+)*)");
    static final Pattern TOPIC_ALTER = Pattern.compile(
            "kafka-configs\\.sh .*--alter --entity-type topics --entity-name (\\S+) --add-config (\\S+)");
    static final Pattern SHELL_VARIABLE = Pattern.compile("\\$([A-Z_][A-Z0-9_]*)");

    static final Map<String, ServiceConfig> config = new LinkedHashMap<>();
    static final Map<String, Rendering> rendered = new LinkedHashMap<>();
    static ComposeFile compose;

    @BeforeAll
    static void load() throws Exception {
        for (String service : SERVICES) {
            config.put(service, ServiceConfig.load(ROOT, service));
        }
        compose = ComposeFile.load(COMPOSE_DIR.resolve("docker-compose.yml"));
        Optional<List<String>> tool = Kustomize.tool();
        for (String kustomization : KUSTOMIZATIONS) {
            Path dir = K8S.resolve(kustomization).normalize();
            rendered.put(kustomization, new Rendering(kustomization,
                    tool.isPresent() ? Kustomize.renderWithTool(tool.get(), dir) : Kustomize.renderOwn(dir)));
        }
        System.out.println("deploy/k8s rendered by " + tool.map(t -> String.join(" ", t))
                .orElse("this test's own reading of kustomization.yaml (neither kubectl nor kustomize is on PATH)"));
    }

    @Test
    void everyComposeAndKubernetesFileParses() throws IOException {
        assertThat(compose.root().path("services").size()).isEqualTo(6);
        Set<Path> yamlFiles;
        try (Stream<Path> files = Files.walk(K8S)) {
            yamlFiles = files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .map(Path::normalize).collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(yamlFiles).hasSizeGreaterThan(10);
        for (Path file : yamlFiles) {
            List<JsonNode> documents = Kustomize.readAll(Files.readString(file));
            assertThat(documents).as(file.toString()).isNotEmpty();
            for (JsonNode document : documents) {
                assertThat(document.path("apiVersion").asText()).as(file + " apiVersion").isNotEmpty();
                assertThat(document.path("kind").asText()).as(file + " kind").isNotEmpty();
                if (!file.endsWith("kustomization.yaml")) {
                    assertThat(document.path("metadata").path("name").asText()).as(file + " metadata.name").isNotEmpty();
                }
            }
        }
        Set<Path> reached = new HashSet<>();
        for (String kustomization : KUSTOMIZATIONS) {
            reached.addAll(Kustomize.filesOf(K8S.resolve(kustomization).normalize()));
        }
        assertThat(reached).as("files some kustomization reaches").containsAll(yamlFiles);
    }

    @Test
    void kubectlRendersWhatThisTestsOwnReadingRenders() throws Exception {
        Optional<List<String>> tool = Kustomize.tool();
        assumeTrue(tool.isPresent(), "neither kubectl nor kustomize is on PATH");
        for (String kustomization : KUSTOMIZATIONS) {
            Path dir = K8S.resolve(kustomization).normalize();
            assertThat(Kustomize.renderOwn(dir)).as(dir.toString())
                    .containsExactlyInAnyOrderElementsOf(Kustomize.renderWithTool(tool.get(), dir));
        }
    }

    @Test
    void everyRenderingHasTheThreeServicesInOneNamespace() {
        for (Rendering r : rendered.values()) {
            for (String service : SERVICES) {
                r.one("Deployment", service);
                r.one("Service", service);
            }
            r.one("Namespace", NAMESPACE);
            for (JsonNode object : r.objects()) {
                if (!object.path("kind").asText().equals("Namespace")) {
                    assertThat(object.path("metadata").path("namespace").asText()).as(r.kustomization() + " " + Rendering.id(object))
                            .isEqualTo(NAMESPACE);
                }
            }
            assertThat(r.objects().stream().map(Rendering::id)).as(r.kustomization()).doesNotHaveDuplicates();
        }
    }

    @Test
    void imagesAreTheServicesOwnBuiltFromTheirDockerfiles() throws Exception {
        String version = projectVersion();
        for (String service : SERVICES) {
            ServiceConfig c = config.get(service);
            assertThat(c.applicationName()).isEqualTo(service);
            assertThat(c.property("quarkus.package.jar.type", "fast-jar")).isEqualTo("fast-jar");
            String image = "cable-stream/" + c.applicationName() + ":" + version;

            JsonNode composeService = compose.service(service);
            assertThat(composeService.path("image").asText()).isEqualTo(image);
            assertThat(COMPOSE_DIR.resolve(composeService.path("build").path("context").asText()).normalize())
                    .isEqualTo(ROOT.resolve(service).normalize());
            assertThat(composeService.path("build").path("dockerfile").asText()).isEqualTo("src/main/docker/Dockerfile.jvm");

            String dockerfile = Files.readString(dockerfile(service));
            assertThat(dockerfile).containsPattern("(?m)^FROM registry\\.access\\.redhat\\.com/ubi9/openjdk-17-runtime:\\S+$");
            for (String layer : List.of("lib/ /deployments/lib/", "*.jar /deployments/", "app/ /deployments/app/",
                    "quarkus/ /deployments/quarkus/")) {
                assertThat(dockerfile).contains("COPY --chown=185 target/quarkus-app/" + layer);
            }
            assertThat(dockerfile).contains("ENV JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"")
                    .contains("ENTRYPOINT [ \"/opt/jboss/container/java/run/run-java.sh\" ]");

            for (Rendering r : rendered.values()) {
                assertThat(r.container(service).path("image").asText()).as(r.kustomization()).isEqualTo(image);
            }
        }
        String kafkaImage = "apache/kafka:" + AppInfoParser.getVersion();
        assertThat(compose.service("kafka").path("image").asText()).isEqualTo(kafkaImage);
        assertThat(compose.service("kafka-init").path("image").asText()).isEqualTo(kafkaImage);
        for (String container : List.of("kafka", "kafka-topics")) {
            assertThat(rendered.get("dev-infra").container(container).path("image").asText()).isEqualTo(kafkaImage);
        }
    }

    @Test
    void portsProbesAndMetricsMatchEachServicesHttpConfiguration() throws IOException {
        JsonNode parse = compose.service("parse-service");
        assertThat(parse.has("ports")).as("parse-service publishes no host port: it is scaled").isFalse();
        assertThat(parse.has("container_name")).as("parse-service has no fixed container name: it is scaled").isFalse();
        assertThat(parse.has("hostname")).isFalse();
        for (String service : SERVICES) {
            ServiceConfig c = config.get(service);
            String port = String.valueOf(c.httpPort());
            assertThat(Files.readString(dockerfile(service))).containsPattern("(?m)^EXPOSE " + port + "$");

            assertThat(compose.environment(service).getOrDefault("QUARKUS_HTTP_PORT", port)).isEqualTo(port);
            for (JsonNode published : compose.service(service).path("ports")) {
                assertThat(published.asText()).as(service).endsWith(":" + port);
            }
            assertThat(ComposeFile.text(compose.service(service).path("healthcheck").path("test"))).as(service)
                    .contains("/dev/tcp/127.0.0.1/" + port + " ").contains("GET " + c.readinessPath() + " ");

            for (Rendering r : rendered.values()) {
                String where = r.kustomization() + " " + service;
                JsonNode container = r.container(service);
                JsonNode http = container.path("ports").get(0);
                assertThat(http.path("name").asText()).as(where).isEqualTo("http");
                assertThat(http.path("containerPort").asInt()).as(where).isEqualTo(c.httpPort());
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    JsonNode get = container.path(probe).path("httpGet");
                    assertThat(get.path("port").asText()).as(where + " " + probe).isIn("http", port);
                    assertThat(get.path("path").asText()).as(where + " " + probe)
                            .isEqualTo(probe.equals("readinessProbe") ? c.readinessPath() : c.livenessPath());
                }
                JsonNode annotations = r.one("Deployment", service).path("spec").path("template").path("metadata").path("annotations");
                assertThat(annotations.path("prometheus.io/path").asText()).as(where).isEqualTo(c.metricsPath());
                assertThat(annotations.path("prometheus.io/port").asText()).as(where)
                        .isEqualTo(Integer.toString(c.metricsPort()));
                JsonNode servicePort = r.one("Service", service).path("spec").path("ports").get(0);
                assertThat(servicePort.path("targetPort").asText()).as(where).isIn("http", port);
            }
        }
    }

    @Test
    void composeGivesEachServiceTheEnvironmentItReads() {
        Map<String, String> kafka = compose.environment("kafka");
        Map<String, String> postgres = compose.environment("postgres");
        assertThat(postgres.get("POSTGRES_DB")).isEqualTo("cables");
        for (String service : SERVICES) {
            ServiceConfig c = config.get(service);
            Map<String, String> env = compose.environment(service);
            assertReadBy(c, env.keySet(), "compose " + service);
            assertThat(env.keySet()).as("compose " + service).containsAll(c.requiredVariables());
            assertThat(advertisedProtocol(kafka, env.get("KAFKA_BOOTSTRAP_SERVERS"))).as("compose " + service)
                    .isEqualTo(env.get("CABLES_KAFKA_SECURITY_PROTOCOL")).startsWith("SASL_");
            assertThat(env.get("CABLES_KAFKA_PASSWORD")).as("compose " + service)
                    .isEqualTo(ComposeFile.required("CABLES_KAFKA_" + env.get("CABLES_KAFKA_USER").toUpperCase() + "_PASSWORD"));
            if (env.containsKey("CABLES_DB_URL")) {
                assertThat(env.get("CABLES_DB_URL")).isEqualTo("jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"));
                // the migrations as the owner (the image's user), the service as the login the init script makes
                assertThat(env.get("CABLES_DB_MIGRATION_USER")).isEqualTo(postgres.get("POSTGRES_USER"));
                assertThat(env.get("CABLES_DB_MIGRATION_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
                assertThat(env.get("CABLES_DB_USER")).isEqualTo(postgres.get("CABLES_STORE_LOGIN")).isNotEqualTo(postgres.get("POSTGRES_USER"));
                assertThat(env.get("CABLES_DB_PASSWORD")).isEqualTo(postgres.get("CABLES_STORE_PASSWORD"));
                assertThat(compose.service("postgres").path("volumes").get(1).asText())
                        .isEqualTo("../postgres-store-login.sh:/docker-entrypoint-initdb.d/10-store-login.sh:ro");
            }
        }
    }

    @Test
    void kubernetesGivesEachServiceTheEnvironmentItReads() throws IOException {
        for (Rendering r : rendered.values()) {
            for (String service : SERVICES) {
                ServiceConfig c = config.get(service);
                Map<String, String> env = r.environment(r.container(service));
                assertReadBy(c, env.keySet(), r.kustomization() + " " + service);
                assertThat(env.keySet()).as(r.kustomization() + " " + service).containsAll(c.requiredVariables());
            }
            JsonNode data = r.one("ConfigMap", "cable-stream-config").path("data");
            assertThat(data.path("KAFKA_BOOTSTRAP_SERVERS").asText()).matches("[a-z0-9.-]+:\\d+(,[a-z0-9.-]+:\\d+)*");
            assertThat(data.path("CABLES_DB_URL").asText()).matches("jdbc:postgresql://[a-z0-9.-]+:\\d+/cables");
        }

        // dev-infra brings the broker and the database the ConfigMap names, with the Secret's credentials
        Rendering dev = rendered.get("dev-infra");
        Map<String, String> data = Rendering.data(dev.one("ConfigMap", "cable-stream-config"));
        String[] broker = data.get("KAFKA_BOOTSTRAP_SERVERS").split(":");
        assertThat(dev.servicePorts(broker[0])).contains(Integer.parseInt(broker[1]));
        assertThat(advertisedProtocol(dev.environment(dev.container("kafka")), data.get("KAFKA_BOOTSTRAP_SERVERS")))
                .isEqualTo(data.get("CABLES_KAFKA_SECURITY_PROTOCOL")).startsWith("SASL_");
        Matcher db = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/(\\w+)").matcher(data.get("CABLES_DB_URL"));
        assertThat(db.matches()).isTrue();
        assertThat(dev.servicePorts(db.group(1))).contains(Integer.parseInt(db.group(2)));
        Map<String, String> postgres = dev.environment(dev.container("postgres"));
        Map<String, String> store = dev.environment(dev.container("store-service"));
        assertThat(postgres.get("POSTGRES_DB")).isEqualTo(db.group(3));
        assertThat(postgres.get("POSTGRES_USER")).isEqualTo(store.get("CABLES_DB_MIGRATION_USER"));
        assertThat(postgres.get("POSTGRES_PASSWORD")).isEqualTo(store.get("CABLES_DB_MIGRATION_PASSWORD"));
        assertThat(postgres.get("CABLES_STORE_LOGIN")).isEqualTo(store.get("CABLES_DB_USER"));
        assertThat(postgres.get("CABLES_STORE_PASSWORD")).isEqualTo(store.get("CABLES_DB_PASSWORD"));
        assertThat(Rendering.data(dev.one("ConfigMap", "cable-stream-postgres-init")).get("10-store-login.sh"))
                .as("dev-infra's copy of deploy/postgres-store-login.sh")
                .isEqualTo(Files.readString(ROOT.resolve("deploy/postgres-store-login.sh")));
    }

    /**
     * The services' Kafka principals: each service its own, one that deploy/kafka-acls.txt grants something, with
     * its password from the environment (a required variable of compose, the Secret cable-stream-kafka in Kubernetes);
     * compose's kafka-init and the Kubernetes Job read that very file.
     */
    @Test
    void eachServiceIsItsOwnKafkaPrincipalWithTheAclsOfDeployKafkaAcls() throws IOException {
        Path acls = ROOT.resolve("deploy/kafka-acls.txt");
        Set<String> principals = Files.readAllLines(acls).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).map(line -> line.split("\\s+")[0])
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> composeUsers = new TreeSet<>();
        for (String service : SERVICES) {
            composeUsers.add(compose.environment(service).get("CABLES_KAFKA_USER"));
        }
        assertThat(composeUsers).as("compose: one principal per service").isEqualTo(principals);
        assertThat(compose.service("kafka-init").path("volumes").get(0).asText())
                .isEqualTo("../kafka-acls.txt:/etc/cable-stream/kafka-acls.txt:ro");
        for (Rendering r : rendered.values()) {
            Set<String> users = new TreeSet<>();
            for (String service : SERVICES) {
                Map<String, String> env = r.environment(r.container(service));
                users.add(env.get("CABLES_KAFKA_USER"));
                assertThat(env.get("CABLES_KAFKA_PASSWORD")).as(r.kustomization() + " " + service).isEqualTo(
                        Rendering.secretReference("cable-stream-kafka", env.get("CABLES_KAFKA_USER").toUpperCase() + "_PASSWORD"));
            }
            assertThat(users).as(r.kustomization() + ": one principal per service").isEqualTo(principals);
            assertThat(Rendering.data(r.one("ConfigMap", "cable-stream-kafka-acls")).get("kafka-acls.txt"))
                    .as(r.kustomization() + ": the ConfigMap's copy of deploy/kafka-acls.txt").isEqualTo(Files.readString(acls));
        }
    }

    /** Passwords come from the environment: no rendering holds a Secret, and create-secrets.sh makes each one read. */
    @Test
    void noSecretIsInTheManifestsAndCreateSecretsMakesEveryOneTheyRead() throws IOException {
        String createSecrets = Files.readString(K8S.resolve("create-secrets.sh"));
        Pattern reference = Pattern.compile("<secret (\\S+) (\\S+)>");
        for (Rendering r : rendered.values()) {
            assertThat(r.objects()).as(r.kustomization()).noneMatch(o -> o.path("kind").asText().equals("Secret"));
            for (JsonNode object : r.objects()) {
                for (JsonNode container : object.path("spec").path("template").path("spec").path("containers")) {
                    for (String value : r.environment(container).values()) {
                        Matcher m = reference.matcher(value);
                        if (m.matches()) {
                            assertThat(createSecrets).as(r.kustomization() + " reads " + value)
                                    .contains("create secret generic " + m.group(1)).contains(m.group(2) + "=");
                        }
                    }
                }
            }
        }
        compose.root().path("services").fields().forEachRemaining(service -> compose.environment(service.getKey())
                .forEach((name, value) -> {
                    if (name.endsWith("PASSWORD")) {
                        assertThat(value).as("compose " + service.getKey() + " " + name).startsWith("<required ");
                    }
                }));
    }

    /** The protocol of the broker's listener that advertises {@code address} (KAFKA_* of the apache/kafka image). */
    static String advertisedProtocol(Map<String, String> kafka, String address) {
        for (String listener : kafka.get("KAFKA_ADVERTISED_LISTENERS").split(",")) {
            if (listener.endsWith("://" + address)) {
                String name = listener.substring(0, listener.indexOf("://"));
                for (String mapping : kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(",")) {
                    if (mapping.startsWith(name + ":")) {
                        return mapping.substring(name.length() + 1);
                    }
                }
            }
        }
        throw new AssertionError("no listener advertises " + address + ": " + kafka);
    }

    @Test
    void topicsAndPartitionsAreThoseOfTopics() {
        Map<String, Integer> expected = Map.of(Topics.RAW, Topics.DEFAULT_PARTITIONS, Topics.PARSED, Topics.DEFAULT_PARTITIONS,
                Topics.DEAD_LETTER, DEAD_LETTER_PARTITIONS);
        Map<String, String> composeInit = composeInitEnvironment();
        assertThat(partitions(createdTopics(ComposeFile.text(compose.service("kafka-init").path("command")), composeInit)))
                .as("compose kafka-init").isEqualTo(expected);
        for (Rendering r : rendered.values()) {
            JsonNode job = r.container("kafka-topics");
            assertThat(partitions(createdTopics(ComposeFile.text(job.path("args")), r.environment(job))))
                    .as(r.kustomization() + " Job kafka-topics").isEqualTo(expected);
        }

        Set<String> used = new TreeSet<>();
        config.values().forEach(c -> used.addAll(c.topics()));
        assertThat(used).as("topics the services' channels name").containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(compose.environment("kafka").get("KAFKA_AUTO_CREATE_TOPICS_ENABLE")).isEqualTo("false");
        assertThat(rendered.get("dev-infra").environment(rendered.get("dev-infra").container("kafka"))
                .get("KAFKA_AUTO_CREATE_TOPICS_ENABLE")).isEqualTo("false");
    }

    /**
     * The design's topic settings (deploy/README.md): every topic kept for ever, room for any cable ingest accepts
     * (raw 2 MiB) and its parsed event or dead letter (8 MiB), three replicas with two in sync on a cluster of three
     * brokers and one of each on one broker (compose and dev-infra run one); set on topics that exist as well.
     */
    @Test
    void topicsAreCreatedAndKeptWithTheDesignsRetentionSizesAndReplication() throws IOException {
        Map<String, Map<String, String>> design = Map.of(
                Topics.RAW, Map.of("retention.ms", "-1", "max.message.bytes", "2097152"),
                Topics.PARSED, Map.of("retention.ms", "-1", "max.message.bytes", "8388608"),
                Topics.DEAD_LETTER, Map.of("retention.ms", "-1", "max.message.bytes", "8388608"));
        assertTopics(createdTopics(ComposeFile.text(compose.service("kafka-init").path("command")), composeInitEnvironment()),
                design, 1, 1, "compose kafka-init");
        assertThat(compose.root().path("services").has("kafka-2")).as("compose runs one broker").isFalse();

        Map<String, String> topicsEnv = envFile(ROOT.resolve("deploy/topics.env"));
        for (Rendering r : rendered.values()) {
            // kustomize reads no file outside deploy/k8s: base/topics.yaml holds a copy of deploy/topics.env
            Map<String, String> copy = Rendering.data(r.one("ConfigMap", "cable-stream-topics"));
            Map<String, String> perTopic = new TreeMap<>(topicsEnv);
            perTopic.keySet().removeIf(key -> key.startsWith("CABLES_TOPIC_"));
            assertThat(copy).as(r.kustomization() + " ConfigMap cable-stream-topics = deploy/topics.env").isEqualTo(perTopic);

            JsonNode job = r.container("kafka-topics");
            boolean oneBroker = r.kustomization().equals("dev-infra");
            if (oneBroker) {
                assertThat(r.one("StatefulSet", "kafka").path("spec").path("replicas").asInt()).isEqualTo(1);
            }
            assertTopics(createdTopics(ComposeFile.text(job.path("args")), r.environment(job)), design,
                    oneBroker ? 1 : 3, oneBroker ? 1 : 2, r.kustomization() + " Job kafka-topics");
        }
    }

    static void assertTopics(Map<String, CreatedTopic> created, Map<String, Map<String, String>> design,
                             int replicationFactor, int minInsyncReplicas, String where) {
        assertThat(created.keySet()).as(where).isEqualTo(design.keySet());
        created.forEach((topic, settings) -> {
            Map<String, String> wanted = new TreeMap<>(design.get(topic));
            wanted.put("min.insync.replicas", String.valueOf(minInsyncReplicas));
            assertThat(settings.replicationFactor()).as(where + " " + topic + " replication factor").isEqualTo(replicationFactor);
            assertThat(settings.configs()).as(where + " " + topic + " created with").isEqualTo(wanted);
            assertThat(settings.altered()).as(where + " " + topic + " set on an existing topic").isEqualTo(wanted);
        });
    }

    /** kafka-init's environment: its env_file (deploy/topics.env) and then its own environment. */
    static Map<String, String> composeInitEnvironment() {
        JsonNode envFiles = compose.service("kafka-init").path("env_file");
        assertThat(envFiles).as("kafka-init env_file").hasSize(1);
        Path envFile = COMPOSE_DIR.resolve(envFiles.get(0).asText()).normalize();
        assertThat(envFile).isEqualTo(ROOT.resolve("deploy/topics.env"));
        Map<String, String> env = new TreeMap<>(envFile(envFile));
        env.putAll(compose.environment("kafka-init"));
        return env;
    }

    static Map<String, String> envFile(Path file) {
        try {
            Map<String, String> env = new TreeMap<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
                }
            }
            return env;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Map<String, Integer> partitions(Map<String, CreatedTopic> topics) {
        Map<String, Integer> partitions = new TreeMap<>();
        topics.forEach((name, topic) -> partitions.put(name, topic.partitions()));
        return partitions;
    }

    @Test
    void parseServiceScalesOnLagUpToThePartitionCount() {
        Rendering keda = rendered.get(".");
        assertThat(keda.all("HorizontalPodAutoscaler")).isEmpty();
        JsonNode scaledObject = keda.one("ScaledObject", "parse-service").path("spec");
        assertThat(scaledObject.path("scaleTargetRef").path("name").asText()).isEqualTo("parse-service");
        assertThat(scaledObject.path("maxReplicaCount").asInt()).isEqualTo(Topics.DEFAULT_PARTITIONS);
        assertThat(scaledObject.path("minReplicaCount").asInt()).isBetween(1, Topics.DEFAULT_PARTITIONS);
        assertThat(scaledObject.path("triggers")).hasSize(1);
        JsonNode trigger = scaledObject.path("triggers").get(0);
        assertThat(trigger.path("type").asText()).isEqualTo("kafka");
        JsonNode metadata = trigger.path("metadata");
        assertThat(metadata.path("topic").asText()).isEqualTo(Topics.RAW);
        assertThat(metadata.path("consumerGroup").asText())
                .isEqualTo(config.get("parse-service").consumerGroupOf(Topics.RAW).orElseThrow());
        assertThat(Integer.parseInt(metadata.path("lagThreshold").asText())).isPositive();
        assertThat(keda.environment(keda.container("parse-service"))).containsKey(metadata.path("bootstrapServersFromEnv").asText());

        for (String kustomization : List.of("overlays/hpa", "dev-infra")) {
            Rendering r = rendered.get(kustomization);
            assertThat(r.all("ScaledObject")).as(kustomization).isEmpty();
            JsonNode hpa = r.one("HorizontalPodAutoscaler", "parse-service").path("spec");
            assertThat(hpa.path("scaleTargetRef").path("name").asText()).isEqualTo("parse-service");
            assertThat(hpa.path("maxReplicas").asInt()).as(kustomization).isEqualTo(Topics.DEFAULT_PARTITIONS);
            assertThat(hpa.path("minReplicas").asInt()).as(kustomization).isBetween(1, Topics.DEFAULT_PARTITIONS);
            assertThat(hpa.path("metrics").get(0).path("resource").path("name").asText()).isEqualTo("cpu");
        }
        for (Rendering r : rendered.values()) {
            assertThat(r.one("Deployment", "parse-service").path("spec").has("replicas"))
                    .as(r.kustomization() + ": the autoscaler owns parse-service's replicas").isFalse();
        }
    }

    @Test
    void heapFitsTheMemoryLimitOfEveryJvm() throws IOException {
        for (String service : SERVICES) {
            Matcher image = Pattern.compile("ENV JAVA_OPTS_APPEND=\"([^\"]*)\"").matcher(Files.readString(dockerfile(service)));
            assertThat(image.find()).as(service + " Dockerfile JAVA_OPTS_APPEND").isTrue();
            String imageOptions = image.group(1);
            long heap = heap(imageOptions);
            JsonNode composeLimits = compose.service(service).path("deploy").path("resources").path("limits");
            assertHeapFits(heap, bytes(composeLimits.path("memory").asText()), "compose " + service);
            for (Rendering r : rendered.values()) {
                String where = r.kustomization() + " " + service;
                JsonNode container = r.container(service);
                // the Deployment's JAVA_OPTS_APPEND replaces the image's: it must keep all of it
                assertThat(r.environment(container).get("JAVA_OPTS_APPEND").split(" ")).as(where)
                        .containsExactlyInAnyOrder(imageOptions.split(" "));
                JsonNode resources = container.path("resources");
                long limit = bytes(resources.path("limits").path("memory").asText());
                assertThat(bytes(resources.path("requests").path("memory").asText())).as(where).isLessThanOrEqualTo(limit);
                assertHeapFits(heap, limit, where);
            }
        }
        assertHeapFits(heap(compose.environment("kafka").get("KAFKA_HEAP_OPTS")),
                bytes(compose.service("kafka").path("deploy").path("resources").path("limits").path("memory").asText()), "compose kafka");
        assertThat(heap(compose.environment("kafka-init").get("KAFKA_HEAP_OPTS"))).isPositive();
        Rendering dev = rendered.get("dev-infra");
        JsonNode kafka = dev.container("kafka");
        assertHeapFits(heap(dev.environment(kafka).get("KAFKA_HEAP_OPTS")),
                bytes(kafka.path("resources").path("limits").path("memory").asText()), "dev-infra kafka");
        assertThat(heap(dev.environment(dev.container("kafka-topics")).get("KAFKA_HEAP_OPTS"))).isPositive();
    }

    @Test
    void budgetsServicesAndSelectorsFindTheirPods() {
        for (Rendering r : rendered.values()) {
            for (JsonNode workload : r.workloads()) {
                if (workload.path("spec").has("selector")) {
                    assertThat(Rendering.podLabels(workload)).as(r.kustomization() + " " + Rendering.id(workload))
                            .containsAllEntriesOf(Rendering.labels(workload.path("spec").path("selector").path("matchLabels")));
                }
            }
            for (String service : SERVICES) {
                Map<String, String> pods = Rendering.podLabels(r.one("Deployment", service));
                List<JsonNode> budgets = r.all("PodDisruptionBudget").stream()
                        .filter(pdb -> selects(pdb.path("spec").path("selector").path("matchLabels"), pods)).toList();
                assertThat(budgets).as(r.kustomization() + " PodDisruptionBudget of " + service).hasSize(1);
                JsonNode spec = budgets.get(0).path("spec");
                assertThat(spec.has("maxUnavailable") || spec.has("minAvailable")).isTrue();
            }
            for (JsonNode service : r.all("Service")) {
                JsonNode selector = service.path("spec").path("selector");
                assertThat(selector.size()).as(r.kustomization() + " " + Rendering.id(service)).isPositive();
                assertThat(r.workloads().stream().anyMatch(w -> selects(selector, Rendering.podLabels(w))))
                        .as(r.kustomization() + " " + Rendering.id(service) + " selects pods").isTrue();
            }
        }
    }

    @Test
    void composeStartsEachServiceAfterWhatItNeeds() {
        assertThat(compose.service("kafka-init").path("depends_on").path("kafka").path("condition").asText()).isEqualTo("service_healthy");
        for (String service : SERVICES) {
            JsonNode dependsOn = compose.service(service).path("depends_on");
            assertThat(dependsOn.path("kafka-init").path("condition").asText()).as(service).isEqualTo("service_completed_successfully");
        }
        assertThat(compose.service("store-service").path("depends_on").path("postgres").path("condition").asText())
                .isEqualTo("service_healthy");
        for (String service : List.of("kafka", "postgres", "ingest-service", "parse-service", "store-service")) {
            assertThat(compose.service(service).path("healthcheck").has("test")).as(service).isTrue();
        }
    }

    @Test
    void composeVariablesHaveTheirDefaultsInEnvExample() throws IOException {
        Map<String, String> example = new TreeMap<>();
        for (String line : Files.readAllLines(COMPOSE_DIR.resolve(".env.example"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                example.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        // read by Compose itself, not by the file
        example.keySet().removeIf(name -> name.startsWith("COMPOSE_"));
        assertThat(example).isEqualTo(compose.variableDefaults());
    }

    @Test
    void dockerComposeAcceptsTheComposeFile() throws Exception {
        List<String> command = succeeds(List.of("docker", "compose", "version")) ? List.of("docker", "compose")
                : succeeds(List.of("docker-compose", "version")) ? List.of("docker-compose") : List.of();
        assumeTrue(!command.isEmpty(), "neither `docker compose` nor docker-compose is installed");
        List<String> config = new ArrayList<>(command);
        config.addAll(List.of("-f", COMPOSE_DIR.resolve("docker-compose.yml").toString(), "config", "-q"));
        ProcessBuilder builder = new ProcessBuilder(config).redirectErrorStream(true);
        // the passwords a .env would hold: compose refuses the file without them
        ComposeFile.requiredVariables(Files.readString(COMPOSE_DIR.resolve("docker-compose.yml")))
                .forEach(variable -> builder.environment().put(variable, "only-for-this-check"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    /** A topic as a script creates it (kafka-topics.sh --create) and sets it when it exists (kafka-configs.sh --alter). */
    record CreatedTopic(int partitions, int replicationFactor, Map<String, String> configs, Map<String, String> altered) {
    }

    /**
     * The topics a creation script makes, the {@code $VARIABLES} of its topic commands taken from {@code env} (each
     * must be there); the script's other lines (principals, ACLs) are not about topics.
     */
    static Map<String, CreatedTopic> createdTopics(String script, Map<String, String> env) {
        String topicCommands = script.lines()
                .filter(line -> line.contains("kafka-topics.sh") || line.contains("--entity-type topics"))
                .collect(Collectors.joining("\n"));
        Matcher variable = SHELL_VARIABLE.matcher(topicCommands);
        StringBuilder resolved = new StringBuilder();
        while (variable.find()) {
            String value = env.get(variable.group(1));
            assertThat(value).as("$" + variable.group(1) + " in the topic script is set").isNotNull();
            variable.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        variable.appendTail(resolved);
        Map<String, Map<String, String>> altered = new TreeMap<>();
        Matcher alter = TOPIC_ALTER.matcher(resolved);
        while (alter.find()) {
            altered.put(alter.group(1), keyValues(List.of(alter.group(2).split(","))));
        }
        Map<String, CreatedTopic> topics = new TreeMap<>();
        Matcher create = TOPIC_CREATION.matcher(resolved);
        while (create.find()) {
            List<String> configs = Stream.of(create.group(4).trim().split("\\s+")).filter(c -> !c.equals("--config")
                    && !c.isEmpty()).toList();
            topics.put(create.group(1), new CreatedTopic(Integer.parseInt(create.group(2)), Integer.parseInt(create.group(3)),
                    keyValues(configs), altered.getOrDefault(create.group(1), Map.of())));
        }
        return topics;
    }

    static Map<String, String> keyValues(List<String> pairs) {
        Map<String, String> map = new TreeMap<>();
        pairs.forEach(pair -> map.put(pair.split("=", 2)[0], pair.split("=", 2)[1]));
        return map;
    }

    static boolean selects(JsonNode selector, Map<String, String> podLabels) {
        return podLabels.entrySet().containsAll(Rendering.labels(selector).entrySet());
    }

    static void assertReadBy(ServiceConfig c, Set<String> variables, String where) {
        for (String variable : variables) {
            assertThat(RUN_JAVA_VARIABLES.contains(variable) || c.reads(variable))
                    .as(where + ": " + variable + " is read by no property of " + c.module() + "'s application.properties")
                    .isTrue();
        }
    }

    static void assertHeapFits(long heap, long limit, String where) {
        // at most 60% of the limit (metaspace, thread stacks, direct buffers need the rest) and at least a quarter
        assertThat(heap).as(where + ": -Xmx against the memory limit " + limit).isBetween(limit / 4, limit * 6 / 10);
    }

    static long heap(String jvmOptions) {
        Matcher m = Pattern.compile("-Xmx(\\S+)").matcher(jvmOptions);
        assertThat(m.find()).as("-Xmx in " + jvmOptions).isTrue();
        return bytes(m.group(1));
    }

    /** 512Mi, 1Gi (Kubernetes), 512M, 1G (compose, binary units), 256m (JVM) in bytes. */
    static long bytes(String quantity) {
        Matcher m = Pattern.compile("(\\d+)([KkMmGg]i?)?").matcher(quantity.trim());
        assertThat(m.matches()).as("memory quantity " + quantity).isTrue();
        long value = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2).substring(0, 1).toUpperCase();
        return value * switch (unit) {
            case "K" -> 1024L;
            case "M" -> 1024L * 1024;
            case "G" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
    }

    static Path dockerfile(String service) {
        return ROOT.resolve(service).resolve("src/main/docker/Dockerfile.jvm");
    }

    static String projectVersion() throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ROOT.resolve("pom.xml").toFile())
                .getDocumentElement();
        for (Node child = project.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && e.getTagName().equals("version")) {
                return e.getTextContent().trim();
            }
        }
        throw new AssertionError("pom.xml has no version");
    }

    static boolean succeeds(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** -Dcables.repo.root when given (failsafe sets it), else the first directory up from here with pom.xml and deploy/. */
    static Path repoRoot() {
        String configured = System.getProperty("cables.repo.root");
        Path dir = Path.of(configured != null ? configured : "").toAbsolutePath().normalize();
        while (dir != null && !(Files.isDirectory(dir.resolve("deploy")) && Files.isRegularFile(dir.resolve("pom.xml"))
                && Files.isDirectory(dir.resolve("cable-events")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new AssertionError("no repository root above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
