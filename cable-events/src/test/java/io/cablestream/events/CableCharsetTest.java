package io.cablestream.events;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CableCharsetTest {

    private static final byte[][] EDGES = {{}, {(byte) 0xC2, (byte) 0xB6}, {(byte) 0xC1, (byte) 0xBF}, {(byte) 0xE0,
            (byte) 0x9F, (byte) 0xBF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xEF, (byte) 0xBF, (byte) 0xBF},
            {(byte) 0xF0, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80,
            (byte) 0x80}, {(byte) 0xF4, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF}, {(byte) 0xF5, (byte) 0x80},
            {(byte) 0xE2, (byte) 0x82}, {(byte) 0x80}, {(byte) 0xFF}};

    /** The JDK's strict decoder: the definition of well-formed UTF-8 the word-at-a-time code must agree with. */
    private static String jdkDecodes(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Mostly pieces of real UTF-8, so that long well-formed runs occur, with random bytes among them. */
    private static byte[] randomBytes(Random random) {
        byte[] pieces = "A \n\u00b6\u00e9\u20ac\ud83d\ude00".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[random.nextInt(40)];
        for (int j = 0; j < bytes.length; j++) {
            bytes[j] = random.nextInt(8) == 0 ? (byte) random.nextInt(256) : pieces[random.nextInt(pieces.length)];
        }
        return bytes;
    }

    @Test
    void wellFormedUtf8IsWhatTheJdkDecoderAccepts() {
        for (byte[] edge : EDGES) {
            assertThat(CableCharset.isWellFormedUtf8(edge)).as(HexFormat.of().formatHex(edge))
                    .isEqualTo(jdkDecodes(edge) != null);
        }
        Random random = new Random(1966);
        for (int i = 0; i < 200_000; i++) {
            byte[] bytes = randomBytes(random);
            assertThat(CableCharset.isWellFormedUtf8(bytes)).as(HexFormat.of().formatHex(bytes))
                    .isEqualTo(jdkDecodes(bytes) != null);
        }
    }

    @Test
    void undeclaredBytesAreUtf8WhenTheJdkSaysSoElseWindows1252Guessed() {
        Random random = new Random(1967);
        for (int i = 0; i < 200_000; i++) {
            byte[] bytes = i < EDGES.length ? EDGES[i] : randomBytes(random);
            String utf8 = jdkDecodes(bytes);
            CableCharset.Decoded decoded = CableCharset.decode(bytes);
            if (utf8 != null) {
                assertThat(decoded).as(HexFormat.of().formatHex(bytes))
                        .isEqualTo(new CableCharset.Decoded(utf8, StandardCharsets.UTF_8, false));
            } else {
                assertThat(decoded).as(HexFormat.of().formatHex(bytes)).isEqualTo(
                        new CableCharset.Decoded(new String(bytes, CableCharset.WINDOWS_1252), CableCharset.WINDOWS_1252, true));
            }
        }
    }

    @Test
    void aCp1252PilcrowIsReadAsWindows1252AndSaysSo() {
        String text = "\u00b61. (U) Caf\u00e9, 5\u20ac.";
        CableCharset.Decoded decoded = CableCharset.decode(text.getBytes(CableCharset.WINDOWS_1252));
        assertThat(decoded.text()).isEqualTo(text);
        assertThat(decoded.charset().name()).isEqualTo("windows-1252");
        assertThat(decoded.guessed()).isTrue();
        assertThat(CableCharset.decode(text.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new CableCharset.Decoded(text, StandardCharsets.UTF_8, false));
    }

    @Test
    void aDeclaredCharsetIsAppliedAsTheJdkDecodesIt() {
        String text = "\u00b61. (U) Caf\u00e9, 5\u20ac.";
        Charset latin9 = Charset.forName("ISO-8859-15");
        assertThat(CableCharset.decode(text.getBytes(latin9), latin9))
                .isEqualTo(new CableCharset.Decoded(text, latin9, false));
        byte[] notUtf8 = text.getBytes(CableCharset.WINDOWS_1252);
        assertThat(CableCharset.decode(notUtf8, StandardCharsets.UTF_8).text()).as("the JDK's replacement characters")
                .isEqualTo(new String(notUtf8, StandardCharsets.UTF_8));
    }
}
