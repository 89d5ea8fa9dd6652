package io.cablestream.ingest.source;

import io.cablestream.ingest.service.CableValidator;
import io.cablestream.ingest.service.CableItem;
import io.cablestream.ingest.service.CableItems;
import io.cablestream.ingest.service.RejectedCableException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.List;

/** Files already on disk, one cable each: the parts of a multipart upload, or a plain spool file. */
final class UploadItems implements CableItems {

    private final Iterator<CableFile> uploads;
    private final int maxCableBytes;

    UploadItems(List<CableFile> uploads, int maxCableBytes) {
        this.uploads = uploads.iterator();
        this.maxCableBytes = maxCableBytes;
    }

    @Override
    public CableItem next() {
        if (!uploads.hasNext()) {
            return null;
        }
        CableFile upload = uploads.next();
        try (InputStream in = Files.newInputStream(upload.file())) {
            byte[] bytes = Bounded.read(in, maxCableBytes);
            if (bytes == null) {
                return CableItem.unreadable(upload.name(), CableValidator.tooLarge(Files.size(upload.file())
                        + " bytes", maxCableBytes));
            }
            return CableItem.ofBytes(upload.name(), bytes, upload.declared(), upload.contentType());
        } catch (IOException e) {
            return CableItem.unreadable(upload.name(), new RejectedCableException(400, "unreadable",
                    "the file could not be read: " + e.getMessage()));
        }
    }
}
