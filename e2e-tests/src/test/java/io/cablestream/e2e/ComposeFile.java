package io.cablestream.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compose file as Docker Compose reads it without a .env: {@code ${VAR:-default}} replaced by its default, a
 * variable the file requires ({@code ${VAR:?message}}, a password) by {@code <required VAR>}, {@code $$} by {@code $},
 * anchors and merge keys ({@code <<: *defaults}) resolved, which is why SnakeYAML reads it and not Jackson.
 */
record ComposeFile(Path file, JsonNode root) {

    private static final Pattern VARIABLE = Pattern.compile(
            "\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*)|(:?\\?)[^}]*)?}");

    static ComposeFile load(Path file) throws IOException {
        String text = Files.readString(file);
        Set<String> required = requiredVariables(text);
        Matcher m = VARIABLE.matcher(text);
        StringBuilder interpolated = new StringBuilder();
        while (m.find()) {
            String value;
            if (m.group(1) == null) {
                value = "$";
            } else if (required.contains(m.group(1))) {
                value = required(m.group(1));
            } else if (m.group(2) == null) {
                throw new AssertionError(file + ": variable " + m.group(1) + " has no default and is not required");
            } else {
                value = m.group(2);
            }
            m.appendReplacement(interpolated, Matcher.quoteReplacement(value));
        }
        m.appendTail(interpolated);
        Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(interpolated.toString());
        return new ComposeFile(file, new ObjectMapper().valueToTree(yaml));
    }

    JsonNode service(String name) {
        JsonNode service = root.path("services").path(name);
        if (service.isMissingNode()) {
            throw new AssertionError(file + " has no service " + name);
        }
        return service;
    }

    /** A service's environment, written as a map or as a list of NAME=value. */
    Map<String, String> environment(String service) {
        Map<String, String> env = new TreeMap<>();
        JsonNode environment = service(service).path("environment");
        if (environment.isArray()) {
            environment.forEach(e -> env.put(e.asText().split("=", 2)[0], e.asText().split("=", 2)[1]));
        } else {
            environment.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        }
        return env;
    }

    /** Every {@code ${VAR:-default}} of the file, by name; a required variable has none (""). */
    Map<String, String> variableDefaults() throws IOException {
        String text = Files.readString(file);
        Set<String> required = requiredVariables(text);
        Map<String, String> defaults = new TreeMap<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            if (m.group(1) != null) {
                defaults.put(m.group(1), required.contains(m.group(1)) ? "" : m.group(2));
            }
        }
        return defaults;
    }

    /** The variables the file requires ({@code ${VAR:?message}}), without which Compose refuses to start. */
    static Set<String> requiredVariables(String text) {
        Set<String> required = new TreeSet<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            if (m.group(3) != null) {
                required.add(m.group(1));
            }
        }
        return required;
    }

    /** What {@link #load} puts where a required variable is read. */
    static String required(String variable) {
        return "<required " + variable + ">";
    }

    /** A command or healthcheck test, given as a string or as a list, as one string. */
    static String text(JsonNode stringOrList) {
        if (!stringOrList.isArray()) {
            return stringOrList.asText();
        }
        List<String> parts = new ArrayList<>();
        stringOrList.forEach(p -> parts.add(p.asText()));
        return String.join(" ", parts);
    }
}
