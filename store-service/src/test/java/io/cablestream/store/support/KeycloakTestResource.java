package io.cablestream.store.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A real OIDC provider for the provider sign-in test: Keycloak's own distribution (Maven Central's
 * {@code keycloak-quarkus-dist}, unpacked by the build into target/keycloak), started in dev mode on a free port of
 * 127.0.0.1 with an in-memory database and the realm {@code cables} imported: the client {@code cable-stream-ui}
 * and the user {@value #USER}, a reader cleared to CONFIDENTIAL, whose ID token carries the same {@code groups}
 * and {@code clearance} claims as a local token. The client secret and the password are made fresh per run.
 * Keycloak needs Java 21 or later: {@code CABLES_KEYCLOAK_JAVA_HOME}, or the newest JDK under /usr/lib/jvm.
 */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String USER = "analyst";
    /** Where the test finds the password, as a config property. */
    public static final String PASSWORD_PROPERTY = "cables.test.provider.password";
    private static final String CLIENT = "cable-stream-ui";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private Process keycloak;

    @Override
    public Map<String, String> start() {
        Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("no Keycloak distribution at " + home
                    + ": the build unpacks it there (maven-dependency-plugin, process-test-resources)");
        }
        String secret = UUID.randomUUID().toString();
        String password = UUID.randomUUID().toString();
        int port = freePort();
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.writeString(imports.resolve("cables-realm.json"), realm(secret, password));
            Path log = home.resolve("../keycloak.log").normalize();
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--db=dev-mem", "--http-host=127.0.0.1", "--http-port=" + port, "--import-realm")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", javaHome().toString());
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            keycloak = builder.start();
            String origin = "http://127.0.0.1:" + port;
            awaitDiscovery(origin + "/realms/cables", log);
            return Map.of(
                    "quarkus.oidc.tenant-enabled", "true",
                    "cables.oidc.provider", origin,
                    "cables.oidc.issuer-path", "/realms/cables",
                    "quarkus.oidc.client-id", CLIENT,
                    "quarkus.oidc.credentials.secret", secret,
                    PASSWORD_PROPERTY, password);
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("could not start Keycloak from " + home, e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    @Override
    public void stop() {
        if (keycloak != null) {
            // kc.sh runs the server as a child process: stop that too
            keycloak.descendants().forEach(ProcessHandle::destroy);
            keycloak.destroy();
            keycloak = null;
        }
    }

    private static void awaitDiscovery(String issuer, Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("Keycloak did not serve " + issuer + " within " + START_TIMEOUT
                + "; its log is " + log);
    }

    /** Keycloak 26 runs on Java 21 or later; the tests themselves run on 17. */
    private static Path javaHome() {
        String chosen = System.getenv("CABLES_KEYCLOAK_JAVA_HOME");
        if (chosen != null && !chosen.isBlank()) {
            return Path.of(chosen);
        }
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            Optional<Path> newest = jdks.filter(jdk -> Files.isExecutable(jdk.resolve("bin/java")))
                    .filter(jdk -> major(jdk) >= 21)
                    .max((a, b) -> Integer.compare(major(a), major(b)));
            return newest.orElseThrow(() -> new IllegalStateException("Keycloak needs Java 21 or later: none under"
                    + " /usr/lib/jvm; set CABLES_KEYCLOAK_JAVA_HOME to one"));
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak needs Java 21 or later; set CABLES_KEYCLOAK_JAVA_HOME", e);
        }
    }

    /** The feature release a JDK's {@code release} file names ({@code JAVA_VERSION="25.0.1"}), 0 when unknown. */
    private static int major(Path jdk) {
        try {
            List<String> lines = Files.readAllLines(jdk.resolve("release"));
            return lines.stream().filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", "").split("[.+-]")[0])
                    .mapToInt(Integer::parseInt).findFirst().orElse(0);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The realm (src/test/resources/keycloak/cables-realm.json): roles as the {@code groups} claim, the clearance
     * from a user attribute, which Keycloak's user profile must be told to keep ({@code unmanagedAttributePolicy}).
     */
    private static String realm(String secret, String password) throws IOException {
        try (var in = KeycloakTestResource.class.getResourceAsStream("/keycloak/cables-realm.json")) {
            if (in == null) {
                throw new IllegalStateException("keycloak/cables-realm.json is missing from the test resources");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("@CLIENT_SECRET@", secret).replace("@PASSWORD@", password);
        }
    }
}
