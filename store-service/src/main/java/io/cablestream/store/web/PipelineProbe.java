package io.cablestream.store.web;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Asks the pipeline how it is: the services' readiness over HTTP (this one in-process), each consumer group's lag
 * (committed offsets against the partitions' ends) and each topic's records of the last minutes from the broker
 * (Kafka's Admin API). Every question has a
 * short timeout: a service or broker that is away shows as such instead of holding the page.
 */
@ApplicationScoped
public class PipelineProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final Map<String, Object> broker;
    private final SmallRyeHealthReporter health;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private Admin admin;

    public PipelineProbe(@Identifier("default-kafka-broker") Map<String, Object> broker, SmallRyeHealthReporter health) {
        this.broker = broker;
        this.health = health;
    }

    PipelineStatus.Service own() {
        boolean up = !health.getReadiness().isDown();
        return new PipelineStatus.Service("store-service", up, up ? null : "a readiness check is down");
    }

    PipelineStatus.Service readiness(String name, URI url) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            boolean up = response.statusCode() == 200;
            return new PipelineStatus.Service(name, up, up ? null : "HTTP " + response.statusCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PipelineStatus.Service(name, false, "interrupted");
        } catch (Exception e) {
            return new PipelineStatus.Service(name, false, "not reachable at " + url);
        }
    }

    PipelineStatus.Stage lag(String stage, String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetAndMetadata> known = new HashMap<>();
            committed.forEach((partition, offset) -> {
                if (offset != null) {
                    known.put(partition, offset);
                }
            });
            if (known.isEmpty()) {
                return new PipelineStatus.Stage(stage, group, "", null, "no offsets committed yet");
            }
            Map<TopicPartition, Long> ends = offsets(List.copyOf(known.keySet()), OffsetSpec.latest());
            long lag = 0;
            for (var entry : known.entrySet()) {
                lag += Math.max(0, ends.get(entry.getKey()) - entry.getValue().offset());
            }
            String topics = String.join(", ", new TreeSet<>(known.keySet().stream().map(TopicPartition::topic).toList()));
            return new PipelineStatus.Stage(stage, group, topics, lag, null);
        } catch (Exception e) {
            return new PipelineStatus.Stage(stage, group, "", null, unknown(e));
        }
    }

    /**
     * Records {@code topic} received in each of the last {@code windows} minutes before {@code now}, from the
     * broker's time index (the records' timestamps): per partition, its end offset less the first offset at or
     * after the window's start. No state is kept, so every replica of the store shows the same figures.
     */
    PipelineStatus.Rate received(String stage, String topic, List<Integer> windows, Instant now) {
        try {
            List<TopicPartition> partitions = admin().describeTopics(List.of(topic)).allTopicNames()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic).partitions().stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
            List<PipelineStatus.Count> counts = new ArrayList<>();
            for (int minutes : windows) {
                long start = now.minus(Duration.ofMinutes(minutes)).toEpochMilli();
                Map<TopicPartition, Long> firsts = offsets(partitions, OffsetSpec.forTimestamp(start));
                long records = 0;
                for (TopicPartition partition : partitions) {
                    long first = firsts.get(partition);
                    // -1: no record of this partition at or after the start
                    records += first < 0 ? 0 : ends.get(partition) - first;
                }
                counts.add(new PipelineStatus.Count(minutes, records));
            }
            return new PipelineStatus.Rate(stage, topic, counts, null);
        } catch (Exception e) {
            return new PipelineStatus.Rate(stage, topic, List.of(), unknown(e));
        }
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> asked = partitions.stream().collect(Collectors.toMap(p -> p, p -> spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin().listOffsets(asked).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    /** Why the broker could not answer, for the page. */
    private static String unknown(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        if (e instanceof ExecutionException) {
            // e.g. GroupAuthorizationException: the store's principal may not describe that group or topic
            // (kafka-acls.txt)
            return e.getCause().getClass().getSimpleName();
        }
        return "broker not reachable";
    }

    List<PipelineStatus.Service> services(Map<String, URI> urls) {
        List<PipelineStatus.Service> services = new ArrayList<>();
        urls.forEach((name, url) -> services.add(readiness(name, url)));
        services.add(own());
        services.sort(java.util.Comparator.comparing(PipelineStatus.Service::name));
        return services;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> config = new HashMap<>(broker);
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
            admin = Admin.create(config);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
