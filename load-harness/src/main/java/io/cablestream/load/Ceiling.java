package io.cablestream.load;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The machine's ceiling for the same cables: the bare pipeline, then each stage alone. */
final class Ceiling {

    private Ceiling() {
    }

    static Map<String, Object> measure(Path root, Path work, BrokerProcess broker, PostgresServer postgres,
                                       List<byte[]> cables) throws Exception {
        long bytes = cables.stream().mapToLong(c -> c.length).sum();
        Map<String, Object> ceiling = new LinkedHashMap<>();
        ceiling.put("cables", cables.size());
        ceiling.put("load_average_before", RunInfo.loadAverage());
        try (Connection db = postgres.connect()) {
            LoadHarness.log("ceiling: bare pipeline (keyed idempotent lz4 producer + consumer COPYing 1,000 at a time), %d cables", cables.size());
            double bare = BarePipeline.run(broker.bootstrapServers(), db, cables, 6);
            ceiling.put("bare_pipeline", rate(cables.size(), bytes, bare));
            LoadHarness.log("ceiling: bare pipeline %.0f cables/s", cables.size() / bare);

            LoadHarness.log("ceiling: COPY alone");
            double copy = BarePipeline.copyAlone(db, cables);
            ceiling.put("copy_alone", rate(cables.size(), bytes, copy));
            LoadHarness.log("ceiling: COPY alone %.0f cables/s", cables.size() / copy);
            try (Statement statement = db.createStatement()) {
                // the pipeline's database should not carry the ceiling's rows
                statement.execute("DROP TABLE bare_pipeline");
                statement.execute("DROP TABLE bare_copy");
                statement.execute("CHECKPOINT");
            }
        }
        KafkaPerfTools tools = new KafkaPerfTools(root, work, broker.bootstrapServers());
        Path payloads = tools.payloadFile(cables, 10_000);
        LoadHarness.log("ceiling: ProducerPerformance");
        KafkaPerfTools.Rate produced = tools.produce(payloads, cables.size());
        ceiling.put("producer_performance", Map.of("cables_per_s", produced.recordsPerSecond(),
                "mib_per_s", produced.megabytesPerSecond(), "summary", produced.line()));
        LoadHarness.log("ceiling: ConsumerPerformance");
        KafkaPerfTools.Rate consumed = tools.consume(cables.size());
        ceiling.put("consumer_performance", Map.of("cables_per_s", consumed.recordsPerSecond(),
                "mib_per_s", consumed.megabytesPerSecond(), "summary", consumed.line()));
        try (var admin = broker.admin()) {
            admin.deleteTopics(List.of(BarePipeline.TOPIC, KafkaPerfTools.TOPIC)).all().get();
        }
        return ceiling;
    }

    static Map<String, Object> rate(long count, long bytes, double seconds) {
        Map<String, Object> rate = new LinkedHashMap<>();
        rate.put("seconds", round(seconds));
        rate.put("cables_per_s", round(count / seconds));
        rate.put("mb_per_s", round(bytes / 1e6 / seconds));
        return rate;
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
