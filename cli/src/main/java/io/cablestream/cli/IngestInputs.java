package io.cablestream.cli;

import io.cablestream.events.CableCharset;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Turns the paths a user typed into cables: a folder is walked (sorted, hidden files skipped), a {@code .zip} or
 * {@code .tar.gz} is read entry by entry, a {@code .csv} is the WikiLeaks cables.csv dump, anything else is one
 * cable. Input bytes read are reported for the progress bar.
 */
final class IngestInputs {

    private static final String[] RELEASE_COLUMNS = {"row", "date", "id", "origin", "classification", "references"};
    /**
     * A tar entry larger than this is reported, not read into memory; smaller ones above the service's limit are
     * sent, so that the service rejects them with its reason.
     */
    private static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;

    private final Consumer<IngestItem> items;
    private final LongConsumer bytesRead;
    private final Charset declared;
    private final List<String> problems = new ArrayList<>();

    /**
     * {@code declared}: the charset of every input ({@code --charset}), or null to apply the service's rule. Files
     * are passed on as bytes (the batch names the charset); cables.csv rows are decoded here with it.
     */
    IngestInputs(Consumer<IngestItem> items, LongConsumer bytesRead, Charset declared) {
        this.items = items;
        this.bytesRead = bytesRead;
        this.declared = declared;
    }

    /** The files the paths stand for, and their total size (for the ETA). */
    static List<Path> files(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().startsWith("."))
                            .sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new IOException(path + " is neither a file nor a folder");
            }
        }
        return files;
    }

    /** Problems with whole files (a broken archive), each already reported on stderr. */
    List<String> problems() {
        return problems;
    }

    void read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".zip") && !name.endsWith(".tar.gz") && !name.endsWith(".tgz") && !name.endsWith(".csv")) {
            readCable(file);
            return;
        }
        try (InputStream in = new Counting(new BufferedInputStream(Files.newInputStream(file), 1 << 16), bytesRead)) {
            if (name.endsWith(".zip")) {
                readZip(file, in);
            } else if (name.endsWith(".csv")) {
                readCsv(file, in);
            } else {
                readTarGz(file, in);
            }
        } catch (IOException | RuntimeException e) {
            problems.add(file + ": " + e.getMessage());
        }
    }

    /** A file that is one cable, read in one go (a stream and its buffer per file cost more than the file). */
    private void readCable(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            bytesRead.accept(bytes.length);
            items.accept(IngestItem.file(file.toString(), bytes));
        } catch (IOException | RuntimeException e) {
            problems.add(file + ": " + e.getMessage());
        }
    }

    private void readZip(Path file, InputStream in) throws IOException {
        ZipInputStream zip = new ZipInputStream(in);
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            String entryName = entry.getName();
            String base = entryName.substring(entryName.lastIndexOf('/') + 1);
            if (!entry.isDirectory() && !base.startsWith(".") && !entryName.startsWith("__MACOSX/")) {
                items.accept(IngestItem.file(file.getFileName() + "!" + entryName, zip.readAllBytes()));
            }
        }
    }

    private void readTarGz(Path file, InputStream in) throws IOException {
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in, true), "UTF-8");
        for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
            String base = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
            if (!entry.isFile() || base.isEmpty() || base.startsWith(".")) {
                continue;
            }
            if (entry.getSize() > MAX_ENTRY_BYTES) {
                problems.add(file + "!" + entry.getName() + ": " + entry.getSize() + " bytes, not sent");
                continue;
            }
            items.accept(IngestItem.file(file.getFileName() + "!" + entry.getName(), tar.readAllBytes()));
        }
    }

    /** Rows of cables.csv: header + blank line + body, the other columns as release metadata. */
    private void readCsv(Path file, InputStream in) throws IOException {
        // ISO-8859-1 keeps every byte as one char; each cable is then decoded alone (--charset, else UTF-8, else
        // Windows-1252), so that one Windows-1252 row does not make the whole file guessed
        IngestCsvReader rows = new IngestCsvReader(new BufferedReader(
                new InputStreamReader(in, StandardCharsets.ISO_8859_1), 1 << 16));
        long number = 0;
        for (List<String> row = rows.next(); row != null; row = rows.next()) {
            number++;
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            if (row.size() != 8) {
                problems.add(file + " row " + number + ": " + row.size() + " columns; cables.csv has 8");
                continue;
            }
            if (number == 1 && !row.get(0).strip().matches("\\d+")) {
                continue;
            }
            Map<String, String> release = new LinkedHashMap<>();
            for (int i = 0; i < RELEASE_COLUMNS.length; i++) {
                release.put(RELEASE_COLUMNS[i], latin1ToText(row.get(i)).text());
            }
            CableCharset.Decoded text = latin1ToText(row.get(6) + "\n\n" + row.get(7));
            items.accept(IngestItem.row(row.get(2).isBlank() ? file + " row " + number : row.get(2), text, release));
        }
    }

    /**
     * A CSV cell's text by the charset the user declared ({@code --charset}), else by the contract's rule, as the
     * ingest service decodes a {@code text/plain} cable posted without a charset; it records both in the headers.
     */
    private CableCharset.Decoded latin1ToText(String latin1) {
        return CableCharset.decode(latin1.getBytes(StandardCharsets.ISO_8859_1), declared);
    }

    /** Reports how many bytes of the file were consumed, so that the ETA follows archives and CSV too. */
    private static final class Counting extends FilterInputStream {

        private final LongConsumer counter;

        Counting(InputStream in, LongConsumer counter) {
            super(in);
            this.counter = counter;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counter.accept(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counter.accept(n);
            }
            return n;
        }
    }
}
