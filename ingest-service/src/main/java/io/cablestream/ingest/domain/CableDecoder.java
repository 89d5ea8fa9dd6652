package io.cablestream.ingest.domain;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of a request into the UTF-8 of the cable's text: the declared charset, else UTF-8, else
 * Windows-1252 (the encoding of the release's non-UTF-8 files), and never a rejection for the encoding alone.
 * Bytes that are already well-formed UTF-8 (nearly every cable) are kept as they are, without decoding them.
 */
public final class CableDecoder {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private CableDecoder() {
    }

    /** The text as UTF-8, which charset it was decoded from, and whether that charset was guessed. */
    public record Decoded(byte[] utf8, String charset, boolean guessed) {
    }

    public static Decoded decode(byte[] body, Charset declared) {
        boolean utf8Declared = StandardCharsets.UTF_8.equals(declared);
        if ((declared == null || utf8Declared) && isWellFormedUtf8(body)) {
            return new Decoded(body, StandardCharsets.UTF_8.name(), false);
        }
        if (declared == null && hasUtf16ByteOrderMark(body)) {
            // the mark says which UTF-16 it is; read as Windows-1252 it would be every other byte a NUL
            return new Decoded(CableNormaliser.utf8(new String(body, StandardCharsets.UTF_16)),
                    StandardCharsets.UTF_16.name(), false);
        }
        if (declared != null) {
            // malformed bytes of a declared UTF-8 become U+FFFD, as the JDK decodes them
            return new Decoded(CableNormaliser.utf8(new String(body, declared)), declared.name(), false);
        }
        return new Decoded(CableNormaliser.utf8(new String(body, WINDOWS_1252)), WINDOWS_1252.name(), true);
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

    /**
     * Whether the bytes are UTF-8 as the Unicode standard defines it (its table 3-7: no overlong forms, no
     * surrogates, nothing above U+10FFFF), which is what the JDK's decoder accepts. ASCII is skipped eight bytes
     * at a time.
     */
    static boolean isWellFormedUtf8(byte[] bytes) {
        int i = 0;
        int n = bytes.length;
        while (i < n) {
            if (i + ByteWords.SIZE <= n && ByteWords.isAscii(ByteWords.at(bytes, i))) {
                i += ByteWords.SIZE;
                continue;
            }
            int lead = bytes[i] & 0xFF;
            if (lead < 0x80) {
                i++;
            } else if (lead < 0xC2) {
                return false; // a continuation byte, or an overlong two-byte form
            } else if (lead < 0xE0) {
                if (!continuation(bytes, i + 1, 0x80, 0xBF)) {
                    return false;
                }
                i += 2;
            } else if (lead < 0xF0) {
                int low = lead == 0xE0 ? 0xA0 : 0x80;
                int high = lead == 0xED ? 0x9F : 0xBF;
                if (!continuation(bytes, i + 1, low, high) || !continuation(bytes, i + 2, 0x80, 0xBF)) {
                    return false;
                }
                i += 3;
            } else if (lead < 0xF5) {
                int low = lead == 0xF0 ? 0x90 : 0x80;
                int high = lead == 0xF4 ? 0x8F : 0xBF;
                if (!continuation(bytes, i + 1, low, high) || !continuation(bytes, i + 2, 0x80, 0xBF)
                        || !continuation(bytes, i + 3, 0x80, 0xBF)) {
                    return false;
                }
                i += 4;
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean continuation(byte[] bytes, int index, int low, int high) {
        if (index >= bytes.length) {
            return false;
        }
        int b = bytes[index] & 0xFF;
        return b >= low && b <= high;
    }
}
