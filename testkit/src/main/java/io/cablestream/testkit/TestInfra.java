package io.cablestream.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Which broker and PostgreSQL the tests start: in this JVM (Kafka's test kit, zonky's embedded PostgreSQL), or
 * Testcontainers' Kafka and PostgreSQL where a Docker engine is. {@code -Dcables.test.infra=embedded|containers|auto}
 * (default {@code auto}: containers when Docker answers, else embedded).
 */
public final class TestInfra {

    public static final String PROPERTY = "cables.test.infra";

    public enum Mode { EMBEDDED, CONTAINERS }

    private static Mode selected;

    private TestInfra() {
    }

    /** This JVM's choice, made once. */
    public static synchronized Mode selected() {
        if (selected == null) {
            selected = select(System.getProperty(PROPERTY), TestInfra::dockerAvailable);
        }
        return selected;
    }

    /** The choice for a value of {@value #PROPERTY} (null: auto); {@code docker} is asked only when it matters. */
    static Mode select(String property, BooleanSupplier docker) {
        String mode = property == null || property.isBlank() ? "auto" : property.trim().toLowerCase(Locale.ROOT);
        switch (mode) {
            case "embedded":
                return Mode.EMBEDDED;
            case "containers":
                if (!docker.getAsBoolean()) {
                    throw new IllegalStateException("-D" + PROPERTY + "=containers asks for Testcontainers' Kafka and "
                            + "PostgreSQL, but no Docker engine answers (DOCKER_HOST, /var/run/docker.sock, "
                            + "~/.testcontainers.properties): start one, or leave " + PROPERTY
                            + " unset to use the in-process broker and the embedded PostgreSQL");
                }
                return Mode.CONTAINERS;
            case "auto":
                return docker.getAsBoolean() ? Mode.CONTAINERS : Mode.EMBEDDED;
            default:
                throw new IllegalArgumentException(PROPERTY + " is embedded, containers or auto, not '" + property + "'");
        }
    }

    /**
     * Does a Docker engine answer? Testcontainers is asked only where something points at an engine: its own probe
     * tries every way to reach one and logs each failure, which on a machine without Docker is slow and loud.
     */
    public static boolean dockerAvailable() {
        return dockerHinted(System.getenv(), path -> Files.exists(path), Path.of(System.getProperty("user.home")))
                && ContainerInfra.dockerAnswers();
    }

    /** The places Testcontainers finds an engine by: the environment, its properties file, the usual sockets. */
    static boolean dockerHinted(Map<String, String> env, Predicate<Path> exists, Path home) {
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            return true;   // a named pipe, which no file check sees: let Testcontainers look
        }
        if (List.of("DOCKER_HOST", "TESTCONTAINERS_HOST_OVERRIDE", "TESTCONTAINERS_DOCKER_SOCKET_OVERRIDE").stream()
                .anyMatch(name -> env.get(name) != null && !env.get(name).isBlank())) {
            return true;
        }
        String runtimeDir = env.getOrDefault("XDG_RUNTIME_DIR", "");
        List<Path> places = List.of(Path.of("/var/run/docker.sock"), Path.of("/run/docker.sock"),
                home.resolve(".testcontainers.properties"), home.resolve(".docker/run/docker.sock"),
                home.resolve(".docker/desktop/docker.sock"), home.resolve(".colima/default/docker.sock"),
                home.resolve(".rd/docker.sock"));
        return places.stream().anyMatch(exists)
                || !runtimeDir.isBlank() && (exists.test(Path.of(runtimeDir, "docker.sock"))
                || exists.test(Path.of(runtimeDir, ".docker/run/docker.sock")));
    }
}
