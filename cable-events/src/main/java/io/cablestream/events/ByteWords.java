package io.cablestream.events;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A cable's bytes eight at a time (SWAR): the word reads and byte tests that the charset rule, ingest's normaliser
 * and binary check, and the parser's clean-text test share, so that each looks at a byte alone only where a word
 * says it must. A test returns a
 * word with the high bit set in each byte it flags (little-endian: the lowest flag is the first byte).
 */
public final class ByteWords {

    public static final int SIZE = Long.BYTES;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_SEVEN_BITS = 0x7F7F7F7F7F7F7F7FL;

    private ByteWords() {
    }

    /** The eight bytes from {@code index} on. */
    public static long at(byte[] bytes, int index) {
        return (long) LONGS.get(bytes, index);
    }

    /**
     * The bytes equal to {@code b}, the cheap way (the classic "has a zero byte" test): exact about whether
     * there is one and about the first, but a byte after a flagged one may be flagged wrongly.
     */
    public static long firstEqual(long word, byte b) {
        long zeroWhereEqual = word ^ (b * ONES);
        return (zeroWhereEqual - ONES) & ~zeroWhereEqual & HIGH_BITS;
    }

    /** Exactly the bytes equal to {@code b} (no carry crosses a byte). */
    public static long equal(long word, byte b) {
        long zeroWhereEqual = word ^ (b * ONES);
        return ~(((zeroWhereEqual & LOW_SEVEN_BITS) + LOW_SEVEN_BITS) | zeroWhereEqual) & HIGH_BITS;
    }

    /** Whether a byte below {@code n} (at most 0x80) is in the word, the cheap way: never misses one. */
    public static boolean mayHaveBelow(long word, int n) {
        return ((word - n * ONES) & ~word & HIGH_BITS) != 0;
    }

    /** Exactly the bytes below {@code n} (at most 0x80; no carry crosses a byte). */
    public static long below(long word, int n) {
        return ~(((word & LOW_SEVEN_BITS) + (0x80 - n) * ONES) | word) & HIGH_BITS;
    }

    /** Exactly the bytes above ASCII (high bit set). */
    public static long aboveAscii(long word) {
        return word & HIGH_BITS;
    }

    /** The index in the word of the first flagged byte; {@code flags} must not be 0. */
    public static int firstFlagged(long flags) {
        return Long.numberOfTrailingZeros(flags) / Byte.SIZE;
    }
}
