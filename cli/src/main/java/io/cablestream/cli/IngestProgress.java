package io.cablestream.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** The progress bar on stderr: cables settled, MB read, cables/s and the ETA from the bytes still to read. */
final class IngestProgress implements AutoCloseable {

    private static final int WIDTH = 24;

    private final PrintWriter err;
    private final long totalBytes;
    private final LongSupplier cables;
    private final AtomicLong bytesRead = new AtomicLong();
    private final long started = System.nanoTime();
    private final Thread painter;
    private volatile String note = "";
    private volatile boolean running = true;

    IngestProgress(PrintWriter err, long totalBytes, LongSupplier cables, boolean enabled) {
        this.err = err;
        this.totalBytes = Math.max(1, totalBytes);
        this.cables = cables;
        this.painter = new Thread(this::paintUntilClosed, "ingest-progress");
        this.painter.setDaemon(true);
        if (enabled) {
            painter.start();
        }
    }

    void read(long bytes) {
        bytesRead.addAndGet(bytes);
    }

    long bytesRead() {
        return bytesRead.get();
    }

    /** A word on why it is not moving (the service answered 503). */
    void note(String why) {
        note = why;
    }

    double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    private void paintUntilClosed() {
        while (running) {
            paint();
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void paint() {
        double seconds = Math.max(seconds(), 0.001);
        long read = bytesRead.get();
        double fraction = Math.min(1.0, read / (double) totalBytes);
        int filled = (int) Math.round(fraction * WIDTH);
        double rate = cables.getAsLong() / seconds;
        double byteRate = read / seconds;
        long eta = byteRate > 0 ? Math.round((totalBytes - read) / byteRate) : -1;
        err.print(String.format(Locale.ROOT, "\r[%s%s] %3d%%  %,d cables  %.1f MB  %,.0f cables/s  ETA %s  %s\u001b[K",
                "#".repeat(filled), "-".repeat(WIDTH - filled), Math.round(fraction * 100), cables.getAsLong(),
                read / 1e6, rate, eta < 0 ? "?" : String.format(Locale.ROOT, "%d:%02d", eta / 60, eta % 60), note));
        err.flush();
    }

    @Override
    public void close() {
        if (painter.isAlive()) {
            running = false;
            painter.interrupt();
            paint();
            err.println();
            err.flush();
        }
    }
}
