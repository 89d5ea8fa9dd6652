package io.cablestream.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * The regular files of a tar stream (ustar, with GNU long names; PAX headers skipped), so that the CLI reads
 * {@code .tar.gz} with the JDK alone.
 */
final class IngestTarReader {

    private static final int BLOCK = 512;

    private IngestTarReader() {
    }

    static void read(InputStream tar, long maxEntryBytes, BiConsumer<String, byte[]> file) throws IOException {
        String longName = null;
        while (true) {
            byte[] header = tar.readNBytes(BLOCK);
            if (header.length < BLOCK || isZero(header)) {
                return;
            }
            String name = text(header, 0, 100);
            String prefix = text(header, 345, 155);
            long size = octal(header, 124, 12);
            char type = (char) header[156];
            long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
            if (type == 'L') {
                longName = new String(tar.readNBytes((int) size), StandardCharsets.UTF_8).replace("\0", "");
                tar.skipNBytes(padded - size);
                continue;
            }
            String path = longName != null ? longName : prefix.isEmpty() ? name : prefix + "/" + name;
            longName = null;
            if ((type == '0' || type == '\0') && size <= maxEntryBytes) {
                file.accept(path, tar.readNBytes((int) size));
                tar.skipNBytes(padded - size);
            } else {
                tar.skipNBytes(padded);
            }
        }
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] header, int offset, int length) {
        String digits = text(header, offset, length).trim();
        return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
    }
}
