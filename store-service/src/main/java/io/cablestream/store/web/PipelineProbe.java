package io.cablestream.store.web;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Asks the pipeline how it is: the services' readiness over HTTP (this one in-process), and each consumer group's
 * lag from the broker (committed offsets against the partitions' ends, Kafka's Admin API). Every question has a
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
            Map<TopicPartition, OffsetSpec> latest = known.keySet().stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin().listOffsets(latest).all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            long lag = 0;
            for (var entry : known.entrySet()) {
                lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
            }
            String topics = String.join(", ", new TreeSet<>(known.keySet().stream().map(TopicPartition::topic).toList()));
            return new PipelineStatus.Stage(stage, group, topics, lag, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PipelineStatus.Stage(stage, group, "", null, "interrupted");
        } catch (ExecutionException e) {
            // e.g. GroupAuthorizationException: the store's principal may not describe that group (kafka-acls.txt)
            return new PipelineStatus.Stage(stage, group, "", null, e.getCause().getClass().getSimpleName());
        } catch (Exception e) {
            return new PipelineStatus.Stage(stage, group, "", null, "broker not reachable");
        }
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
