package io.cablestream.ingest.service;

import io.cablestream.events.CableCharset;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of a request into the UTF-8 of the cable's text by the contract's rule ({@link CableCharset}:
 * the declared charset, else UTF-8, else Windows-1252), and never a rejection for the encoding alone.
 * Bytes that are already well-formed UTF-8 (nearly every cable) are kept as they are, without decoding them.
 */
public final class CableDecoder {

    private CableDecoder() {
    }

    /** The text as UTF-8, which charset it was decoded from, and whether that charset was guessed. */
    public record Decoded(byte[] utf8, String charset, boolean guessed) {
    }

    public static Decoded decode(byte[] body, Charset declared) {
        boolean utf8Declared = StandardCharsets.UTF_8.equals(declared);
        if ((declared == null || utf8Declared) && CableCharset.isWellFormedUtf8(body)) {
            return new Decoded(body, StandardCharsets.UTF_8.name(), false);
        }
        if (declared == null && hasUtf16ByteOrderMark(body)) {
            // the mark says which UTF-16 it is; read as Windows-1252 it would be every other byte a NUL
            return new Decoded(CableNormaliser.utf8(new String(body, StandardCharsets.UTF_16)),
                    StandardCharsets.UTF_16.name(), false);
        }
        // malformed bytes of a declared UTF-8 become U+FFFD, as the JDK decodes them; undeclared ones are cp1252
        CableCharset.Decoded text = CableCharset.decode(body, declared);
        return new Decoded(CableNormaliser.utf8(text.text()), text.charset().name(), text.guessed());
    }

    private static boolean hasUtf16ByteOrderMark(byte[] body) {
        return body.length >= 2 && ((body[0] == (byte) 0xFE && body[1] == (byte) 0xFF)
                || (body[0] == (byte) 0xFF && body[1] == (byte) 0xFE));
    }

    /**
     * Text a client already decoded, from bytes in {@code decodedFrom} (null: not said, UTF-8 is recorded).
     */
    public static Decoded ofText(String text, Charset decodedFrom, boolean guessed) {
        return new Decoded(CableNormaliser.utf8(text),
                (decodedFrom == null ? StandardCharsets.UTF_8 : decodedFrom).name(), guessed);
    }
}
