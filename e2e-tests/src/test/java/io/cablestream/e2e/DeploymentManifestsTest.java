package io.cablestream.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cablestream.events.Topics;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import javax.xml.parsers.DocumentBuilderFactory;
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
    static final Pattern COMPOSE_VARIABLE = Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}");
    static final Pattern TOPIC_CREATION = Pattern.compile(
            "kafka-topics\\.sh .*--create .*--topic (\\S+) --partitions (\\d+) --replication-factor (\\d+)");
    static final ObjectMapper JSON = new ObjectMapper();

    static Map<String, ServiceConfig> config = new LinkedHashMap<>();
    static Map<String, List<JsonNode>> rendered = new LinkedHashMap<>();
    static JsonNode compose;

    @BeforeAll
    static void load() throws Exception {
        for (String service : SERVICES) {
            config.put(service, ServiceConfig.load(ROOT, service));
        }
        compose = JSON.valueToTree(new Yaml(new SafeConstructor(new LoaderOptions())).load(interpolatedCompose()));
        Optional<List<String>> tool = Kustomize.tool();
        for (String kustomization : KUSTOMIZATIONS) {
            Path dir = K8S.resolve(kustomization).normalize();
            rendered.put(kustomization, tool.isPresent() ? Kustomize.renderWithTool(tool.get(), dir) : Kustomize.renderOwn(dir));
        }
        System.out.println("deploy/k8s rendered by " + tool.map(t -> String.join(" ", t))
                .orElse("this test's own reading of kustomization.yaml (neither kubectl nor kustomize is on PATH)"));
    }

    @Test
    void everyComposeAndKubernetesFileParses() throws IOException {
        assertThat(compose.path("services").size()).isEqualTo(6);
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
    void everyRenderHasTheThreeServicesInOneNamespace() {
        rendered.forEach((kustomization, objects) -> {
            for (String service : SERVICES) {
                assertThat(objects(objects, "Deployment", service)).as(kustomization + " Deployment " + service).hasSize(1);
                assertThat(objects(objects, "Service", service)).as(kustomization + " Service " + service).hasSize(1);
            }
            assertThat(objects(objects, "Namespace", NAMESPACE)).hasSize(1);
            for (JsonNode object : objects) {
                if (!object.path("kind").asText().equals("Namespace")) {
                    assertThat(object.path("metadata").path("namespace").asText()).as(kustomization + " " + id(object))
                            .isEqualTo(NAMESPACE);
                }
            }
            assertThat(objects.stream().map(DeploymentManifestsTest::id)).as(kustomization).doesNotHaveDuplicates();
        });
    }

    @Test
    void imagesAreTheServicesOwnBuiltFromTheirDockerfiles() throws Exception {
        String version = projectVersion();
        for (String service : SERVICES) {
            ServiceConfig c = config.get(service);
            assertThat(c.applicationName()).isEqualTo(service);
            assertThat(c.property("quarkus.package.jar.type", "fast-jar")).isEqualTo("fast-jar");
            String image = "cable-stream/" + c.applicationName() + ":" + version;

            JsonNode composeService = compose.path("services").path(service);
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

            rendered.forEach((kustomization, objects) ->
                    assertThat(container(objects, service).path("image").asText()).as(kustomization).isEqualTo(image));
        }
        String kafkaImage = "apache/kafka:" + AppInfoParser.getVersion();
        assertThat(compose.path("services").path("kafka").path("image").asText()).isEqualTo(kafkaImage);
        assertThat(compose.path("services").path("kafka-init").path("image").asText()).isEqualTo(kafkaImage);
        for (JsonNode c : containers(rendered.get("dev-infra"))) {
            if (c.path("name").asText().startsWith("kafka")) {
                assertThat(c.path("image").asText()).as(c.path("name").asText()).isEqualTo(kafkaImage);
            }
        }
    }

    @Test
    void portsProbesAndMetricsMatchEachServicesHttpConfiguration() throws IOException {
        for (String service : SERVICES) {
            ServiceConfig c = config.get(service);
            String port = String.valueOf(c.httpPort());
            assertThat(Files.readString(dockerfile(service))).containsPattern("(?m)^EXPOSE " + port + "$");

            JsonNode composeService = compose.path("services").path(service);
            assertThat(environment(composeService).getOrDefault("QUARKUS_HTTP_PORT", port)).isEqualTo(port);
            for (JsonNode published : composeService.path("ports")) {
                assertThat(published.asText()).as(service).endsWith(":" + port);
            }
            String healthcheck = text(composeService.path("healthcheck").path("test"));
            assertThat(healthcheck).as(service).contains("/dev/tcp/127.0.0.1/" + port + " ")
                    .contains("GET " + c.readinessPath() + " ");

            rendered.forEach((kustomization, objects) -> {
                String where = kustomization + " " + service;
                JsonNode container = container(objects, service);
                JsonNode http = container.path("ports").get(0);
                assertThat(http.path("name").asText()).as(where).isEqualTo("http");
                assertThat(http.path("containerPort").asInt()).as(where).isEqualTo(c.httpPort());
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    JsonNode get = container.path(probe).path("httpGet");
                    assertThat(get.path("port").asText()).as(where + " " + probe).isIn("http", port);
                    assertThat(get.path("path").asText()).as(where + " " + probe)
                            .isEqualTo(probe.equals("readinessProbe") ? c.readinessPath() : c.livenessPath());
                }
                JsonNode annotations = one(objects, "Deployment", service).path("spec").path("template").path("metadata")
                        .path("annotations");
                assertThat(annotations.path("prometheus.io/path").asText()).as(where).isEqualTo(c.metricsPath());
                assertThat(annotations.path("prometheus.io/port").asText()).as(where).isEqualTo(port);
                JsonNode servicePort = one(objects, "Service", service).path("spec").path("ports").get(0);
                assertThat(servicePort.path("targetPort").asText()).as(where).isIn("http", port);
            });
        }
        JsonNode parse = compose.path("services").path("parse-service");
        assertThat(parse.has("ports")).as("parse-service publishes no host port: it is scaled").isFalse();
        assertThat(parse.has("container_name")).as("parse-service has no fixed container name: it is scaled").isFalse();
        assertThat(parse.has("hostname")).isFalse();
    }

    @Test
    void environmentIsWhatTheServicesRead() {
        JsonNode services = compose.path("services");
        Map<String, String> kafka = environment(services.path("kafka"));
        Map<String, String> postgres = environment(services.path("postgres"));
        for (String service : SERVICES) {
            ServiceConfig c = config.get(service);
            Map<String, String> env = environment(services.path(service));
            assertReadBy(c, env.keySet(), "compose " + service);
            assertThat(env.keySet()).as("compose " + service).containsAll(c.requiredVariables());
            assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS")).contains("PLAINTEXT://" + env.get("KAFKA_BOOTSTRAP_SERVERS"));
            if (env.containsKey("CABLES_DB_URL")) {
                assertThat(env.get("CABLES_DB_URL")).isEqualTo("jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"));
                assertThat(env.get("CABLES_DB_USER")).isEqualTo(postgres.get("POSTGRES_USER"));
                assertThat(env.get("CABLES_DB_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
            }
        }
        assertThat(postgres.get("POSTGRES_DB")).isEqualTo("cables");

        rendered.forEach((kustomization, objects) -> {
            for (String service : SERVICES) {
                ServiceConfig c = config.get(service);
                Map<String, String> env = kubernetesEnvironment(objects, container(objects, service));
                assertReadBy(c, env.keySet(), kustomization + " " + service);
                assertThat(env.keySet()).as(kustomization + " " + service).containsAll(c.requiredVariables());
            }
            JsonNode configMap = one(objects, "ConfigMap", "cable-stream-config").path("data");
            assertThat(configMap.path("KAFKA_BOOTSTRAP_SERVERS").asText()).matches("[a-z0-9.-]+:\\d+(,[a-z0-9.-]+:\\d+)*");
            assertThat(configMap.path("CABLES_DB_URL").asText()).matches("jdbc:postgresql://[a-z0-9.-]+:\\d+/cables");
        });

        // dev-infra brings the broker and the database the ConfigMap names
        List<JsonNode> dev = rendered.get("dev-infra");
        JsonNode data = one(dev, "ConfigMap", "cable-stream-config").path("data");
        String[] broker = data.path("KAFKA_BOOTSTRAP_SERVERS").asText().split(":");
        assertServicePort(dev, broker[0], Integer.parseInt(broker[1]));
        Map<String, String> kafkaEnv = kubernetesEnvironment(dev, container(dev, "kafka"));
        assertThat(kafkaEnv.get("KAFKA_ADVERTISED_LISTENERS")).contains("PLAINTEXT://" + data.path("KAFKA_BOOTSTRAP_SERVERS").asText());
        Matcher db = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/(\\w+)").matcher(data.path("CABLES_DB_URL").asText());
        assertThat(db.matches()).isTrue();
        assertServicePort(dev, db.group(1), Integer.parseInt(db.group(2)));
        Map<String, String> postgresEnv = kubernetesEnvironment(dev, container(dev, "postgres"));
        assertThat(postgresEnv.get("POSTGRES_DB")).isEqualTo(db.group(3));
        JsonNode secret = one(dev, "Secret", "cable-stream-db").path("stringData");
        assertThat(postgresEnv.get("POSTGRES_USER")).isEqualTo(secret.path("CABLES_DB_USER").asText());
        assertThat(postgresEnv.get("POSTGRES_PASSWORD")).isEqualTo(secret.path("CABLES_DB_PASSWORD").asText());
    }

    @Test
    void topicsAndPartitionsAreThoseOfTopics() {
        Map<String, Integer> expected = Map.of(Topics.RAW, Topics.DEFAULT_PARTITIONS, Topics.PARSED, Topics.DEFAULT_PARTITIONS,
                Topics.DEAD_LETTER, DEAD_LETTER_PARTITIONS);
        JsonNode kafkaInit = compose.path("services").path("kafka-init");
        assertThat(createdTopics(text(kafkaInit.path("command")))).as("compose kafka-init").isEqualTo(expected);
        JsonNode job = one(rendered.get("dev-infra"), "Job", "kafka-topics");
        JsonNode jobContainer = job.path("spec").path("template").path("spec").path("containers").get(0);
        assertThat(createdTopics(text(jobContainer.path("args")))).as("dev-infra Job kafka-topics").isEqualTo(expected);

        Set<String> used = new TreeSet<>();
        config.values().forEach(c -> used.addAll(c.topics()));
        assertThat(used).as("topics the services' channels name").containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(environment(compose.path("services").path("kafka")).get("KAFKA_AUTO_CREATE_TOPICS_ENABLE")).isEqualTo("false");
    }

    @Test
    void parseServiceScalesOnLagUpToThePartitionCount() {
        List<JsonNode> keda = rendered.get(".");
        assertThat(objects(keda, "HorizontalPodAutoscaler", null)).isEmpty();
        JsonNode scaledObject = one(keda, "ScaledObject", "parse-service").path("spec");
        assertThat(scaledObject.path("scaleTargetRef").path("name").asText()).isEqualTo("parse-service");
        assertThat(scaledObject.path("maxReplicaCount").asInt()).isEqualTo(Topics.DEFAULT_PARTITIONS);
        assertThat(scaledObject.path("minReplicaCount").asInt()).isBetween(1, Topics.DEFAULT_PARTITIONS);
        assertThat(scaledObject.path("triggers")).hasSize(1);
        JsonNode trigger = scaledObject.path("triggers").get(0);
        assertThat(trigger.path("type").asText()).isEqualTo("kafka");
        JsonNode metadata = trigger.path("metadata");
        assertThat(metadata.path("topic").asText()).isEqualTo(Topics.RAW);
        assertThat(metadata.path("consumerGroup").asText()).isEqualTo(config.get("parse-service").consumerGroupOf(Topics.RAW).orElseThrow());
        assertThat(Integer.parseInt(metadata.path("lagThreshold").asText())).isPositive();
        assertThat(kubernetesEnvironment(keda, container(keda, "parse-service")))
                .containsKey(metadata.path("bootstrapServersFromEnv").asText());

        for (String kustomization : List.of("overlays/hpa", "dev-infra")) {
            List<JsonNode> objects = rendered.get(kustomization);
            assertThat(objects(objects, "ScaledObject", null)).as(kustomization).isEmpty();
            JsonNode hpa = one(objects, "HorizontalPodAutoscaler", "parse-service").path("spec");
            assertThat(hpa.path("scaleTargetRef").path("name").asText()).isEqualTo("parse-service");
            assertThat(hpa.path("maxReplicas").asInt()).as(kustomization).isEqualTo(Topics.DEFAULT_PARTITIONS);
            assertThat(hpa.path("metrics").get(0).path("resource").path("name").asText()).isEqualTo("cpu");
        }
        rendered.forEach((kustomization, objects) ->
                assertThat(one(objects, "Deployment", "parse-service").path("spec").has("replicas"))
                        .as(kustomization + ": the autoscaler owns parse-service's replicas").isFalse());
    }

    @Test
    void heapFitsTheMemoryLimitOfEveryJvm() throws IOException {
        for (String service : SERVICES) {
            Matcher options = Pattern.compile("ENV JAVA_OPTS_APPEND=\"([^\"]*)\"").matcher(Files.readString(dockerfile(service)));
            assertThat(options.find()).as(service + " Dockerfile JAVA_OPTS_APPEND").isTrue();
            long heap = heap(options.group(1));
            JsonNode composeLimit = compose.path("services").path(service).path("deploy").path("resources").path("limits");
            assertHeapFits(heap, bytes(composeLimit.path("memory").asText()), "compose " + service);
            rendered.forEach((kustomization, objects) -> {
                JsonNode container = container(objects, service);
                String k8sOptions = kubernetesEnvironment(objects, container).get("JAVA_OPTS_APPEND");
                // the Deployment's JAVA_OPTS_APPEND replaces the image's: it must keep all of it
                assertThat(k8sOptions.split(" ")).as(kustomization + " " + service).containsExactlyInAnyOrder(options.group(1).split(" "));
                JsonNode resources = container.path("resources");
                long limit = bytes(resources.path("limits").path("memory").asText());
                assertThat(bytes(resources.path("requests").path("memory").asText())).isLessThanOrEqualTo(limit);
                assertHeapFits(heap, limit, kustomization + " " + service);
            });
        }
        JsonNode kafka = compose.path("services").path("kafka");
        assertHeapFits(heap(environment(kafka).get("KAFKA_HEAP_OPTS")),
                bytes(kafka.path("deploy").path("resources").path("limits").path("memory").asText()), "compose kafka");
        assertThat(environment(compose.path("services").path("kafka-init")).get("KAFKA_HEAP_OPTS")).contains("-Xmx");
        List<JsonNode> dev = rendered.get("dev-infra");
        for (JsonNode container : containers(dev)) {
            if (container.path("image").asText().startsWith("apache/kafka:")) {
                assertThat(kubernetesEnvironment(dev, container).get("KAFKA_HEAP_OPTS")).as(container.path("name").asText()).contains("-Xmx");
            }
        }
        assertHeapFits(heap(kubernetesEnvironment(dev, container(dev, "kafka")).get("KAFKA_HEAP_OPTS")),
                bytes(container(dev, "kafka").path("resources").path("limits").path("memory").asText()), "dev-infra kafka");
    }

    @Test
    void budgetsServicesAndSelectorsFindTheirPods() {
        rendered.forEach((kustomization, objects) -> {
            for (JsonNode workload : objects) {
                if (Set.of("Deployment", "StatefulSet").contains(workload.path("kind").asText())) {
                    assertThat(podLabels(workload)).as(kustomization + " " + id(workload))
                            .containsAllEntriesOf(labels(workload.path("spec").path("selector").path("matchLabels")));
                }
            }
            for (String service : SERVICES) {
                Map<String, String> pods = podLabels(one(objects, "Deployment", service));
                List<JsonNode> budgets = objects(objects, "PodDisruptionBudget", null).stream()
                        .filter(pdb -> pods.entrySet().containsAll(labels(pdb.path("spec").path("selector").path("matchLabels")).entrySet()))
                        .toList();
                assertThat(budgets).as(kustomization + " PodDisruptionBudget of " + service).hasSize(1);
                assertThat(budgets.get(0).path("spec").has("maxUnavailable") || budgets.get(0).path("spec").has("minAvailable")).isTrue();
            }
            for (JsonNode service : objects(objects, "Service", null)) {
                Map<String, String> selector = labels(service.path("spec").path("selector"));
                assertThat(selector).as(kustomization + " " + id(service)).isNotEmpty();
                assertThat(objects.stream().filter(o -> Set.of("Deployment", "StatefulSet").contains(o.path("kind").asText()))
                        .anyMatch(o -> podLabels(o).entrySet().containsAll(selector.entrySet())))
                        .as(kustomization + " " + id(service) + " selects pods").isTrue();
            }
        });
    }

    @Test
    void composeStartsEachServiceAfterWhatItNeeds() {
        JsonNode services = compose.path("services");
        assertThat(services.path("kafka-init").path("depends_on").path("kafka").path("condition").asText()).isEqualTo("service_healthy");
        for (String service : SERVICES) {
            JsonNode dependsOn = services.path(service).path("depends_on");
            assertThat(dependsOn.path("kafka-init").path("condition").asText()).as(service).isEqualTo("service_completed_successfully");
            assertThat(services.path(service).path("healthcheck").has("test")).as(service).isTrue();
        }
        assertThat(services.path("store-service").path("depends_on").path("postgres").path("condition").asText()).isEqualTo("service_healthy");
        assertThat(services.path("kafka").path("healthcheck").has("test")).isTrue();
        assertThat(services.path("postgres").path("healthcheck").has("test")).isTrue();
    }

    @Test
    void composeVariablesHaveTheirDefaultsInEnvExample() throws IOException {
        Map<String, String> defaults = new TreeMap<>();
        Matcher m = COMPOSE_VARIABLE.matcher(Files.readString(COMPOSE_DIR.resolve("docker-compose.yml")));
        while (m.find()) {
            if (m.group(1) != null) {
                defaults.put(m.group(1), m.group(2));
            }
        }
        Map<String, String> example = new TreeMap<>();
        for (String line : Files.readAllLines(COMPOSE_DIR.resolve(".env.example"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                example.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        example.keySet().removeIf(name -> name.startsWith("COMPOSE_"));
        assertThat(example).isEqualTo(defaults);
    }

    @Test
    void dockerComposeAcceptsTheComposeFile() throws Exception {
        List<String> command = succeeds(List.of("docker", "compose", "version")) ? List.of("docker", "compose")
                : succeeds(List.of("docker-compose", "version")) ? List.of("docker-compose") : List.of();
        assumeTrue(!command.isEmpty(), "neither `docker compose` nor docker-compose is installed");
        List<String> config = new ArrayList<>(command);
        config.addAll(List.of("-f", COMPOSE_DIR.resolve("docker-compose.yml").toString(), "config", "-q"));
        Process process = new ProcessBuilder(config).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    // ---- compose

    /** The compose file with ${VAR:-default} replaced by its default and $$ by $, as compose does without a .env. */
    static String interpolatedCompose() throws IOException {
        Matcher m = COMPOSE_VARIABLE.matcher(Files.readString(COMPOSE_DIR.resolve("docker-compose.yml")));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (m.group(1) != null && m.group(2) == null) {
                throw new AssertionError("compose variable " + m.group(1) + " has no default");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) == null ? "$" : m.group(2)));
        }
        return m.appendTail(out).toString();
    }

    static Map<String, String> environment(JsonNode composeService) {
        Map<String, String> env = new TreeMap<>();
        JsonNode environment = composeService.path("environment");
        if (environment.isArray()) {
            environment.forEach(e -> env.put(e.asText().split("=", 2)[0], e.asText().split("=", 2)[1]));
        } else {
            environment.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        }
        return env;
    }

    static Map<String, Integer> createdTopics(String script) {
        Map<String, Integer> topics = new TreeMap<>();
        Matcher m = TOPIC_CREATION.matcher(script);
        while (m.find()) {
            assertThat(m.group(3)).as("replication factor of " + m.group(1) + " on one broker").isEqualTo("1");
            topics.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        return topics;
    }

    // ---- Kubernetes

    static List<JsonNode> objects(List<JsonNode> objects, String kind, String name) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind))
                .filter(o -> name == null || o.path("metadata").path("name").asText().equals(name)).toList();
    }

    static JsonNode one(List<JsonNode> objects, String kind, String name) {
        List<JsonNode> found = objects(objects, kind, name);
        assertThat(found).as(kind + " " + name).hasSize(1);
        return found.get(0);
    }

    static List<JsonNode> containers(List<JsonNode> objects) {
        List<JsonNode> containers = new ArrayList<>();
        for (JsonNode o : objects) {
            o.path("spec").path("template").path("spec").path("containers").forEach(containers::add);
        }
        return containers;
    }

    static JsonNode container(List<JsonNode> objects, String name) {
        List<JsonNode> found = containers(objects).stream().filter(c -> c.path("name").asText().equals(name)).toList();
        assertThat(found).as("container " + name).hasSize(1);
        return found.get(0);
    }

    /** A container's environment with every ConfigMap and Secret reference resolved (they must exist, key included). */
    static Map<String, String> kubernetesEnvironment(List<JsonNode> objects, JsonNode container) {
        Map<String, String> env = new TreeMap<>();
        for (JsonNode source : container.path("envFrom")) {
            String kind = source.has("configMapRef") ? "ConfigMap" : "Secret";
            String name = source.path(source.has("configMapRef") ? "configMapRef" : "secretRef").path("name").asText();
            data(one(objects, kind, name)).forEach(env::put);
        }
        for (JsonNode variable : container.path("env")) {
            String name = variable.path("name").asText();
            JsonNode from = variable.path("valueFrom");
            if (!variable.has("valueFrom")) {
                env.put(name, variable.path("value").asText());
            } else {
                String kind = from.has("configMapKeyRef") ? "ConfigMap" : "Secret";
                JsonNode ref = from.path(from.has("configMapKeyRef") ? "configMapKeyRef" : "secretKeyRef");
                Map<String, String> data = data(one(objects, kind, ref.path("name").asText()));
                assertThat(data).as(kind + " " + ref.path("name").asText()).containsKey(ref.path("key").asText());
                env.put(name, data.get(ref.path("key").asText()));
            }
        }
        return env;
    }

    static Map<String, String> data(JsonNode configMapOrSecret) {
        Map<String, String> data = new TreeMap<>();
        for (String field : List.of("data", "stringData")) {
            configMapOrSecret.path(field).fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
        }
        return data;
    }

    static Map<String, String> podLabels(JsonNode workload) {
        return labels(workload.path("spec").path("template").path("metadata").path("labels"));
    }

    static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new TreeMap<>();
        node.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    static void assertServicePort(List<JsonNode> objects, String service, int port) {
        JsonNode ports = one(objects, "Service", service).path("spec").path("ports");
        assertThat(ports.findValuesAsText("port")).as("Service " + service).contains(String.valueOf(port));
    }

    static String id(JsonNode object) {
        return object.path("kind").asText() + "/" + object.path("metadata").path("name").asText();
    }

    // ---- shared

    static void assertReadBy(ServiceConfig c, Set<String> variables, String where) {
        for (String variable : variables) {
            assertThat(RUN_JAVA_VARIABLES.contains(variable) || c.reads(variable))
                    .as(where + ": " + variable + " is read by no property of " + c.module() + "'s application.properties")
                    .isTrue();
        }
    }

    static void assertHeapFits(long heap, long limit, String where) {
        // the heap is at most 60% of the limit (metaspace, threads, direct buffers need the rest) and at least a quarter
        assertThat(heap).as(where + " -Xmx against memory limit " + limit).isBetween(limit / 4, limit * 6 / 10);
    }

    static long heap(String jvmOptions) {
        Matcher m = Pattern.compile("-Xmx(\\S+)").matcher(jvmOptions);
        assertThat(m.find()).as("-Xmx in " + jvmOptions).isTrue();
        return bytes(m.group(1));
    }

    /** 512Mi, 1Gi (Kubernetes), 512M, 1G (compose, binary), 256m (JVM) in bytes. */
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

    static String text(JsonNode stringOrList) {
        if (!stringOrList.isArray()) {
            return stringOrList.asText();
        }
        List<String> parts = new ArrayList<>();
        stringOrList.forEach(p -> parts.add(p.asText()));
        return String.join(" ", parts);
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
