package io.cablestream.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One of the services started from its built jar as a separate JVM, as production runs it, on a free port;
 * its output goes to a log file that a failing test can show.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path log;

    private ServiceProcess(String name, Process process, int port, int managementPort, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    /**
     * Starts {@code <repoRoot>/<name>/target/quarkus-app/quarkus-run.jar} with {@code -Xmx}, the serial GC and the given
     * environment (e.g. KAFKA_BOOTSTRAP_SERVERS, CABLES_DB_URL).
     */
    public static ServiceProcess start(Path repoRoot, String name, String maxHeap, Map<String, String> environment,
                                       Path logDirectory) throws IOException {
        Path jar = repoRoot.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw install)");
        }
        int port = freePort();
        Files.createDirectories(logDirectory);
        Path log = logDirectory.resolve(name + "-" + port + ".log");
        // the serial collector, as bin/cables runs the services and as the JVM picks by itself in their 512 MiB
        // containers: on this 2-core machine the load harness measured 8% more cables/s and less RSS than with G1;
        // and C1 only, as bin/cables and the images: C2 compiling took 25-40% of the services' CPU on two cores
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx" + maxHeap, "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // two malloc arenas, as bin/cables and the images run the services: 20-50 MB less resident memory
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        // verify the test kit's tokens (TestTokens), unless the test says otherwise
        builder.environment().putAll(TestTokens.serviceEnvironment());
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        // several instances of a service run side by side (ParseScalingIT): each its own management port too
        int managementPort = freePort();
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        Process process = builder.start();
        // a test JVM that dies must not leave services behind holding ports and consumer groups
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, name + "-stop"));
        return new ServiceProcess(name, process, port, managementPort, log);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The management interface: {@code /q/metrics}. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public long pid() {
        return process.pid();
    }

    /** Waits until {@code /q/health/ready} answers 200; fails with the end of the service's log otherwise. */
    public ServiceProcess awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleepBriefly();
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + ":\n" + logTail());
    }

    /** The last lines of the service's output. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Ends the process at once, as a crash or an OOM killer would (SIGKILL). */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    @Override
    public void close() {
        process.destroy();
        if (!waitForExit()) {
            kill();
        }
    }

    private boolean waitForExit() {
        try {
            return process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
