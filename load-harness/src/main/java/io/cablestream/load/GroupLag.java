package io.cablestream.load;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** How far a consumer group's committed offsets are behind the end of a topic, partition by partition. */
final class GroupLag {

    /** A partition's committed offset (-1: none) and end offset. */
    record Position(long committed, long end) {

        long lag() {
            return end - Math.max(committed, 0);
        }

        @Override
        public String toString() {
            return committed + "/" + end;
        }
    }

    private GroupLag() {
    }

    static Map<Integer, Position> of(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, Long> ends = endOffsets(admin, topic);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<Integer, Position> positions = new TreeMap<>();
        for (var end : ends.entrySet()) {
            OffsetAndMetadata offset = committed.get(end.getKey());
            positions.put(end.getKey().partition(), new Position(offset == null ? -1 : offset.offset(), end.getValue()));
        }
        return positions;
    }

    /** The records a topic holds (the sum of its end offsets: nothing is deleted, retention is infinite). */
    static long records(Admin admin, String topic) throws Exception {
        return endOffsets(admin, topic).values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                .get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e
                : admin.listOffsets(request).all().get(10, TimeUnit.SECONDS).entrySet()) {
            ends.put(e.getKey(), e.getValue().offset());
        }
        return ends;
    }

    static long total(Admin admin, String group, String topic) throws Exception {
        return of(admin, group, topic).values().stream().mapToLong(Position::lag).sum();
    }
}
