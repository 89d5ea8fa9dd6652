package io.cablestream.ingest.source;

import io.cablestream.ingest.domain.CableIntake;
import io.cablestream.ingest.domain.CableItem;
import io.cablestream.ingest.domain.CableItems;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;

/**
 * The files of a {@code .zip}, {@code .tar.gz} or {@code .tar} archive, one cable each, read entry by entry from
 * the stream (never unpacked to disk or memory as a whole). Folders, hidden files and macOS resource forks are
 * skipped. Each file is read by the service's rule (UTF-8, else Windows-1252), or in the charset that a plain
 * tar's Content-Type declares for all of them ({@code application/x-tar; charset=...}, what {@code cables ingest
 * --charset} sends).
 */
final class ArchiveItems implements CableItems {

    private final ArchiveInputStream<?> archive;
    private final int maxCableBytes;
    private final Charset declared;

    private ArchiveItems(ArchiveInputStream<?> archive, int maxCableBytes, Charset declared) {
        this.archive = archive;
        this.maxCableBytes = maxCableBytes;
        this.declared = declared;
    }

    static ArchiveItems zip(InputStream in, int maxCableBytes) {
        // stream mode: entries written with a data descriptor (most zip tools) must be readable too
        return new ArchiveItems(new ZipArchiveInputStream(in, "UTF-8", true, true), maxCableBytes, null);
    }

    static ArchiveItems tarGz(InputStream in, int maxCableBytes) throws IOException {
        return tar(new GzipCompressorInputStream(in, true), maxCableBytes, null);
    }

    /** Uncompressed: what {@code cables ingest} sends, so that neither side spends CPU on the files' bytes. */
    static ArchiveItems tar(InputStream in, int maxCableBytes, Charset declared) {
        // tar is read in 512-byte records, and each read of the request body stream has a cost of its own
        return new ArchiveItems(new TarArchiveInputStream(new BufferedInputStream(in, 64 * 1024), "UTF-8"),
                maxCableBytes, declared);
    }

    @Override
    public CableItem next() throws IOException {
        for (ArchiveEntry entry = archive.getNextEntry(); entry != null; entry = archive.getNextEntry()) {
            if (entry.isDirectory() || skipped(entry.getName()) || !archive.canReadEntryData(entry)) {
                continue;
            }
            byte[] bytes = entry.getSize() == ArchiveEntry.SIZE_UNKNOWN || entry.getSize() > maxCableBytes
                    ? Bounded.read(archive, maxCableBytes) : readFully(entry.getSize());
            if (bytes == null) {
                return CableItem.unreadable(entry.getName(), CableIntake.tooLarge("more than " + maxCableBytes
                        + " bytes", maxCableBytes));
            }
            return CableItem.ofBytes(entry.getName(), bytes, declared, "text/plain");
        }
        return null;
    }

    /** An entry whose size the archive gives, read into one array of that size (no growing buffers). */
    private byte[] readFully(long size) throws IOException {
        byte[] bytes = new byte[(int) size];
        if (archive.readNBytes(bytes, 0, bytes.length) < size) {
            throw new EOFException("the archive ends inside an entry");
        }
        return bytes;
    }

    private static boolean skipped(String name) {
        String file = name.substring(name.lastIndexOf('/') + 1);
        return file.isEmpty() || file.startsWith(".") || name.startsWith("__MACOSX/");
    }

    @Override
    public void close() throws IOException {
        archive.close();
    }
}
