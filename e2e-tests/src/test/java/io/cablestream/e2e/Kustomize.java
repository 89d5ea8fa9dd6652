package io.cablestream.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization: with {@code kubectl kustomize} or {@code kustomize build} when one is on PATH, and always
 * also by its own reading (resources, components, namespace, labels: the only fields deploy/k8s uses), so the test
 * runs without either tool and the two renderings can be compared where the tool exists.
 */
final class Kustomize {

    static final YAMLMapper YAML = new YAMLMapper();

    /** The kustomization fields {@link #renderOwn} implements; any other one would make its rendering wrong. */
    private static final Set<String> UNDERSTOOD = Set.of("apiVersion", "kind", "namespace", "labels", "resources", "components");

    /** Kinds without a namespace (of those deploy/k8s could use). */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "PersistentVolume", "StorageClass", "CustomResourceDefinition", "PriorityClass");

    private Kustomize() {
    }

    /** The command that renders a kustomization directory given as its last argument, if kubectl or kustomize is on PATH. */
    static Optional<List<String>> tool() {
        if (onPath("kubectl").isPresent()) {
            return Optional.of(List.of(onPath("kubectl").get().toString(), "kustomize"));
        }
        return onPath("kustomize").map(kustomize -> List.of(kustomize.toString(), "build"));
    }

    static List<JsonNode> renderWithTool(List<String> command, Path directory) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(command);
        full.add(directory.toString());
        Process process = new ProcessBuilder(full).redirectErrorStream(false).start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", full) + " failed: " + err);
        }
        return readAll(new String(out, StandardCharsets.UTF_8));
    }

    /** The objects of a kustomization by loading every file its resources and components list, then its namespace and labels. */
    static List<JsonNode> renderOwn(Path directory) throws IOException {
        JsonNode kustomization = kustomizationOf(directory);
        List<JsonNode> objects = new ArrayList<>();
        for (Path resource : listed(directory, kustomization, "resources")) {
            objects.addAll(Files.isDirectory(resource) ? renderOwn(resource) : readAll(Files.readString(resource)));
        }
        for (Path component : listed(directory, kustomization, "components")) {
            JsonNode componentKustomization = kustomizationOf(component);
            if (!"Component".equals(componentKustomization.path("kind").asText())) {
                throw new AssertionError(component + " is listed as a component but its kind is not Component");
            }
            objects.addAll(renderOwn(component));
        }
        String namespace = kustomization.path("namespace").asText("");
        for (JsonNode object : objects) {
            ObjectNode metadata = (ObjectNode) object.path("metadata");
            if (!namespace.isEmpty() && !CLUSTER_SCOPED.contains(object.path("kind").asText())) {
                metadata.put("namespace", namespace);
            }
            for (JsonNode label : kustomization.path("labels")) {
                ObjectNode labels = metadata.has("labels") ? (ObjectNode) metadata.get("labels") : metadata.putObject("labels");
                label.path("pairs").fields().forEachRemaining(pair -> labels.set(pair.getKey(), pair.getValue().deepCopy()));
            }
        }
        return objects;
    }

    /** Every file a kustomization reaches, its own kustomization.yaml files included. */
    static Set<Path> filesOf(Path directory) throws IOException {
        Set<Path> files = new LinkedHashSet<>();
        files.add(directory.resolve("kustomization.yaml").normalize());
        JsonNode kustomization = kustomizationOf(directory);
        for (String field : List.of("resources", "components")) {
            for (Path path : listed(directory, kustomization, field)) {
                if (Files.isDirectory(path)) {
                    files.addAll(filesOf(path));
                } else {
                    files.add(path);
                }
            }
        }
        return files;
    }

    static List<JsonNode> readAll(String yaml) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (var values = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (values.hasNext()) {
                JsonNode document = (JsonNode) values.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
        }
        return documents;
    }

    private static JsonNode kustomizationOf(Path directory) throws IOException {
        Path file = directory.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(directory + " has no kustomization.yaml");
        }
        JsonNode kustomization = YAML.readTree(file.toFile());
        for (Iterator<String> names = kustomization.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!UNDERSTOOD.contains(name)) {
                throw new AssertionError(file + " uses '" + name + "', which this test's own rendering does not implement");
            }
        }
        return kustomization;
    }

    private static List<Path> listed(Path directory, JsonNode kustomization, String field) {
        List<Path> paths = new ArrayList<>();
        for (JsonNode entry : kustomization.path(field)) {
            Path path = directory.resolve(entry.asText()).normalize();
            if (!Files.exists(path)) {
                throw new AssertionError(directory.resolve("kustomization.yaml") + " lists " + entry.asText() + ", which does not exist");
            }
            paths.add(path);
        }
        return paths;
    }

    private static Optional<Path> onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
