package io.cablestream.parser;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Bytes to text: UTF-8 when the bytes are valid UTF-8, else Windows-1252 (19 corpus cables carry a cp1252 pilcrow). */
final class TextDecoder {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoder() {
    }

    /** The decoded text; {@code guessed[0]} is set when the bytes were not UTF-8. */
    static String decode(byte[] raw, boolean[] guessed) {
        if (isUtf8(raw)) {
            return new String(raw, StandardCharsets.UTF_8);
        }
        guessed[0] = true;
        return new String(raw, WINDOWS_1252);
    }

    /** Well-formed UTF-8 (no overlongs, no surrogates, at most U+10FFFF): a check, cheaper than a decoder. */
    static boolean isUtf8(byte[] b) {
        int n = b.length;
        int i = 0;
        while (i < n) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int need;
            int min;
            if (c >= 0xc2 && c <= 0xdf) {
                need = 1;
                min = 0x80;
            } else if (c >= 0xe0 && c <= 0xef) {
                need = 2;
                min = 0x800;
            } else if (c >= 0xf0 && c <= 0xf4) {
                need = 3;
                min = 0x10000;
            } else {
                return false;
            }
            if (i + need >= n) {
                return false;
            }
            int cp = c & (0x3f >> need);
            for (int k = 1; k <= need; k++) {
                int cc = b[i + k] & 0xff;
                if ((cc & 0xc0) != 0x80) {
                    return false;
                }
                cp = (cp << 6) | (cc & 0x3f);
            }
            if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
                return false;
            }
            i += need + 1;
        }
        return true;
    }
}
