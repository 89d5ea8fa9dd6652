package io.cablestream.load;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** p50, p90, p99 and max of a set of latencies (nearest rank). */
final class Percentiles {

    private Percentiles() {
    }

    static Map<String, Object> of(long[] values) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("count", values.length);
        if (values.length == 0) {
            return result;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        result.put("p50_ms", rank(sorted, 0.50));
        result.put("p90_ms", rank(sorted, 0.90));
        result.put("p99_ms", rank(sorted, 0.99));
        result.put("max_ms", sorted[sorted.length - 1]);
        result.put("min_ms", sorted[0]);
        return result;
    }

    static long rank(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
