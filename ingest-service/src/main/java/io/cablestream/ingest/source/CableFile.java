package io.cablestream.ingest.source;

import java.nio.charset.Charset;
import java.nio.file.Path;

/** A file on disk that holds one cable (a multipart part, a spool file), and what is known about it. */
public record CableFile(Path file, String name, Charset declared, String contentType) {
}
