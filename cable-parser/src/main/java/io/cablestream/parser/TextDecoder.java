package io.cablestream.parser;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Bytes to text: UTF-8 when the bytes are valid UTF-8, else Windows-1252 (19 corpus cables carry a cp1252 pilcrow). */
final class TextDecoder {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** Reads eight bytes of an array as one long (little-endian: the first byte is the lowest). */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private TextDecoder() {
    }

    /** The decoded text; {@code guessed[0]} is set when the bytes were not UTF-8. */
    static String decode(byte[] raw, boolean[] guessed) {
        String latin1 = latin1Utf8(raw);
        if (latin1 != null) {
            return latin1;
        }
        String utf8 = utf8(raw);
        if (utf8 != null) {
            return utf8;
        }
        guessed[0] = true;
        return new String(raw, WINDOWS_1252);
    }

    /**
     * The common case: ASCII plus two-byte sequences of Latin-1 characters (the pilcrow is C2 B6). The ASCII runs
     * between them (nearly all of a cable) are found eight bytes at a time and copied in bulk. Null when the bytes
     * hold anything else, which the general path then handles.
     */
    static String latin1Utf8(byte[] b) {
        int n = b.length;
        int i = nextNonAscii(b, 0);
        if (i == n) {
            return new String(b, StandardCharsets.ISO_8859_1);
        }
        byte[] out = new byte[n];
        System.arraycopy(b, 0, out, 0, i);
        int o = i;
        while (i < n) {
            int c = b[i] & 0xff;
            if ((c != 0xc2 && c != 0xc3) || i + 1 >= n || (b[i + 1] & 0xc0) != 0x80) {
                return null;
            }
            out[o++] = (byte) (((c & 0x03) << 6) | (b[i + 1] & 0x3f));
            i += 2;
            int run = nextNonAscii(b, i);
            System.arraycopy(b, i, out, o, run - i);
            o += run - i;
            i = run;
        }
        return new String(out, 0, o, StandardCharsets.ISO_8859_1);
    }

    /** Index of the first byte at or after {@code from} with its high bit set, or the length: eight bytes per step. */
    static int nextNonAscii(byte[] b, int from) {
        int n = b.length;
        int i = from;
        for (; i + 8 <= n; i += 8) {
            long high = (long) LONGS.get(b, i) & 0x8080808080808080L;
            if (high != 0) {
                return i + (Long.numberOfTrailingZeros(high) >>> 3);
            }
        }
        while (i < n && b[i] >= 0) {
            i++;
        }
        return i;
    }

    /**
     * Well-formed UTF-8 (no overlongs, no surrogates, at most U+10FFFF) decoded, or null when the bytes are not:
     * checked and decoded in one pass, ASCII runs copied as such. The JDK's decoder would replace bad sequences
     * rather than say so, and reads the text byte by byte once it has met a character above U+00FF (a curly quote
     * in 517 corpus cables).
     */
    static String utf8(byte[] b) {
        int n = b.length;
        char[] out = new char[n];
        int o = 0;
        int i = 0;
        while (i < n) {
            int run = nextNonAscii(b, i);
            for (int k = i; k < run; k++) {
                out[o + k - i] = (char) b[k];
            }
            o += run - i;
            i = run;
            if (i == n) {
                break;
            }
            int c = b[i] & 0xff;
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
                return null;
            }
            if (i + need >= n) {
                return null;
            }
            int cp = c & (0x3f >> need);
            for (int k = 1; k <= need; k++) {
                int cc = b[i + k] & 0xff;
                if ((cc & 0xc0) != 0x80) {
                    return null;
                }
                cp = (cp << 6) | (cc & 0x3f);
            }
            if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
                return null;
            }
            if (cp < 0x10000) {
                out[o++] = (char) cp;
            } else {
                out[o++] = Character.highSurrogate(cp);
                out[o++] = Character.lowSurrogate(cp);
            }
            i += need + 1;
        }
        return new String(out, 0, o);
    }
}
