package io.cablestream.load;

import io.cablestream.events.DeadLetterHeaders;
import io.cablestream.events.RawCableHeaders;
import io.cablestream.testkit.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What went to cables.dead-letter during the run: counts by reason, with the first few sources of each. */
final class DeadLetters {

    private DeadLetters() {
    }

    static Map<String, Object> summary(String bootstrapServers, long expected) {
        List<ConsumerRecord<byte[], byte[]>> records = TopicReader.readUntil(bootstrapServers, "cables.dead-letter",
                read -> read.size() >= expected, Duration.ofSeconds(expected == 0 ? 1 : 30));
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, List<String>> sources = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            String reason = String.valueOf(TopicReader.header(record, DeadLetterHeaders.REASON));
            // the codes are the reason; the parenthesised detail differs per cable
            String key = reason.replaceAll("\\s*\\(.*$", "");
            counts.merge(key, 1, Integer::sum);
            List<String> examples = sources.computeIfAbsent(key, k -> new ArrayList<>());
            if (examples.size() < 5) {
                examples.add(TopicReader.header(record, RawCableHeaders.SOURCE));
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("count", records.size());
        summary.put("by_reason", counts);
        summary.put("example_sources", sources);
        return summary;
    }
}
