package io.cablestream.store.support;

import io.cablestream.events.CableJson;
import io.cablestream.events.ParsedCable;
import io.cablestream.events.Topics;
import io.cablestream.testkit.KafkaBroker;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds ParsedCable events and publishes them to cables.parsed as parse-service would. */
public final class ParsedCableEvents {

    private ParsedCableEvents() {
    }

    public static ParsedCable cable(String id, String parserVersion, String subject, String... tags) {
        return ParsedCable.builder()
                .parserVersion(parserVersion)
                .cableId(id)
                .dtg(Instant.parse("2009-04-07T15:27:00Z"))
                .classification("CONFIDENTIAL")
                .caveats(List.of("SIPDIS"))
                .from("AMEMBASSY PARIS")
                .to(List.of(new ParsedCable.Recipient("RUEHC", "SECSTATE WASHDC", "PRIORITY", "6323")))
                .tags(java.util.Arrays.stream(tags).map(t -> new ParsedCable.Tag(t, ParsedCable.TagKind.SUBJECT))
                        .toList())
                .subject(subject)
                .references(List.of(new ParsedCable.Reference("A", "09STATE1234", "STATE 1234")))
                .signers(List.of("RIVKIN"))
                .redactions(0)
                .ingest(new ParsedCable.Ingest("ingest-" + id, null, Instant.parse("2026-11-28T00:00:00Z"), "test",
                        null))
                .rawText("CONFIDENTIAL PARIS 000123\nSUBJECT: " + subject)
                .build();
    }

    public static void publish(ParsedCable... cables) {
        try (var producer = producer()) {
            for (ParsedCable cable : cables) {
                producer.send(new ProducerRecord<>(Topics.PARSED, cable.cableId(), CableJson.toJson(cable))).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes the events to a topic, keyed by cable id, and waits for the broker's acknowledgement of all. */
    public static void publishTo(String topic, List<ParsedCable> cables) {
        try (var producer = producer()) {
            List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
            for (ParsedCable cable : cables) {
                sent.add(producer.send(new ProducerRecord<>(topic, cable.cableId(), CableJson.toJson(cable))));
            }
            for (var future : sent) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes one event with record headers, e.g. the traceparent parse-service passes on. */
    public static void publishWithHeaders(ParsedCable cable, Map<String, String> headers) {
        try (var producer = producer()) {
            var record = new ProducerRecord<>(Topics.PARSED, cable.cableId(), CableJson.toJson(cable));
            headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void publishRaw(String key, String value) {
        try (var producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.PARSED, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }
}
