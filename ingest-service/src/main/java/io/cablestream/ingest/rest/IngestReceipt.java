package io.cablestream.ingest.rest;

/** The answer to an accepted cable: its id in the pipeline and the hash it is keyed by. */
public record IngestReceipt(String ingestId, String sha256) {
}
