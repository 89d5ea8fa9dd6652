package io.cablestream.ingest.hostile;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Hostile archives, made in memory at test time (kilobytes compressed, whatever they decompress to). */
final class Bombs {

    private static final byte[] ZEROS = new byte[1024 * 1024];

    private Bombs() {
    }

    /** One deflated entry of {@code bytes} zeros (java.util.zip writes it with a data descriptor). */
    static byte[] zipOfZeros(String name, long bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            writeZeros(zip, bytes);
        }
        return out.toByteArray();
    }

    /** A tar.gz of one entry of {@code bytes} zeros. */
    static byte[] tarGzOfZeros(String name, long bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out, 64 * 1024))) {
            TarArchiveEntry entry = new TarArchiveEntry(name);
            entry.setSize(bytes);
            tar.putArchiveEntry(entry);
            writeZeros(tar, bytes);
            tar.closeArchiveEntry();
        }
        return out.toByteArray();
    }

    /** A tar.gz of entries of random letters (compressing less than 2:1), each {@code bytes} long. */
    static byte[] tarGzOfLetters(int entries, int bytes) throws IOException {
        Random random = new Random(7);
        byte[] letters = new byte[bytes];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new FastGzip(out))) {
            for (int i = 0; i < entries; i++) {
                random.nextBytes(letters);
                for (int j = 0; j < bytes; j++) {
                    letters[j] = (byte) ('a' + (letters[j] & 0x0F));
                }
                TarArchiveEntry entry = new TarArchiveEntry("letters-" + i + ".txt");
                entry.setSize(bytes);
                tar.putArchiveEntry(entry);
                tar.write(letters);
                tar.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }

    static byte[] bzip2Zeros(long bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BZip2CompressorOutputStream bzip2 = new BZip2CompressorOutputStream(out)) {
            writeZeros(bzip2, bytes);
        }
        return out.toByteArray();
    }

    /**
     * One entry STORED (not compressed) whose sizes come after it in a data descriptor, as a streaming zip writer
     * makes it: a reader finds its end only by looking for the descriptor in the data.
     */
    static InputStream zipStoredWithDataDescriptor(String name, long bytes) {
        byte[] fileName = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer header = ByteBuffer.allocate(30 + fileName.length).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0x04034b50).putShort((short) 20).putShort((short) 0x0008).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0).putInt(0).putInt(0).putInt(0)
                .putShort((short) fileName.length).putShort((short) 0).put(fileName);
        ByteBuffer descriptor = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        descriptor.putInt(0x08074b50).putInt(0).putInt((int) bytes).putInt((int) bytes);
        return new SequenceInputStream(Collections.enumeration(List.of(new ByteArrayInputStream(header.array()),
                letters(bytes), new ByteArrayInputStream(descriptor.array()))));
    }

    /** {@code bytes} of the letter a, made as they are read. */
    static InputStream letters(long bytes) {
        return new InputStream() {
            private long left = bytes;

            @Override
            public int read() {
                return left-- > 0 ? 'a' : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                Arrays.fill(buffer, offset, offset + n, (byte) 'a');
                left -= n;
                return n;
            }
        };
    }

    /** A zip whose entries are symbolic links (Unix mode 0120777): {@code name -> target}. */
    static byte[] zipOfLinks(Map<String, String> links) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            for (Map.Entry<String, String> link : links.entrySet()) {
                ZipArchiveEntry entry = new ZipArchiveEntry(link.getKey());
                entry.setUnixMode(0120777);
                zip.putArchiveEntry(entry);
                zip.write(link.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }

    static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
            }
        }
        return out.toByteArray();
    }

    /** The fastest deflate level: test time, not size, is what counts here. */
    private static final class FastGzip extends GZIPOutputStream {

        FastGzip(OutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(java.util.zip.Deflater.BEST_SPEED);
        }
    }

    private static void writeZeros(OutputStream out, long bytes) throws IOException {
        for (long left = bytes; left > 0; left -= ZEROS.length) {
            out.write(ZEROS, 0, (int) Math.min(ZEROS.length, left));
        }
    }
}
