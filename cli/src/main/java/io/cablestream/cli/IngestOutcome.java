package io.cablestream.cli;

/** What the service answered for one cable of a batch. */
record IngestOutcome(String source, String sha256, String status, String reason, String detail) {
}
