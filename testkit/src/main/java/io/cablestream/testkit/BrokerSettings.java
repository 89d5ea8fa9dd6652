package io.cablestream.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The broker settings of deploy/kafka-broker.properties (copied into this jar at build time), the file
 * deploy/kafka.sh and the load harness's broker read too.
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
