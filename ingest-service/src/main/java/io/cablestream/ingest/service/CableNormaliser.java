package io.cablestream.ingest.service;

import io.cablestream.events.ByteWords;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The normal form of a cable's text, so that the same cable sent as CRLF or LF, with or without trailing
 * blanks, has one SHA-256: the record key on cables.raw and the duplicate check. It works on the UTF-8 bytes
 * that are published: every character it looks at is ASCII, and in UTF-8 no byte of a longer sequence is below
 * 0x80, so a byte-level pass gives exactly what the same rules give on the characters, without a Java String
 * (decoding to one and encoding back was a quarter of the service's CPU in the bench profile).
 */
public final class CableNormaliser {

    private CableNormaliser() {
    }

    /**
     * CR LF and lone CR become LF, blanks and tabs before a line break go, and so does white space at the end.
     * A text without CR (nearly every cable) is searched eight bytes at a time for its line feeds, and copied in
     * spans between the blanks it drops (most cables have a few lines with trailing blanks); the input array
     * itself is returned when nothing changes. The byte-by-byte loop handles CR.
     */
    public static byte[] normalise(byte[] utf8) {
        int end = utf8.length;
        while (end > 0 && isRegexSpace(utf8[end - 1])) {
            end--;
        }
        byte[] out = null; // allocated at the first change
        int length = 0;
        int pending = 0; // the bytes from here on are not in out yet
        for (int from = 0, lineBreak; (lineBreak = nextLineBreak(utf8, from, end)) < end; from = lineBreak + 1) {
            if (utf8[lineBreak] == '\r') {
                return normaliseByByte(utf8);
            }
            int lineEnd = lineBreak;
            while (lineEnd > from && (utf8[lineEnd - 1] == ' ' || utf8[lineEnd - 1] == '\t')) {
                lineEnd--;
            }
            if (lineEnd < lineBreak) {
                if (out == null) {
                    out = new byte[end];
                }
                System.arraycopy(utf8, pending, out, length, lineEnd - pending);
                length += lineEnd - pending;
                pending = lineBreak; // the line feed goes with the next span
            }
        }
        if (out == null) {
            return end == utf8.length ? utf8 : Arrays.copyOf(utf8, end);
        }
        System.arraycopy(utf8, pending, out, length, end - pending);
        return Arrays.copyOf(out, length + end - pending);
    }

    /** The index of the first LF or CR in {@code [from, end)}, or {@code end}. */
    private static int nextLineBreak(byte[] bytes, int from, int end) {
        int i = from;
        for (; i + ByteWords.SIZE <= end; i += ByteWords.SIZE) {
            long word = ByteWords.at(bytes, i);
            long breaks = ByteWords.firstEqual(word, (byte) '\n') | ByteWords.firstEqual(word, (byte) '\r');
            if (breaks != 0) {
                return i + ByteWords.firstFlagged(breaks);
            }
        }
        for (; i < end; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                return i;
            }
        }
        return end;
    }

    /** The definition, one byte at a time: any text, CR included. */
    static byte[] normaliseByByte(byte[] in) {
        byte[] out = new byte[in.length];
        int length = 0;
        int blanks = 0; // blanks and tabs seen but not yet written: dropped if a line break follows
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '\r' || b == '\n') {
                if (b == '\r' && i + 1 < in.length && in[i + 1] == '\n') {
                    i++;
                }
                blanks = 0;
                out[length++] = '\n';
            } else if (b == ' ' || b == '\t') {
                blanks++;
            } else {
                if (blanks > 0) {
                    System.arraycopy(in, i - blanks, out, length, blanks);
                    length += blanks;
                    blanks = 0;
                }
                out[length++] = b;
            }
        }
        while (length > 0 && isRegexSpace(out[length - 1])) {
            length--;
        }
        return Arrays.copyOf(out, length);
    }

    /** {@code \s} of java.util.regex: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isRegexSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == 0x0B || b == '\f' || b == '\r';
    }

    /** One digest per thread: MessageDigest.getInstance looks the provider up every time (2% of the service). */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    });

    public static String sha256(byte[] bytes) {
        // digest() resets the digest for the next use
        return HexFormat.of().formatHex(SHA256.get().digest(bytes));
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
