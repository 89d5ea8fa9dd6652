package io.cablestream.ingest.domain;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of a request into cable text: the declared charset, else UTF-8, else Windows-1252 (the
 * encoding of the release's non-UTF-8 files), and never a rejection for the encoding alone.
 */
public final class CableDecoder {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private CableDecoder() {
    }

    /** The decoded text and which charset produced it. */
    public record Decoded(String text, String charset, boolean guessed) {
    }

    public static Decoded decode(byte[] body, Charset declared) {
        if (declared != null) {
            return new Decoded(new String(body, declared), declared.name(), false);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
            return new Decoded(text, StandardCharsets.UTF_8.name(), false);
        } catch (CharacterCodingException e) {
            return new Decoded(new String(body, WINDOWS_1252), WINDOWS_1252.name(), true);
        }
    }
}
