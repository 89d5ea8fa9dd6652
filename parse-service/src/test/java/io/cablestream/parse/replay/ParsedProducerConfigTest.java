package io.cablestream.parse.replay;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ParsedProducerConfigTest {

    @Test
    void aReplayPublishesWithTheParsedChannelsProducerSettings() throws IOException {
        URL properties = getClass().getResource("/application.properties");
        Config config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties)).build();

        Map<String, Object> broker = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092",
                "security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "SCRAM-SHA-512");

        Map<String, Object> producer = ParsedProducerConfig.of(config, broker);

        assertThat(producer).containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092")
                .as("it authenticates as the service does").containsAllEntriesOf(broker)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true")
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none")
                .containsEntry(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "8388608")
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, "262144")
                .containsEntry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        assertThat(producer).as("the connector's own attributes are not producer settings")
                .doesNotContainKeys("connector", "topic");
    }
}
