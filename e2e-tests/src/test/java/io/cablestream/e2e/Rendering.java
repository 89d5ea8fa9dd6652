package io.cablestream.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The Kubernetes objects one kustomization renders, looked up by kind and name, with containers' environments resolved. */
record Rendering(String kustomization, List<JsonNode> objects) {

    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "Job");

    List<JsonNode> all(String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    JsonNode one(String kind, String name) {
        List<JsonNode> found = all(kind).stream().filter(o -> o.path("metadata").path("name").asText().equals(name)).toList();
        assertThat(found).as(kustomization + ": " + kind + " " + name).hasSize(1);
        return found.get(0);
    }

    List<JsonNode> workloads() {
        return objects.stream().filter(o -> WORKLOADS.contains(o.path("kind").asText())).toList();
    }

    List<JsonNode> containers() {
        List<JsonNode> containers = new ArrayList<>();
        workloads().forEach(w -> w.path("spec").path("template").path("spec").path("containers").forEach(containers::add));
        return containers;
    }

    JsonNode container(String name) {
        List<JsonNode> found = containers().stream().filter(c -> c.path("name").asText().equals(name)).toList();
        assertThat(found).as(kustomization + ": container " + name).hasSize(1);
        return found.get(0);
    }

    /**
     * A container's environment with every ConfigMap reference resolved (each must exist, key included) and every
     * Secret reference as {@link #secretReference}: no Secret is part of the manifests (deploy/k8s/create-secrets.sh
     * makes them in the cluster).
     */
    Map<String, String> environment(JsonNode container) {
        Map<String, String> env = new TreeMap<>();
        for (JsonNode source : container.path("envFrom")) {
            boolean configMap = source.has("configMapRef");
            String name = source.path(configMap ? "configMapRef" : "secretRef").path("name").asText();
            env.putAll(data(one(configMap ? "ConfigMap" : "Secret", name)));
        }
        for (JsonNode variable : container.path("env")) {
            String name = variable.path("name").asText();
            JsonNode from = variable.path("valueFrom");
            if (!variable.has("valueFrom")) {
                env.put(name, variable.path("value").asText());
                continue;
            }
            if (from.has("secretKeyRef")) {
                JsonNode ref = from.path("secretKeyRef");
                env.put(name, secretReference(ref.path("name").asText(), ref.path("key").asText()));
                continue;
            }
            JsonNode ref = from.path("configMapKeyRef");
            Map<String, String> data = data(one("ConfigMap", ref.path("name").asText()));
            assertThat(data).as(kustomization + ": ConfigMap " + ref.path("name").asText()).containsKey(ref.path("key").asText());
            env.put(name, data.get(ref.path("key").asText()));
        }
        return env;
    }

    /** What {@link #environment} gives a variable read from a Secret. */
    static String secretReference(String secret, String key) {
        return "<secret " + secret + " " + key + ">";
    }

    /** A Service's ports, as numbers. */
    List<Integer> servicePorts(String service) {
        List<Integer> ports = new ArrayList<>();
        one("Service", service).path("spec").path("ports").forEach(p -> ports.add(p.path("port").asInt()));
        return ports;
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

    static String id(JsonNode object) {
        return object.path("kind").asText() + "/" + object.path("metadata").path("name").asText();
    }
}
