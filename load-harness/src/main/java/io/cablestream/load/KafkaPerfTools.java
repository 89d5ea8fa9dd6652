package io.cablestream.load;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each Kafka stage alone, measured by Kafka's own tools (kafka-tools' ProducerPerformance and ConsumerPerformance
 * from deploy/local-runtime/target/lib) as their own JVMs, with the corpus cables as payloads.
 */
final class KafkaPerfTools {

    static final String TOPIC = "cables.perf";
    /** ProducerPerformance splits the payload file with a regular expression; no cable holds this word. */
    static final String DELIMITER = "CABLESTREAMPAYLOADBOUNDARY";
    private static final Pattern PRODUCED = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency");

    /** records/s and MB/s of one tool run. */
    record Rate(double recordsPerSecond, double megabytesPerSecond, String line) {
    }

    private final Path repoRoot;
    private final Path workDir;
    private final String bootstrapServers;

    KafkaPerfTools(Path repoRoot, Path workDir, String bootstrapServers) {
        this.repoRoot = repoRoot;
        this.workDir = workDir;
        this.bootstrapServers = bootstrapServers;
    }

    /** The distinct cables (at most {@code limit}) as one payload file. */
    Path payloadFile(List<byte[]> cables, int limit) throws IOException {
        Path file = workDir.resolve("perf-payloads.txt");
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < Math.min(limit, cables.size()); i++) {
                if (i > 0) {
                    out.write(DELIMITER.getBytes());
                }
                out.write(cables.get(i));
            }
        }
        return file;
    }

    /** ProducerPerformance with ingest-service's producer settings, unthrottled. */
    Rate produce(Path payloads, long records) throws Exception {
        List<String> output = runTool("producer-performance", List.of("org.apache.kafka.tools.ProducerPerformance",
                "--topic", TOPIC, "--num-records", Long.toString(records), "--throughput", "-1",
                "--payload-file", payloads.toString(), "--payload-delimiter", DELIMITER,
                "--producer-props", "bootstrap.servers=" + bootstrapServers, "acks=all", "enable.idempotence=true",
                "compression.type=lz4", "linger.ms=10", "batch.size=262144", "max.request.size=2097152"));
        for (int i = output.size() - 1; i >= 0; i--) {
            Matcher m = PRODUCED.matcher(output.get(i));
            if (m.find()) {
                return new Rate(Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)), output.get(i).trim());
            }
        }
        throw new IllegalStateException("ProducerPerformance printed no summary:\n" + String.join("\n", output));
    }

    /** ConsumerPerformance reading what {@link #produce} wrote. */
    Rate consume(long records) throws Exception {
        List<String> output = runTool("consumer-performance", List.of("org.apache.kafka.tools.ConsumerPerformance",
                "--bootstrap-server", bootstrapServers, "--topic", TOPIC, "--messages", Long.toString(records),
                "--timeout", "120000", "--hide-header"));
        for (int i = output.size() - 1; i >= 0; i--) {
            Rate rate = parseConsumerLine(output.get(i));
            if (rate != null) {
                return rate;
            }
        }
        throw new IllegalStateException("ConsumerPerformance printed no summary:\n" + String.join("\n", output));
    }

    /**
     * start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms,
     * fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec: the fetch rates leave out the group join.
     */
    static Rate parseConsumerLine(String line) {
        String[] fields = line.split(",\\s*");
        if (fields.length < 10) {
            return null;
        }
        try {
            return new Rate(Double.parseDouble(fields[9].trim()), Double.parseDouble(fields[8].trim()), line.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private List<String> runTool(String name, List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(ChildProcess.java(), "-Xmx512m",
                "-Dlog4j2.configurationFile=" + repoRoot.resolve("deploy/log4j2-tools.properties"),
                "-cp", repoRoot.resolve("deploy/local-runtime/target/lib") + "/*"));
        command.addAll(arguments);
        Path log = workDir.resolve(name + ".log");
        try (ChildProcess tool = ChildProcess.start(name, command, log)) {
            int exit = tool.awaitExit(900);
            if (exit != 0) {
                throw new IllegalStateException(name + " exited with " + exit + ":\n" + tool.logTail());
            }
        }
        return Files.readAllLines(log);
    }
}
