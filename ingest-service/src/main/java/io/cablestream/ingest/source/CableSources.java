package io.cablestream.ingest.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cablestream.ingest.config.IngestConfig;
import io.cablestream.ingest.service.CableItems;
import io.cablestream.ingest.service.RejectedCableException;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Opens the reader of cables for a batch's media type, or for a spool file's name. */
@ApplicationScoped
public class CableSources {

    public static final String NDJSON = NdjsonItems.MEDIA_TYPE;
    public static final String CSV = CsvItems.MEDIA_TYPE;
    public static final String ZIP = "application/zip";
    public static final String GZIP = "application/gzip";
    public static final String X_GZIP = "application/x-gzip";
    public static final String TAR = "application/x-tar";
    /** The media types of {@code POST /api/cables/batch} besides multipart. */
    public static final List<String> STREAMED = List.of(NDJSON, CSV, ZIP, GZIP, X_GZIP, TAR);

    private final ObjectMapper json;
    private final IngestConfig config;

    public CableSources(ObjectMapper json, IngestConfig config) {
        this.json = json;
        this.config = config;
    }

    /** The cables of a streamed batch body of one of the {@link #STREAMED} media types. */
    public CableItems open(String mediaType, Charset declared, InputStream body) throws IOException {
        int limit = config.maxCableBytes();
        return switch (mediaType.toLowerCase(Locale.ROOT)) {
            case NDJSON -> new NdjsonItems(body, json, limit);
            case CSV -> new CsvItems(body, declared, limit + CsvItems.OTHER_COLUMNS_CHARS);
            // a charset parameter is not defined for zip and gzip, and some clients add one by default
            case ZIP -> ArchiveItems.zip(body, archiveLimits());
            case GZIP, X_GZIP -> tarGz(body);
            case TAR -> ArchiveItems.tar(body, archiveLimits(), declared);
            default -> throw new IllegalArgumentException("not a batch media type: " + mediaType);
        };
    }

    private ArchiveItems.Limits archiveLimits() {
        return new ArchiveItems.Limits(config.maxCableBytes(), config.maxArchiveEntries(),
                config.maxDecompressedBytes(), config.maxCompressionRatio());
    }

    /** A body that is not gzip at all is a bad request, not a failure of the service. */
    private ArchiveItems tarGz(InputStream body) {
        try {
            return ArchiveItems.tarGz(body, archiveLimits());
        } catch (IOException notGzip) {
            throw new RejectedCableException(400, "unreadable", "the body is not gzip: " + notGzip.getMessage());
        }
    }

    /** The batch media type a spool file's name says it holds; empty for a plain cable. */
    public static Optional<String> mediaTypeOf(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".zip")) {
            return Optional.of(ZIP);
        }
        if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
            return Optional.of(GZIP);
        }
        if (name.endsWith(".tar")) {
            return Optional.of(TAR);
        }
        if (name.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
            return Optional.of(NDJSON);
        }
        return Optional.empty();
    }

    /** Uploaded or spooled files, one cable each. */
    public CableItems files(List<CableFile> files) {
        return new UploadItems(files, config.maxCableBytes());
    }
}
