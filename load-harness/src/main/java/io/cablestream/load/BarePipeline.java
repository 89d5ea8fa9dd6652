package io.cablestream.load;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * The machine's ceiling for the same cables: no parsing and one hop. A keyed, idempotent, lz4 producer fills a
 * 6-partition topic while, at the same time, a consumer writes every 1,000 records with one COPY.
 */
final class BarePipeline {

    static final String TOPIC = "cables.bare";
    static final int COPY_ROWS = 1_000;

    private BarePipeline() {
    }

    /** The same producer settings as ingest-service's cables-raw channel. */
    static Map<String, Object> producerConfig(String bootstrapServers) {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.BATCH_SIZE_CONFIG, 262_144,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2_097_152,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    }

    /** Produces and stores every cable; returns the seconds from the first send to the last COPY. */
    static double run(String bootstrapServers, Connection db, List<byte[]> cables, int partitions) throws Exception {
        BareTable copy = BareTable.create(db, "bare_pipeline");
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start = System.nanoTime();
        Thread producerThread = new Thread(() -> {
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(bootstrapServers))) {
                for (int i = 0; i < cables.size(); i++) {
                    producer.send(new ProducerRecord<>(TOPIC, "bare-" + i, cables.get(i)), (m, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    });
                }
                producer.flush();
            } catch (Exception e) {
                failure.compareAndSet(null, e);
            }
        }, "bare-producer");
        Map<String, Object> consumerConfig = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, COPY_ROWS,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4_194_304,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 16_777_216,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        long stored = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig)) {
            List<TopicPartition> all = IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(TOPIC, p)).toList();
            consumer.assign(all);
            consumer.seekToBeginning(all);
            producerThread.start();
            List<String> ids = new ArrayList<>(COPY_ROWS);
            List<byte[]> bodies = new ArrayList<>(COPY_ROWS);
            long idle = System.nanoTime();
            while (stored < cables.size()) {
                if (failure.get() != null) {
                    throw failure.get();
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    ids.add(record.key());
                    bodies.add(record.value());
                    idle = System.nanoTime();
                    if (ids.size() == COPY_ROWS) {
                        stored += copy.write(ids, bodies);
                        ids.clear();
                        bodies.clear();
                    }
                }
                if (!ids.isEmpty() && stored + ids.size() >= cables.size()) {
                    stored += copy.write(ids, bodies);
                    ids.clear();
                    bodies.clear();
                }
                if (System.nanoTime() - idle > 60_000_000_000L) {
                    throw new IllegalStateException("the bare pipeline stalled at " + stored + " rows");
                }
            }
        } finally {
            producerThread.join();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** COPY alone: the cables written 1,000 per COPY from memory; returns the seconds. */
    static double copyAlone(Connection db, List<byte[]> cables) throws Exception {
        BareTable copy = BareTable.create(db, "bare_copy");
        long start = System.nanoTime();
        for (int from = 0; from < cables.size(); from += COPY_ROWS) {
            int to = Math.min(cables.size(), from + COPY_ROWS);
            List<String> ids = IntStream.range(from, to).mapToObj(i -> "copy-" + i).toList();
            copy.write(ids, cables.subList(from, to));
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
