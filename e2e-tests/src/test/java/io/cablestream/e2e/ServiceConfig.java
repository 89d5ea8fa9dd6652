package io.cablestream.e2e;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a service's application.properties says about deploying it: port, health and metrics paths, topics, environment. */
record ServiceConfig(String module, Properties properties) {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Pattern VARIABLE_WITHOUT_DEFAULT = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");
    private static final List<String> CONNECTION_KEYS = List.of("kafka.bootstrap.servers", "quarkus.datasource.jdbc.url",
            "quarkus.datasource.username", "quarkus.datasource.password");

    static ServiceConfig load(Path repoRoot, String module) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(repoRoot.resolve(module).resolve("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return new ServiceConfig(module, properties);
    }

    String property(String key, String fallback) {
        return properties.getProperty(key, fallback).trim();
    }

    String applicationName() {
        return property("quarkus.application.name", module);
    }

    int httpPort() {
        return Integer.parseInt(property("quarkus.http.port", "8080"));
    }

    /** /q/health/live unless the properties move it; relative paths nest as Quarkus nests them. */
    String livenessPath() {
        return under(healthRoot(), property("quarkus.smallrye-health.liveness-path", "live"));
    }

    String readinessPath() {
        return under(healthRoot(), property("quarkus.smallrye-health.readiness-path", "ready"));
    }

    /** Where /q/metrics is served: the management interface's port when it is enabled, else the HTTP port. */
    int metricsPort() {
        return Boolean.parseBoolean(property("quarkus.management.enabled", "false"))
                ? Integer.parseInt(property("quarkus.management.port", "9000")) : httpPort();
    }

    String metricsPath() {
        return under(nonApplicationRoot(), property("quarkus.micrometer.export.prometheus.path", "metrics"));
    }

    /** Every topic a channel of this service reads or writes, dead-letter queues included. */
    Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("mp.messaging.") && key.endsWith(".topic")) {
                topics.add(property(key, ""));
            }
        }
        return topics;
    }

    /** The consumer group of the incoming channel on this topic. */
    Optional<String> consumerGroupOf(String topic) {
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic") && property(key, "").equals(topic)) {
                String channel = key.substring(0, key.length() - ".topic".length());
                return Optional.of(property(channel + ".group.id", applicationName()));
            }
        }
        return Optional.empty();
    }

    /** Variables the properties name themselves, as in {@code ${CABLES_DB_URL:...}}: a deployment must set them. */
    Set<String> referencedVariables() {
        Set<String> names = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher m = VARIABLE.matcher(properties.getProperty(key));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /**
     * The variables a deployment must set: those that carry the broker address and the database connection (their
     * defaults point at this machine's loopback, which holds nothing in a container), and those without a default.
     */
    Set<String> requiredVariables() {
        Set<String> names = new TreeSet<>();
        for (String key : CONNECTION_KEYS) {
            if (properties.containsKey(key)) {
                Matcher m = VARIABLE.matcher(properties.getProperty(key));
                names.add(m.find() ? m.group(1) : environmentName(key));
            }
        }
        for (String key : properties.stringPropertyNames()) {
            Matcher m = VARIABLE_WITHOUT_DEFAULT.matcher(properties.getProperty(key));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Whether the service reads this environment variable: a referenced variable, or a property by Quarkus' env rule. */
    boolean reads(String variable) {
        if (referencedVariables().contains(variable)) {
            return true;
        }
        return properties.stringPropertyNames().stream()
                .map(key -> key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key)
                .anyMatch(key -> environmentName(key).equals(variable));
    }

    /** Quarkus' (MicroProfile Config's) rule: every character that is not a letter or digit becomes '_', then upper case. */
    static String environmentName(String propertyKey) {
        return propertyKey.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private String nonApplicationRoot() {
        return under(property("quarkus.http.root-path", "/"), property("quarkus.http.non-application-root-path", "q"));
    }

    private String healthRoot() {
        return under(nonApplicationRoot(), property("quarkus.smallrye-health.root-path", "health"));
    }

    private static String under(String base, String path) {
        if (path.startsWith("/")) {
            return path;
        }
        return (base.endsWith("/") ? base : base + "/") + path;
    }
}
