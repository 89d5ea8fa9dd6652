package io.cablestream.parse.replay;

import io.cablestream.parse.messaging.RawCableProcessor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.microprofile.config.Config;

import java.util.HashMap;
import java.util.Map;

/**
 * The producer settings of the cables-parsed channel, read from its {@code mp.messaging.outgoing.cables-parsed.*}
 * configuration, so that a replay publishes exactly as the live processor does (acks, idempotence, compression,
 * serializers, record size) and a change to the channel reaches both.
 */
final class ParsedProducerConfig {

    static final String CHANNEL_PREFIX = "mp.messaging.outgoing." + RawCableProcessor.PARSED_CHANNEL + ".";

    private ParsedProducerConfig() {
    }

    /**
     * The channel's Kafka producer properties (its connector attributes left out) over the broker settings given
     * (kafka.*: its address and credentials).
     */
    static Map<String, Object> of(Config config, Map<String, Object> broker) {
        Map<String, Object> producer = new HashMap<>(broker);
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(CHANNEL_PREFIX)) {
                String key = name.substring(CHANNEL_PREFIX.length());
                if (ProducerConfig.configNames().contains(key)) {
                    config.getOptionalValue(name, String.class).ifPresent(value -> producer.put(key, value));
                }
            }
        }
        return producer;
    }
}
