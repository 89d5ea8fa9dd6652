package io.cablestream.parser;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes of text tested at once, as one {@code long}: the whole-text scans of a parse look for a few rare bytes,
 * and a test per character is what they cost most of (C2 does not vectorise a loop with such a test, C1 nothing).
 */
final class AsciiWords {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH = 0x8080808080808080L;
    private static final long LOW = 0x7f7f7f7f7f7f7f7fL;

    private AsciiWords() {
    }

    /** Bytes {@code from .. from + 7} as one long, the first byte lowest. */
    static long word(byte[] b, int from) {
        return (long) LONGS.get(b, from);
    }

    /**
     * False only when every byte is ASCII, not a control character other than LF, and neither a backslash nor DEL:
     * then nothing in the word needs {@link Normaliser}'s character pass. True may be a false alarm (a byte is
     * then tested alone), never a miss.
     */
    static boolean mayNeedCleaning(long w) {
        long controls = ~((w | HIGH) - 0x20 * ONES) & HIGH;
        return ((w & HIGH) | (controls & ~equal(w, '\n')) | equal(w, '\\') | equal(w, (char) 0x7f)) != 0;
    }

    /** The high bit of each byte of {@code w} equal to {@code c} (an ASCII character), exactly. */
    static long equal(long w, char c) {
        long x = w ^ (c * ONES);
        return ~(((x & LOW) + LOW) | x | LOW);
    }
}
