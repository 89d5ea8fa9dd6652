package io.cablestream.ingest.domain;

import io.cablestream.testkit.SampleCables;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CableDecoderTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** The JDK's strict decoder: the definition of well-formed UTF-8 the word-at-a-time check must agree with. */
    private static boolean jdkDecodes(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Test
    void wellFormedUtf8IsWhatTheJdkDecoderAccepts() {
        byte[][] edges = {{}, {(byte) 0xC2, (byte) 0xB6}, {(byte) 0xC1, (byte) 0xBF}, {(byte) 0xE0, (byte) 0x9F,
                (byte) 0xBF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xEF, (byte) 0xBF, (byte) 0xBF},
                {(byte) 0xF0, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80,
                (byte) 0x80}, {(byte) 0xF4, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF}, {(byte) 0xF5, (byte) 0x80},
                {(byte) 0xE2, (byte) 0x82}, {(byte) 0x80}, {(byte) 0xFF}};
        for (byte[] edge : edges) {
            assertThat(CableDecoder.isWellFormedUtf8(edge)).as(java.util.HexFormat.of().formatHex(edge))
                    .isEqualTo(jdkDecodes(edge));
        }
        Random random = new Random(1966);
        byte[] pieces = "A \n\u00b6\u20ac\ud83d\ude00".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 200_000; i++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int j = 0; j < bytes.length; j++) {
                // mostly pieces of real UTF-8, so that long well-formed runs occur, with random bytes among them
                bytes[j] = random.nextInt(8) == 0 ? (byte) random.nextInt(256) : pieces[random.nextInt(pieces.length)];
            }
            assertThat(CableDecoder.isWellFormedUtf8(bytes)).as(java.util.HexFormat.of().formatHex(bytes))
                    .isEqualTo(jdkDecodes(bytes));
        }
    }

    @Test
    void utf8BytesAreKeptAsTheyAre() {
        byte[] cable = SampleCables.all().get(0).text();
        CableDecoder.Decoded decoded = CableDecoder.decode(cable, null);
        assertThat(decoded.utf8()).isSameAs(cable);
        assertThat(decoded.charset()).isEqualTo("UTF-8");
        assertThat(decoded.guessed()).isFalse();
    }

    @Test
    void undeclaredBytesThatAreNotUtf8AreReadAsWindows1252AndSaySo() {
        String text = "\u00b61. (U) Caf\u00e9, 5\u20ac.";
        CableDecoder.Decoded decoded = CableDecoder.decode(text.getBytes(WINDOWS_1252), null);
        assertThat(new String(decoded.utf8(), StandardCharsets.UTF_8)).isEqualTo(text);
        assertThat(decoded.charset()).isEqualTo("windows-1252");
        assertThat(decoded.guessed()).isTrue();
    }

    @Test
    void aDeclaredCharsetIsApplied() {
        String text = "\u00b61. (U) Caf\u00e9, 5\u20ac.";
        Charset latin9 = Charset.forName("ISO-8859-15");
        CableDecoder.Decoded decoded = CableDecoder.decode(text.getBytes(latin9), latin9);
        assertThat(new String(decoded.utf8(), StandardCharsets.UTF_8)).isEqualTo(text);
        assertThat(decoded.charset()).isEqualTo("ISO-8859-15");
        assertThat(decoded.guessed()).isFalse();
        CableDecoder.Decoded declaredUtf8 = CableDecoder.decode(text.getBytes(WINDOWS_1252), StandardCharsets.UTF_8);
        assertThat(new String(declaredUtf8.utf8(), StandardCharsets.UTF_8)).as("the JDK's replacement characters")
                .isEqualTo(new String(text.getBytes(WINDOWS_1252), StandardCharsets.UTF_8));
        assertThat(declaredUtf8.guessed()).isFalse();
    }
}
