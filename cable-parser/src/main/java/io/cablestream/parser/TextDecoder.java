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
        String latin1 = latin1Utf8(raw);
        if (latin1 != null) {
            return latin1;
        }
        if (isUtf8(raw)) {
            return new String(raw, StandardCharsets.UTF_8);
        }
        guessed[0] = true;
        return new String(raw, WINDOWS_1252);
    }

    /**
     * The common case in one pass: ASCII plus two-byte sequences of Latin-1 characters (the pilcrow is C2 B6).
     * Null when the bytes hold anything else, which the general path then handles.
     */
    static String latin1Utf8(byte[] b) {
        int n = b.length;
        byte[] out = null;
        int o = 0;
        for (int i = 0; i < n; i++) {
            byte x = b[i];
            if (x >= 0) {
                if (out != null) {
                    out[o++] = x;
                }
                continue;
            }
            int c = x & 0xff;
            if ((c != 0xc2 && c != 0xc3) || i + 1 >= n || (b[i + 1] & 0xc0) != 0x80) {
                return null;
            }
            if (out == null) {
                out = new byte[n];
                System.arraycopy(b, 0, out, 0, i);
                o = i;
            }
            out[o++] = (byte) (((c & 0x03) << 6) | (b[++i] & 0x3f));
        }
        return out == null ? new String(b, StandardCharsets.ISO_8859_1)
                : new String(out, 0, o, StandardCharsets.ISO_8859_1);
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
