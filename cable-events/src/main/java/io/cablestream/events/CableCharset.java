package io.cablestream.events;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The contract's rule for a cable's bytes: the declared charset, else UTF-8 when the bytes are well-formed UTF-8,
 * else Windows-1252 (the encoding of the release's non-UTF-8 files; 19 corpus cables carry a cp1252 pilcrow), and
 * then the charset was guessed (the {@code charsetGuessed} header). Never replacement characters for the rule's
 * own guesses. Ingest, the parser and the CLI all decide with this class.
 */
public final class CableCharset {

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private CableCharset() {
    }

    /** The text, the charset it was decoded from, and whether that charset was guessed. */
    public record Decoded(String text, Charset charset, boolean guessed) {
    }

    /** Bytes that came without a charset. */
    public static Decoded decode(byte[] bytes) {
        return decode(bytes, null);
    }

    /** Bytes in {@code declared} (as the JDK decodes it), or by the rule when that is null. */
    public static Decoded decode(byte[] bytes, Charset declared) {
        if (declared != null) {
            return new Decoded(new String(bytes, declared), declared, false);
        }
        String text = latin1Utf8(bytes);
        if (text == null) {
            text = utf8(bytes);
        }
        return text != null ? new Decoded(text, StandardCharsets.UTF_8, false)
                : new Decoded(new String(bytes, WINDOWS_1252), WINDOWS_1252, true);
    }

    /**
     * Whether the bytes are UTF-8 as the Unicode standard defines it (its table 3-7: no overlong forms, no
     * surrogates, nothing above U+10FFFF), which is what the JDK's strict decoder accepts: checked without
     * decoding, ASCII skipped eight bytes at a time.
     */
    public static boolean isWellFormedUtf8(byte[] bytes) {
        int n = bytes.length;
        int i = nextNonAscii(bytes, 0);
        while (i < n) {
            int cp = codePointAt(bytes, i);
            if (cp < 0) {
                return false;
            }
            i = nextNonAscii(bytes, i + sequenceLength(bytes[i]));
        }
        return true;
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

    /**
     * Well-formed UTF-8 decoded, or null when the bytes are not: checked and decoded in one pass, ASCII runs
     * copied as such. The JDK's decoder would replace bad sequences rather than say so, and reads the text byte by
     * byte once it has met a character above U+00FF (a curly quote in 517 corpus cables).
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
            int cp = codePointAt(b, i);
            if (cp < 0) {
                return null;
            }
            o += Character.toChars(cp, out, o);
            i += sequenceLength(b[i]);
        }
        return new String(out, 0, o);
    }

    /**
     * The code point of the multi-byte sequence that starts at {@code i}, or -1 where the bytes there are not
     * well-formed UTF-8 (a stray continuation byte, a lead byte no sequence starts with, a sequence cut short, an
     * overlong form, a surrogate, anything above U+10FFFF).
     */
    private static int codePointAt(byte[] b, int i) {
        int need = sequenceLength(b[i]) - 1;
        if (need < 1 || i + need >= b.length) {
            return -1;
        }
        int cp = (b[i] & 0xff) & (0x3f >> need);
        for (int k = 1; k <= need; k++) {
            int cc = b[i + k] & 0xff;
            if ((cc & 0xc0) != 0x80) {
                return -1;
            }
            cp = (cp << 6) | (cc & 0x3f);
        }
        int min = need == 1 ? 0x80 : need == 2 ? 0x800 : 0x10000;
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
            return -1;
        }
        return cp;
    }

    /** The length of the sequence a lead byte starts (1 for ASCII), or 0 for a byte no sequence starts with. */
    private static int sequenceLength(byte lead) {
        int c = lead & 0xff;
        if (c < 0x80) {
            return 1;
        }
        if (c >= 0xc2 && c <= 0xdf) {
            return 2;
        }
        if (c >= 0xe0 && c <= 0xef) {
            return 3;
        }
        return c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    }

    /** Index of the first byte at or after {@code from} with its high bit set, or the length: eight bytes per step. */
    static int nextNonAscii(byte[] b, int from) {
        int n = b.length;
        int i = from;
        for (; i + ByteWords.SIZE <= n; i += ByteWords.SIZE) {
            long high = ByteWords.aboveAscii(ByteWords.at(b, i));
            if (high != 0) {
                return i + ByteWords.firstFlagged(high);
            }
        }
        while (i < n && b[i] >= 0) {
            i++;
        }
        return i;
    }
}
