package io.cablestream.store.support;

import io.cablestream.events.Topics;
import io.cablestream.testkit.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * The design's topic limits on the test broker (cables.parsed and cables.dead-letter take 9 MiB records, the
 * broker's default is 1 MiB), and a producer that sends such records with headers, as parse-service would.
 */
public final class BigRecords {

    public static final int MAX_BYTES = 9 * 1024 * 1024;

    private BigRecords() {
    }

    public static synchronized void allowOnTheTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBroker.shared().bootstrapServers()))) {
            for (String topic : List.of(Topics.PARSED, Topics.DEAD_LETTER)) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
                Collection<AlterConfigOp> ops = List.of(new AlterConfigOp(new ConfigEntry(
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(MAX_BYTES)), AlterConfigOp.OpType.SET));
                admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic), ops))
                        .all().get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends one record (key and value may be null) and waits for the broker's acknowledgement. */
    public static void send(String topic, byte[] key, byte[] value, Map<String, byte[]> headers) {
        try (var producer = new KafkaProducer<byte[], byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_BYTES,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            var record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, v) -> record.headers().add(name, v));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
