package io.cablestream.load;

import io.cablestream.parser.CableParser;
import io.cablestream.testkit.CableFeed;
import io.cablestream.testkit.ServiceProcess;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Starts the broker, PostgreSQL and the three services as separate processes, feeds N corpus cables through the
 * ingest API, measures until the last one is stored, measures the machine's ceiling for the same cables, and
 * writes a JSON result and a plot.
 */
@Command(name = "load-harness", mixinStandardHelpOptions = true, sortOptions = false, subcommands = FaultMatrix.class,
        description = "End-to-end load run of cable-stream against the machine's ceiling for the same cables.")
public final class LoadHarness implements Callable<Integer> {

    @Option(names = "--cables", description = "cables to feed (default ${DEFAULT-VALUE})")
    int cables = 50_000;
    @Option(names = "--rate", description = "offered cables/s; 0 sends as fast as ingest answers (default ${DEFAULT-VALUE})")
    double rate = 0;
    @Option(names = "--batch", description = "cables per request (default: 500, or 50 with --rate)")
    Integer batch;
    @Option(names = "--connections", description = "concurrent client connections (default ${DEFAULT-VALUE})")
    int connections = 4;
    @Option(names = "--ceiling", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "measure the bare pipeline and each stage alone first (default true)")
    boolean ceiling;
    @Option(names = "--ceiling-cables", description = "cables for the ceiling runs (default: --cables)")
    Integer ceilingCables;
    @Option(names = "--service-heap", description = "-Xmx of each service (default ${DEFAULT-VALUE}, as bin/cables)")
    String serviceHeap = "256m";
    @Option(names = "--broker-heap", description = "-Xmx of the broker (default ${DEFAULT-VALUE}, as deploy/kafka.sh)")
    String brokerHeap = "512m";
    @Option(names = "--env", description = "a setting for a service process: SERVICE:NAME=VALUE, SERVICE one of "
            + "ingest-service, parse-service, store-service or all (repeatable)")
    List<String> environment = new ArrayList<>();
    @Option(names = "--release-header", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "put the release's refid/date/classification lines (corpus metadata.jsonl) above each text, "
                    + "as cables.csv carries them (default true)")
    boolean releaseHeader;
    @Option(names = "--jfr", description = "record a JFR profile of each service (target/runs/<run>/jfr/)")
    boolean jfr;
    @Option(names = "--label", description = "a word for this run in the result (e.g. baseline)")
    String label = "";
    @Option(names = "--repo", description = "the repository root (default: the working directory)")
    Path repo = Path.of(".");
    @Option(names = "--warm-up", description = "seconds after the first request whose cables the warm latency "
            + "figures leave out: the services' JIT compilation (default ${DEFAULT-VALUE})")
    int warmUpSeconds = 30;
    @Option(names = "--no-plot-copy", description = "do not copy the plot to docs/load-latest.png")
    boolean noPlotCopy;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(new CommandLine(new LoadHarness()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path root = repo.toAbsolutePath().normalize();
        if (!Files.exists(root.resolve("load-harness/pom.xml"))) {
            throw new IllegalStateException(root + " is not the cable-stream repository (use --repo)");
        }
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
        Path work = Files.createDirectories(root.resolve("load-harness/target/runs").resolve(stamp));
        int batchSize = batch != null ? batch : rate > 0 ? 50 : 500;

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("run", stamp);
        result.put("label", label);
        result.put("git_commit", RunInfo.gitCommit(root));
        result.put("options", Map.of("cables", cables, "rate", rate, "batch", batchSize, "connections", connections,
                "service_heap", serviceHeap, "broker_heap", brokerHeap, "env", environment, "jfr", jfr,
                "release_header", releaseHeader, "warm_up_seconds", warmUpSeconds));
        result.put("machine", RunInfo.machine());
        result.put("load_average_before", RunInfo.loadAverage());
        log("run %s in %s; load average %s", stamp, work, java.util.Arrays.toString(RunInfo.loadAverage()));

        Deque<AutoCloseable> running = new ArrayDeque<>();
        Thread stopAll = new Thread(() -> closeAll(running), "load-harness-stop");
        Runtime.getRuntime().addShutdownHook(stopAll);
        PipelineRun run;
        try {
            List<byte[]> feed = asUtf8(CableFeed.cables(root, cables));
            if (releaseHeader && CableFeed.corpusCables(root).isPresent()) {
                ReleaseHeaders headers = ReleaseHeaders.read(CableFeed.corpusCables(root).get());
                for (int i = 0; i < feed.size(); i++) {
                    feed.set(i, headers.withHeader(i, feed.get(i)));
                }
            }
            long bytes = feed.stream().mapToLong(c -> c.length).sum();
            result.put("corpus", Map.of("cables", feed.size(), "bytes", bytes,
                    "source", CableFeed.corpusCables(root).map(Path::toString).orElse("samples/")));
            Path services = RunInfo.snapshotServices(root, work);

            BrokerProcess broker = BrokerProcess.start(root, work, brokerHeap);
            running.push(broker);
            log("broker on %s (pid %d)", broker.bootstrapServers(), broker.pid());
            PostgresServer postgres = PostgresServer.start(root, work);
            running.push(postgres);
            log("postgres %s (postmaster pid %d, %s)", postgres.jdbcUrl(), postgres.postmasterPid(),
                    postgres.embedded() ? "embedded, own process" : "configured server");
            broker.createPipelineTopics();
            broker.createTopics(Map.of(BarePipeline.TOPIC, 6, KafkaPerfTools.TOPIC, 6));

            if (ceiling) {
                int n = ceilingCables != null ? ceilingCables : cables;
                result.put("ceiling", Ceiling.measure(root, work, broker, postgres, feed.subList(0, Math.min(n, feed.size()))));
            }

            Map<String, ServiceProcess> started = startServices(services, work, broker, postgres, running);
            List<MeteredProcess> meters = List.of(
                    new MeteredProcess("kafka", broker.pid(), false),
                    new MeteredProcess("postgres", postgres.postmasterPid(), true),
                    new MeteredProcess("ingest-service", started.get("ingest-service").pid(), false),
                    new MeteredProcess("parse-service", started.get("parse-service").pid(), false),
                    new MeteredProcess("store-service", started.get("store-service").pid(), false),
                    new MeteredProcess("load-harness", ProcessHandle.current().pid(), false));
            IngestFeeder feeder = new IngestFeeder(started.get("ingest-service").baseUrl(), feed, batchSize,
                    connections, rate);
            run = new PipelineRun(broker, postgres, feeder, meters, warmUpSeconds);
            run.execute();
            Map<String, Object> figures = run.figures(bytes);
            figures.put("dead_letter_reasons", DeadLetters.summary(broker.bootstrapServers(),
                    ((Number) figures.get("dead_letters")).longValue()));
            result.put("pipeline", figures);
            run.sampler().close();
        } finally {
            closeAll(running);
            Runtime.getRuntime().removeShutdownHook(stopAll);
        }
        result.put("load_average_after", RunInfo.loadAverage());
        List<String> lines = Report.lines(result);
        Report.write(root, stamp, result, run.sampler().samples, lines, !noPlotCopy);
        lines.forEach(System.out::println);
        return run.complete() ? 0 : 1;
    }

    private Map<String, ServiceProcess> startServices(Path services, Path work, BrokerProcess broker,
                                                     PostgresServer postgres, Deque<AutoCloseable> running)
            throws Exception {
        Map<String, ServiceProcess> started = new LinkedHashMap<>();
        // store first (its migration makes the table), ingest last (nothing is accepted before it can flow on)
        for (String name : List.of("store-service", "parse-service", "ingest-service")) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
            env.put("CABLES_DB_URL", postgres.jdbcUrl());
            env.put("CABLES_DB_USER", postgres.user());
            env.put("CABLES_DB_PASSWORD", postgres.password());
            env.putAll(RunInfo.overrides(environment, name));
            if (jfr) {
                // added to the JVM options an --env may give, e.g. JAVA_TOOL_OPTIONS=-Xmn160m
                Path recording = Files.createDirectories(work.resolve("jfr")).resolve(name + ".jfr");
                env.merge("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=filename=" + recording
                        + ",settings=profile,dumponexit=true", (given, recorder) -> given + " " + recorder);
            }
            ServiceProcess service = ServiceProcess.start(services, name, serviceHeap, env, work.resolve("logs"));
            running.push(service);
            service.awaitReady(Duration.ofSeconds(240));
            log("%s ready on %s (pid %d)%s", name, service.baseUrl(), service.pid(),
                    RunInfo.overrides(environment, name).isEmpty() ? "" : " with " + RunInfo.overrides(environment, name));
            started.put(name, service);
        }
        return started;
    }

    private static void closeAll(Deque<AutoCloseable> running) {
        synchronized (running) {
            while (!running.isEmpty()) {
                try {
                    running.pop().close();
                } catch (Exception e) {
                    System.err.println("stopping: " + e);
                }
            }
        }
    }

    /**
     * The texts as ingest would publish them, in a mutable list the release headers are then set into: a corpus
     * file that is not UTF-8 (Windows-1252 pilcrows, 0xB6) read the way ingest and the parser read it, so that the
     * pipeline and the ceiling get the same bytes (the ceiling's COPY refuses invalid UTF-8).
     */
    private static List<byte[]> asUtf8(List<byte[]> cables) {
        List<byte[]> utf8 = new ArrayList<>(cables.size());
        for (byte[] cable : cables) {
            utf8.add(CableParser.text(cable).getBytes(StandardCharsets.UTF_8));
        }
        return utf8;
    }

    static void log(String format, Object... args) {
        System.err.printf("[load-harness %s] %s%n", java.time.LocalTime.now(ZoneOffset.UTC).withNano(0),
                String.format(format, args));
    }
}
