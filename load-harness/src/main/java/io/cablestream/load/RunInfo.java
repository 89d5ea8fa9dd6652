package io.cablestream.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** What a result needs to say about the machine and the code it ran. */
final class RunInfo {

    private RunInfo() {
    }

    /** 1-, 5- and 15-minute load averages. */
    static double[] loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new double[] {Double.parseDouble(fields[0]), Double.parseDouble(fields[1]), Double.parseDouble(fields[2])};
        } catch (IOException e) {
            return new double[0];
        }
    }

    static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpus", Runtime.getRuntime().availableProcessors());
        try {
            machine.put("memory_kb", ProcStats.kbField(Files.readAllLines(Path.of("/proc/meminfo")), "MemTotal"));
        } catch (IOException e) {
            // not Linux
        }
        machine.put("java", System.getProperty("java.version"));
        return machine;
    }

    static String gitCommit(Path root) {
        try {
            Process git = new ProcessBuilder("git", "-C", root.toString(), "describe", "--always", "--dirty")
                    .redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes()).trim();
            return git.waitFor() == 0 ? out : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    /**
     * A copy of the three services' quarkus-app folders: other builds on this machine may rewrite target/ while a
     * run goes on, and a half-written jar must not be what is measured.
     */
    static Path snapshotServices(Path root, Path work) throws IOException {
        Path snapshot = work.resolve("services");
        for (String service : List.of("ingest-service", "parse-service", "store-service")) {
            Path app = root.resolve(service).resolve("target/quarkus-app");
            if (!Files.exists(app.resolve("quarkus-run.jar"))) {
                throw new IllegalStateException(app + " is missing: ./mvnw -B -q install -DskipTests first");
            }
            copyTree(app, snapshot.resolve(service).resolve("target/quarkus-app"));
        }
        return snapshot;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** The --env settings for one service: SERVICE:NAME=VALUE, or all:NAME=VALUE. */
    static Map<String, String> overrides(List<String> settings, String service) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String setting : settings) {
            int colon = setting.indexOf(':');
            int equals = setting.indexOf('=');
            if (colon < 0 || equals < colon) {
                throw new IllegalArgumentException("--env " + setting + ": expected SERVICE:NAME=VALUE");
            }
            String target = setting.substring(0, colon);
            if (target.equals("all") || target.equals(service)) {
                env.put(setting.substring(colon + 1, equals), setting.substring(equals + 1));
            }
        }
        return env;
    }
}
