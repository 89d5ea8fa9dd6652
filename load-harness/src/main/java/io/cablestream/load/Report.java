package io.cablestream.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The result: load-harness/results/<run>.json and latest.json, the plot, and the closing lines. */
final class Report {

    private Report() {
    }

    static void write(Path root, String stamp, Map<String, Object> result, List<PipelineSampler.Sample> samples,
                      List<String> lines, boolean copyPlot) throws Exception {
        Path results = Files.createDirectories(root.resolve("load-harness/results"));
        result.put("summary", lines);
        result.put("samples", samples);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path file = results.resolve(stamp + ".json");
        json.writeValue(file.toFile(), result);
        Files.copy(file, results.resolve("latest.json"), StandardCopyOption.REPLACE_EXISTING);
        Path png = results.resolve(stamp + ".png");
        ThroughputPlot.write(samples, "cable-stream " + stamp + " " + result.getOrDefault("label", ""), png);
        if (copyPlot) {
            Path docs = Files.createDirectories(root.resolve("docs"));
            Files.copy(png, docs.resolve("load-latest.png"), StandardCopyOption.REPLACE_EXISTING);
        }
        lines.add(String.format("RESULT files: %s, %s", root.relativize(file), root.relativize(png)));
    }

    @SuppressWarnings("unchecked")
    static List<String> lines(Map<String, Object> result) {
        List<String> lines = new ArrayList<>();
        Map<String, Object> pipeline = (Map<String, Object>) result.get("pipeline");
        Map<String, Object> e2e = (Map<String, Object>) pipeline.getOrDefault("end_to_end", Map.of());
        Map<String, Object> options = (Map<String, Object>) result.get("options");
        lines.add(f("RESULT pipeline: %s of %s cables stored (%s) in %s s: %s cables/s end to end, %s MB/s; steady (10-90%%) %s cables/s; offered %s",
                pipeline.get("stored"), pipeline.get("accepted"), Boolean.TRUE.equals(pipeline.get("complete")) ? "complete" : "INCOMPLETE",
                e2e.get("seconds"), e2e.get("cables_per_s"), e2e.get("mb_per_s"), pipeline.get("steady_cables_per_s"),
                ((Number) options.get("rate")).doubleValue() > 0 ? options.get("rate") + " cables/s" : "as fast as ingest answers"));
        Map<String, Object> ack = (Map<String, Object>) pipeline.get("latency_ack_to_stored");
        Map<String, Object> received = (Map<String, Object>) pipeline.get("latency_received_to_stored");
        lines.add(f("RESULT latency ingest ack -> stored: p50 %s ms, p99 %s ms, max %s ms (received -> stored: p50 %s, p99 %s, max %s ms)",
                ack.get("p50_ms"), ack.get("p99_ms"), ack.get("max_ms"), received.get("p50_ms"), received.get("p99_ms"), received.get("max_ms")));
        Map<String, Object> warm = (Map<String, Object>) pipeline.get("latency_ack_to_stored_warm");
        if (warm != null) {
            lines.add(f("RESULT latency of the %s cables acknowledged after the first %s s (JIT warm-up): p50 %s ms, p99 %s ms, max %s ms",
                    warm.get("count"), warm.get("acknowledged_after_seconds"), warm.get("p50_ms"), warm.get("p99_ms"),
                    warm.get("max_ms")));
        }
        Map<String, Object> ceiling = (Map<String, Object>) result.get("ceiling");
        if (ceiling != null) {
            Map<String, Object> bare = (Map<String, Object>) ceiling.get("bare_pipeline");
            double ratio = e2e.isEmpty() ? 0 : ((Number) e2e.get("cables_per_s")).doubleValue()
                    / ((Number) bare.get("cables_per_s")).doubleValue();
            pipeline.put("ratio_to_bare_pipeline", Math.round(ratio * 100) / 100.0);
            lines.add(f("RESULT ceiling (%s cables): bare pipeline %s cables/s (%s MB/s); pipeline/ceiling = %.2f; alone: producer %s/s, consumer %s/s, COPY %s/s",
                    ceiling.get("cables"), bare.get("cables_per_s"), bare.get("mb_per_s"), ratio,
                    Math.round(((Number) ((Map<String, Object>) ceiling.get("producer_performance")).get("cables_per_s")).doubleValue()),
                    Math.round(((Number) ((Map<String, Object>) ceiling.get("consumer_performance")).get("cables_per_s")).doubleValue()),
                    ((Map<String, Object>) ceiling.get("copy_alone")).get("cables_per_s")));
        }
        StringBuilder processes = new StringBuilder("RESULT cpu s (cores avg, ms/cable) / peak RSS MB:");
        ((Map<String, Map<String, Object>>) pipeline.get("processes")).forEach((name, p) -> processes.append(
                f(" %s %s (%s, %s) / %s;", name, p.get("cpu_seconds"), p.get("cpu_cores_avg"), p.get("cpu_ms_per_cable"),
                        p.get("peak_rss_mb_sampled"))));
        lines.add(processes.toString());
        double[] before = (double[]) result.get("load_average_before");
        lines.add(f("RESULT load average: before %s, during the load mean %s max %s (1 min)",
                before.length > 0 ? before[0] : "?", pipeline.get("load_average_1m_mean"), pipeline.get("load_average_1m_max")));
        return lines;
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
