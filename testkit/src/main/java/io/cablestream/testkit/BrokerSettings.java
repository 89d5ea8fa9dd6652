package io.cablestream.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The broker settings of deploy/kafka-broker.properties (copied into this jar at build time), the file
 * deploy/kafka.sh and the load harness's broker read too; the tests' broker has them in-process or in a container.
 */
final class BrokerSettings {

    private static final String RESOURCE = "/io/cablestream/testkit/kafka-broker.properties";
    /** What places the node (its roles, id and listener names): Kafka's test kit sets these itself. */
    static final Set<String> NODE_PLACEMENT = Set.of("process.roles", "node.id", "listener.security.protocol.map",
            "controller.listener.names", "inter.broker.listener.name");

    private BrokerSettings() {
    }

    /** Every setting of the file but the node's placement. */
    static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        all().forEach((name, value) -> {
            if (!NODE_PLACEMENT.contains(name)) {
                settings.put(name, value);
            }
        });
        return settings;
    }

    /** {@link #settings()} and what only the tests' brokers (in-process or a container) change. */
    static Map<String, String> forTests() {
        Map<String, String> settings = settings();
        // fewer partitions of the offsets topic than Kafka's 50: the group coordinator is ready sooner
        settings.put("offsets.topic.num.partitions", "4");
        return settings;
    }

    /**
     * {@link #forTests()} as the apache/kafka image reads them: {@code KAFKA_} and the name with '.' as '_',
     * '_' as '__' and '-' as '___'; the node's placement is Testcontainers' KafkaContainer's.
     */
    static Map<String, String> containerEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        forTests().forEach((name, value) -> environment.put("KAFKA_" + name.toUpperCase(Locale.ROOT)
                .replace("_", "__").replace("-", "___").replace('.', '_'), value));
        return environment;
    }

    static Map<String, String> all() {
        try (InputStream in = BrokerSettings.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path (testkit copies deploy/kafka-broker.properties)");
            }
            Properties properties = new Properties();
            properties.load(in);
            Map<String, String> all = new LinkedHashMap<>();
            properties.stringPropertyNames().forEach(name -> all.put(name, properties.getProperty(name)));
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
