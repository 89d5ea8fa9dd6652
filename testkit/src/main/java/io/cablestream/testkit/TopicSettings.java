package io.cablestream.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The topic settings of deploy/topics.env (copied into this jar at build time), the file every local start reads:
 * partitions, replication factor and the topic configs (retention.ms, max.message.bytes, min.insync.replicas).
 */
public record TopicSettings(int partitions, short replicationFactor, Map<String, String> configs) {

    private static final String RESOURCE = "/io/cablestream/testkit/topics.env";

    /** The settings of a pipeline topic ({@code cables.raw} -> the {@code CABLES_RAW_*} keys). */
    public static TopicSettings of(String topic) {
        Map<String, String> env = env();
        String prefix = "CABLES_" + topic.substring(topic.indexOf('.') + 1).toUpperCase(Locale.ROOT).replace('-', '_') + "_";
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put("retention.ms", required(env, prefix + "RETENTION_MS"));
        configs.put("max.message.bytes", required(env, prefix + "MAX_MESSAGE_BYTES"));
        configs.put("min.insync.replicas", required(env, "CABLES_TOPIC_MIN_INSYNC_REPLICAS"));
        return new TopicSettings(Integer.parseInt(required(env, prefix + "PARTITIONS")),
                Short.parseShort(required(env, "CABLES_TOPIC_REPLICATION_FACTOR")), Map.copyOf(configs));
    }

    /** The KEY=value lines of topics.env. */
    static Map<String, String> env() {
        try (InputStream in = TopicSettings.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path (testkit copies deploy/topics.env)");
            }
            Map<String, String> env = new LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    env.put(line.substring(0, line.indexOf('=')).trim(), line.substring(line.indexOf('=') + 1).trim());
                }
            }
            return env;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String required(Map<String, String> env, String key) {
        String value = env.get(key);
        if (value == null) {
            throw new IllegalStateException("deploy/topics.env has no " + key);
        }
        return value;
    }
}
