package io.cablestream.ingest.source;

import io.cablestream.ingest.service.CableValidator;
import io.cablestream.ingest.service.CableItem;
import io.cablestream.ingest.service.CableItems;
import io.cablestream.ingest.service.InputLimitException;
import io.cablestream.ingest.service.RejectedCableException;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.zip.ZipEntry;

/**
 * The files of a {@code .zip}, {@code .tar.gz} or {@code .tar} archive, one cable each, read entry by entry from
 * the stream (never unpacked to disk or memory as a whole). Folders, hidden files and macOS resource forks are
 * skipped. Each file is read by the service's rule (UTF-8, else Windows-1252), or in the charset that a plain
 * tar's Content-Type declares for all of them ({@code application/x-tar; charset=...}, what {@code cables ingest
 * --charset} sends).
 *
 * <p>Bounded whatever the archive holds: entries of at most {@code cables.ingest.max-cable-bytes} are read, at most
 * {@code cables.ingest.max-archive-entries} entries, and a compressed body is read under a {@link DecompressionBudget}.
 * Links and special files are rejected: an archive's names are labels (a cable's source), never paths opened.
 */
final class ArchiveItems implements CableItems {

    private final ArchiveInputStream<?> archive;
    /** What entries are read through: the archive itself, or (zip) a view that counts the inflated bytes. */
    private final InputStream data;
    private final Limits limits;
    private final Charset declared;
    private final boolean drainEachEntry;
    private int entries;
    private boolean ended;
    private boolean currentReadable;

    /** The limits of {@code ingest.*} an archive is read under. */
    record Limits(int maxCableBytes, int maxEntries, long maxDecompressedBytes, int maxCompressionRatio) {

        DecompressionBudget budget() {
            return new DecompressionBudget(maxDecompressedBytes, maxCompressionRatio);
        }
    }

    private ArchiveItems(ArchiveInputStream<?> archive, InputStream data, Limits limits, Charset declared,
                         boolean drainEachEntry) {
        this.archive = archive;
        this.data = data;
        this.limits = limits;
        this.declared = declared;
        this.drainEachEntry = drainEachEntry;
    }

    static ArchiveItems zip(InputStream in, Limits limits) {
        DecompressionBudget budget = limits.budget();
        // stream mode, so entries written with a data descriptor (most zip tools) must be readable; but not a
        // STORED one: its end can only be found by buffering it whole (commons-compress does, without a bound)
        ZipArchiveInputStream zip = new ZipArchiveInputStream(budget.compressed(in), "UTF-8", true, false);
        // every entry is read to its end through the budget before the next one, so that the inflating that
        // commons-compress would do to skip an entry (a bomb's) is counted and stopped too
        return new ArchiveItems(zip, budget.decompressed(zip), limits, null, true);
    }

    static ArchiveItems tarGz(InputStream in, Limits limits) throws IOException {
        DecompressionBudget budget = limits.budget();
        InputStream tar = budget.decompressed(new GzipCompressorInputStream(budget.compressed(in), true));
        return tar(tar, limits, null);
    }

    /** Uncompressed: what {@code cables ingest} sends, so that neither side spends CPU on the files' bytes. */
    static ArchiveItems tar(InputStream in, Limits limits, Charset declared) {
        // tar is read in 512-byte records, and each read of the request body stream has a cost of its own
        TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(in, 64 * 1024), "UTF-8");
        return new ArchiveItems(tar, tar, limits, declared, false);
    }

    @Override
    public CableItem next() throws IOException {
        if (ended) {
            return null;
        }
        for (ArchiveEntry entry = nextEntry(); entry != null; entry = nextEntry()) {
            if (entry.isDirectory() || skipped(entry.getName())) {
                continue;
            }
            if (!isRegularFile(entry)) {
                return CableItem.unreadable(entry.getName(), new RejectedCableException(400, "not-a-file",
                        entry.getName() + " is " + kind(entry) + "; only regular files are read"));
            }
            if (!archive.canReadEntryData(entry)) {
                return unsupported(entry);
            }
            byte[] bytes = entry.getSize() == ArchiveEntry.SIZE_UNKNOWN || entry.getSize() > limits.maxCableBytes()
                    ? Bounded.read(data, limits.maxCableBytes()) : readFully(entry.getSize());
            if (bytes == null) {
                return CableItem.unreadable(entry.getName(), CableValidator.tooLarge("more than "
                        + limits.maxCableBytes() + " bytes", limits.maxCableBytes()));
            }
            return CableItem.ofBytes(entry.getName(), bytes, declared, "text/plain");
        }
        return null;
    }

    /** The next entry, after the current one was read to its end (zip) and if the archive may have one more. */
    private ArchiveEntry nextEntry() throws IOException {
        if (drainEachEntry && currentReadable) {
            data.transferTo(OutputStream.nullOutputStream());
        }
        ArchiveEntry entry = archive.getNextEntry();
        currentReadable = entry != null && archive.canReadEntryData(entry);
        if (entry != null && ++entries > limits.maxEntries()) {
            throw new InputLimitException(413, "too-many-entries", "the archive has more than "
                    + limits.maxEntries() + " entries (cables.ingest.max-archive-entries); the rest was not read");
        }
        return entry;
    }

    /**
     * An entry whose data cannot be read: a zip method the library does not know, encryption, or a STORED entry
     * with a data descriptor. The last ends the archive, as its end is unknown.
     */
    private CableItem unsupported(ArchiveEntry entry) {
        boolean storedWithDescriptor = entry instanceof ZipArchiveEntry zip
                && zip.getMethod() == ZipEntry.STORED && zip.getGeneralPurposeBit().usesDataDescriptor();
        if (storedWithDescriptor) {
            ended = true;
            return CableItem.unreadable(entry.getName(), new RejectedCableException(400, "unsupported",
                    entry.getName() + " is stored uncompressed with a data descriptor, whose end cannot be found "
                            + "without holding it whole; the rest of the archive was not read. Deflate the "
                            + "entries (the default of zip tools), or send a tar"));
        }
        return CableItem.unreadable(entry.getName(), new RejectedCableException(400, "unsupported",
                entry.getName() + " cannot be read (compression method or encryption not supported)"));
    }

    private static boolean isRegularFile(ArchiveEntry entry) {
        if (entry instanceof TarArchiveEntry tar) {
            return !(tar.isSymbolicLink() || tar.isLink() || tar.isCharacterDevice() || tar.isBlockDevice()
                    || tar.isFIFO());
        }
        // a streamed zip knows an entry is a link only when a local extra field says so (the central
        // directory comes last): otherwise the entry is the text it stores, the target's name, never followed
        return !(entry instanceof ZipArchiveEntry zip) || !zip.isUnixSymlink();
    }

    private static String kind(ArchiveEntry entry) {
        if (entry instanceof TarArchiveEntry tar) {
            if (tar.isSymbolicLink()) {
                return "a symbolic link to " + tar.getLinkName();
            }
            if (tar.isLink()) {
                return "a hard link to " + tar.getLinkName();
            }
            return "a special file (device, fifo)";
        }
        return "a symbolic link";
    }

    /** An entry whose size the archive gives, read into one array of that size (no growing buffers). */
    private byte[] readFully(long size) throws IOException {
        byte[] bytes = new byte[(int) size];
        if (data.readNBytes(bytes, 0, bytes.length) < size) {
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
