package io.cablestream.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Waits until the local broker answers, then creates the pipeline's topics that are missing.
 *
 * <p>Usage: {@code LocalTopics <bootstrap> <timeout-seconds> <topic>:<partitions>...}. One JVM for the wait and
 * every topic, where kafka-topics would start one per topic.
 */
public final class LocalTopics {

    private LocalTopics() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: LocalTopics <bootstrap> <timeout-seconds> <topic>:<partitions>...");
            System.exit(2);
        }
        List<NewTopic> wanted = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            String[] topic = args[i].split(":", 2);
            // replication factor 1: there is one broker
            wanted.add(new NewTopic(topic[0], Integer.parseInt(topic[1]), (short) 1));
        }
        Instant deadline = Instant.now().plusSeconds(Long.parseLong(args[1]));
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0],
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = awaitTopicNames(admin, deadline);
            for (NewTopic topic : wanted) {
                if (existing.contains(topic.name())) {
                    continue;
                }
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                    System.out.printf("created topic %s (%d partitions)%n", topic.name(), topic.numPartitions());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    /** Listing topics succeeds only once the broker has joined its controller and serves metadata. */
    private static Set<String> awaitTopicNames(Admin admin, Instant deadline) throws InterruptedException {
        while (true) {
            try {
                return admin.listTopics().names().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                if (Instant.now().isAfter(deadline)) {
                    System.err.println("broker did not answer in time: " + e);
                    System.exit(1);
                }
                Thread.sleep(500);
            }
        }
    }
}
