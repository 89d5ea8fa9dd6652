package io.cablestream.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Lines of a stream as bytes, without ever holding more than one line of at most {@code maxLine} bytes. */
final class BoundedLines {

    /** Returned for a line longer than the limit; the rest of that line has been skipped. */
    static final byte[] TOO_LONG = new byte[0];

    private final InputStream in;
    private final int maxLine;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private byte[] line = new byte[8 * 1024];

    BoundedLines(InputStream in, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
    }

    /** The next line without its line break, {@link #TOO_LONG}, or null at the end of the stream. */
    byte[] next() throws IOException {
        int length = 0;
        boolean tooLong = false;
        while (true) {
            if (position == limit && !fill()) {
                return length == 0 && !tooLong ? null : finish(length, tooLong);
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int chunk = position - start;
            if (!tooLong && length + chunk > maxLine) {
                tooLong = true;
            }
            if (!tooLong) {
                if (length + chunk > line.length) {
                    line = Arrays.copyOf(line, Math.min(maxLine, Math.max(line.length * 2, length + chunk)));
                }
                System.arraycopy(buffer, start, line, length, chunk);
                length += chunk;
            }
            if (position < limit) {
                position++;
                return finish(length, tooLong);
            }
        }
    }

    private byte[] finish(int length, boolean tooLong) {
        if (tooLong) {
            return TOO_LONG;
        }
        int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        return Arrays.copyOf(line, end);
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer);
        if (read <= 0) {
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }
}
