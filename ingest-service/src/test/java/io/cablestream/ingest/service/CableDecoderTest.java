package io.cablestream.ingest.service;

import io.cablestream.testkit.SampleCables;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** What ingest adds to the contract's rule (tested in cable-events' CableCharsetTest): UTF-8 bytes kept as they are. */
class CableDecoderTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

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
