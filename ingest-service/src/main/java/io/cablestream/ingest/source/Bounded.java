package io.cablestream.ingest.source;

import java.io.IOException;
import java.io.InputStream;

/** Reads a stream to its end as long as it holds at most a limit of bytes. */
final class Bounded {

    private Bounded() {
    }

    /** The stream's bytes, or null when it holds more than {@code limit} (then it is read no further). */
    static byte[] read(InputStream in, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        return bytes.length > limit ? null : bytes;
    }
}
