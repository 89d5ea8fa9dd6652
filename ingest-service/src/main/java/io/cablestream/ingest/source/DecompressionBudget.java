package io.cablestream.ingest.source;

import io.cablestream.ingest.service.InputLimitException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The limits of one compressed body: the bytes read from the wire ({@link #compressed}) and the bytes the
 * decompressor made of them ({@link #decompressed}), read or skipped. Past
 * {@code cables.ingest.max-decompressed-bytes}, or past {@code cables.ingest.max-compression-ratio} once more than
 * {@link #RATIO_FLOOR} bytes came out, the next read
 * fails with an {@link InputLimitException}: a bomb is stopped after a megabyte or so, never decompressed in full.
 */
final class DecompressionBudget {

    /** Below this many decompressed bytes the ratio is not judged: a small file may compress very well. */
    static final long RATIO_FLOOR = 1024 * 1024;

    private final long maxDecompressed;
    private final int maxRatio;
    private long compressedBytes;
    private long decompressedBytes;

    DecompressionBudget(long maxDecompressed, int maxRatio) {
        this.maxDecompressed = maxDecompressed;
        this.maxRatio = maxRatio;
    }

    /** The body as it arrives: what is read from it counts as compressed. */
    InputStream compressed(InputStream body) {
        return new Counting(body, false);
    }

    /** The decompressor's output: what is read or skipped from it counts as decompressed, and is checked. */
    InputStream decompressed(InputStream out) {
        return new Counting(out, true);
    }

    private void count(long bytes, boolean decompressed) throws InputLimitException {
        if (bytes <= 0) {
            return;
        }
        if (!decompressed) {
            compressedBytes += bytes;
            return;
        }
        decompressedBytes += bytes;
        if (decompressedBytes > maxDecompressed) {
            throw new InputLimitException(413, "decompressed-too-large", "the archive decompresses to more than "
                    + maxDecompressed + " bytes (cables.ingest.max-decompressed-bytes); the rest was not read");
        }
        if (decompressedBytes > RATIO_FLOOR && decompressedBytes > maxRatio * Math.max(1, compressedBytes)) {
            throw new InputLimitException(413, "compression-ratio", "the archive decompresses to more than "
                    + maxRatio + " times its size (" + decompressedBytes + " bytes from " + compressedBytes
                    + "; cables.ingest.max-compression-ratio): a compression bomb? The rest was not read");
        }
    }

    private final class Counting extends FilterInputStream {

        private final boolean decompressed;

        Counting(InputStream in, boolean decompressed) {
            super(in);
            this.decompressed = decompressed;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count(b < 0 ? 0 : 1, decompressed);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = in.read(buffer, offset, length);
            count(read, decompressed);
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            // skipped in slices, so that a bomb's entry is never skipped past the limits in one call
            long skipped = in.skip(Math.min(n, 64 * 1024));
            count(skipped, decompressed);
            return skipped;
        }
    }
}
