package io.cablestream.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What deploy/kafka.sh runs once the local broker is started: waits until it answers, gives the services their
 * principals and ACLs ({@link LocalKafkaAccess}), then creates or corrects the topics ({@link LocalTopics}).
 *
 * <p>Usage: {@code LocalKafkaSetup <admin-client.properties> <acls-file> <credentials-dir> <timeout-seconds>
 * <replication-factor> <topic>:<partitions>[:<config>=<value>,...]...}. One JVM for all of it, where Kafka's tools
 * would start one per topic and per ACL.
 */
public final class LocalKafkaSetup {

    private LocalKafkaSetup() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: LocalKafkaSetup <admin-client.properties> <acls-file> <credentials-dir> "
                    + "<timeout-seconds> <replication-factor> <topic>:<partitions>[:<config>=<value>,...]...");
            System.exit(2);
        }
        Properties client = load(Path.of(args[0]));
        client.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        client.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        KafkaAcls acls = KafkaAcls.read(Path.of(args[1]));
        Instant deadline = Instant.now().plusSeconds(Long.parseLong(args[3]));
        short replicationFactor = Short.parseShort(args[4]);
        List<LocalTopics.Wanted> wanted = new ArrayList<>();
        for (int i = 5; i < args.length; i++) {
            wanted.add(LocalTopics.Wanted.parse(args[i], replicationFactor));
        }
        try (Admin admin = Admin.create(client)) {
            Set<String> topics = awaitTopicNames(admin, deadline);
            LocalKafkaAccess.apply(admin, acls, Path.of(args[2]), System.out);
            LocalTopics.ensure(admin, topics, wanted, System.out);
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties;
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
