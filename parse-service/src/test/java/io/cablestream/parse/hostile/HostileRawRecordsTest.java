package io.cablestream.parse.hostile;

import io.cablestream.events.CableJson;
import io.cablestream.events.DeadLetterHeaders;
import io.cablestream.events.ParsedCable;
import io.cablestream.events.RawCableHeaders;
import io.cablestream.parse.support.RawRecords;
import io.cablestream.testkit.KafkaTestResource;
import io.cablestream.testkit.SampleCables;
import io.cablestream.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile records on cables.raw, each against the running consumer on a real broker: each one is parsed (with
 * warnings where the text is damaged) or dead-lettered with a reason, and the service stays ready, within its heap,
 * and parses the next real cable ({@link StillServing}, after every test).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class HostileRawRecordsTest {

    /** 09NEWDELHI877, a real cable with a full routing header. */
    private static final SampleCables.SampleCable NEW_DELHI = SampleCables.all().get(0);

    @AfterEach
    void serviceStillServes() {
        StillServing.assertStillServing();
    }

    @Test
    void aNullValueIsDeadLetteredAsEmpty() {
        String ingestId = RawRecords.publish(null);

        assertDeadLettered(ingestId, "empty record");
    }

    @Test
    void anEmptyValueIsDeadLetteredAsEmpty() {
        String ingestId = RawRecords.publish(new byte[0]);

        assertDeadLettered(ingestId, "empty record");
    }

    @Test
    void twoMegabytesOfBinaryGarbageAreDeadLetteredWhole() {
        byte[] garbage = new byte[2_000_000];
        new Random(7).nextBytes(garbage);

        String ingestId = RawRecords.publish(garbage);

        var dead = assertDeadLettered(ingestId, "no cable id");
        assertThat(dead.value()).isEqualTo(garbage);
    }

    @Test
    void aCableWithAMillionCharacterLineIsStillParsed() {
        String text = text(NEW_DELHI) + "\n" + "A".repeat(1_000_000) + "\n";

        ParsedCable cable = parsed(RawRecords.publish(text.getBytes(StandardCharsets.UTF_8)));

        assertThat(cable.cableId()).isEqualTo(NEW_DELHI.canonicalId());
        assertThat(cable.rawText()).hasSizeGreaterThan(1_000_000);
    }

    @Test
    void aCableWithTenThousandToLinesIsStillParsed() {
        String text = text(NEW_DELHI);
        int at = text.indexOf("TO RUCNDT/");
        String text10k = text.substring(0, at) + "TO RUEHC/SECSTATE WASHDC IMMEDIATE 6410\n".repeat(10_000)
                + text.substring(at);

        ParsedCable cable = parsed(RawRecords.publish(text10k.getBytes(StandardCharsets.UTF_8)));

        assertThat(cable.cableId()).isEqualTo(NEW_DELHI.canonicalId());
        assertThat(cable.subject()).startsWith("INDIA SELECTS HARDEEP SINGH PURI");
    }

    @Test
    void invalidUtf8InTheValueIsParsedWithAWarning() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(NEW_DELHI.text());
        // a lone continuation byte, an overlong encoding, a truncated sequence, bytes UTF-8 never uses
        bytes.writeBytes(new byte[] {'\n', (byte) 0x80, (byte) 0xC0, (byte) 0xAF, (byte) 0xE2, (byte) 0x82, (byte) 0xFE, (byte) 0xFF, '\n'});

        ParsedCable cable = parsed(RawRecords.publish(bytes.toByteArray()));

        assertThat(cable.cableId()).isEqualTo(NEW_DELHI.canonicalId());
        assertThat(cable.warnings()).extracting(ParsedCable.Warning::code).contains("NOT_UTF8");
    }

    @Test
    void invalidUtf8InTheHeadersIsReadAsReplacementCharacters() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(RawCableHeaders.SOURCE, new byte[] {'f', (byte) 0xFF, (byte) 0xC0, '.', 't', 'x', 't'});
        headers.add(RawCableHeaders.RECEIVED_AT, new byte[] {(byte) 0xFE, (byte) 0x80});
        headers.add(RawCableHeaders.RELEASE_PREFIX + "date", new byte[] {(byte) 0xC3, '(', (byte) 0xA0});

        ParsedCable cable = parsed(RawRecords.publish(NEW_DELHI.text(), headers));

        assertThat(cable.cableId()).isEqualTo(NEW_DELHI.canonicalId());
        assertThat(cable.ingest().source()).isEqualTo("f\uFFFD\uFFFD.txt");
    }

    @Test
    void aHundredKilobyteSourceHeaderIsCarriedAndTheCableParsed() {
        RecordHeaders headers = new RecordHeaders();
        String source = "release/" + "x".repeat(100 * 1024) + ".txt";
        headers.add(RawCableHeaders.SOURCE, source.getBytes(StandardCharsets.UTF_8));

        ParsedCable cable = parsed(RawRecords.publish(NEW_DELHI.text(), headers));

        assertThat(cable.cableId()).isEqualTo(NEW_DELHI.canonicalId());
        assertThat(cable.ingest().source()).isEqualTo(source);
    }

    @Test
    void htmlAndScriptAreKeptAsTextNotInterpreted() {
        String script = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        String text = text(NEW_DELHI).replace("SUBJECT: INDIA SELECTS", "SUBJECT: " + script + " INDIA SELECTS");

        ParsedCable cable = parsed(RawRecords.publish(text.getBytes(StandardCharsets.UTF_8)));

        assertThat(cable.cableId()).isEqualTo(NEW_DELHI.canonicalId());
        assertThat(cable.subject()).contains(script);
        assertThat(cable.rawText()).contains(script);
    }

    @Test
    void sqlAndJsonMetacharactersAreKeptAsText() {
        String hostile = "'; DROP TABLE cable; -- \" \\\" } ] {\"$where\": 1} %_ \\u0000";
        String text = text(NEW_DELHI).replace("SUBJECT: INDIA SELECTS", "SUBJECT: " + hostile + " INDIA SELECTS");
        RecordHeaders headers = new RecordHeaders();
        headers.add(RawCableHeaders.SOURCE, ("x'; DELETE FROM cable; --\"}.txt").getBytes(StandardCharsets.UTF_8));

        ParsedCable cable = parsed(RawRecords.publish(text.getBytes(StandardCharsets.UTF_8), headers));

        assertThat(cable.cableId()).isEqualTo(NEW_DELHI.canonicalId());
        assertThat(cable.subject()).contains(hostile);
        assertThat(cable.ingest().source()).isEqualTo("x'; DELETE FROM cable; --\"}.txt");
    }

    private static ParsedCable parsed(String ingestId) {
        return CableJson.fromJson(RawRecords.parsedWithIngestId(ingestId).value());
    }

    private static org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]> assertDeadLettered(String ingestId,
                                                                                                      String reason) {
        var dead = RawRecords.deadLetterWithIngestId(ingestId);
        assertThat(TopicReader.header(dead, DeadLetterHeaders.REASON)).contains(reason);
        return dead;
    }

    private static String text(SampleCables.SampleCable sample) {
        return new String(sample.text(), StandardCharsets.UTF_8);
    }
}
