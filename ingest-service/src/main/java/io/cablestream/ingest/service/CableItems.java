package io.cablestream.ingest.service;

import java.io.Closeable;
import java.io.IOException;

/** The cables of one batch or spool file, read one at a time so that a large input is never held whole. */
public interface CableItems extends Closeable {

    /** The next item, or null at the end. */
    CableItem next() throws IOException;

    @Override
    default void close() throws IOException {
    }
}
