package io.cablestream.ingest.source;

import io.cablestream.ingest.domain.CableIntake;
import io.cablestream.ingest.domain.CableItem;
import io.cablestream.ingest.domain.CableItems;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.IOException;
import java.io.InputStream;

/**
 * The files of a {@code .zip} or {@code .tar.gz} archive, one cable each, read entry by entry from the stream
 * (never unpacked to disk or memory as a whole). Folders, hidden files and macOS resource forks are skipped.
 */
final class ArchiveItems implements CableItems {

    private final ArchiveInputStream<?> archive;
    private final int maxCableBytes;

    private ArchiveItems(ArchiveInputStream<?> archive, int maxCableBytes) {
        this.archive = archive;
        this.maxCableBytes = maxCableBytes;
    }

    static ArchiveItems zip(InputStream in, int maxCableBytes) {
        // stream mode: entries written with a data descriptor (most zip tools) must be readable too
        return new ArchiveItems(new ZipArchiveInputStream(in, "UTF-8", true, true), maxCableBytes);
    }

    static ArchiveItems tarGz(InputStream in, int maxCableBytes) throws IOException {
        return new ArchiveItems(new TarArchiveInputStream(new GzipCompressorInputStream(in, true)), maxCableBytes);
    }

    @Override
    public CableItem next() throws IOException {
        for (ArchiveEntry entry = archive.getNextEntry(); entry != null; entry = archive.getNextEntry()) {
            if (entry.isDirectory() || skipped(entry.getName()) || !archive.canReadEntryData(entry)) {
                continue;
            }
            byte[] bytes = Bounded.read(archive, maxCableBytes);
            if (bytes == null) {
                return CableItem.unreadable(entry.getName(), CableIntake.tooLarge("more than " + maxCableBytes
                        + " bytes", maxCableBytes));
            }
            return CableItem.ofBytes(entry.getName(), bytes, null, "text/plain");
        }
        return null;
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
