package io.cablestream.cli;

import java.util.Map;

/** One cable the CLI will send: where it came from, its text, and the release metadata of a cables.csv row. */
record IngestItem(String source, String text, Map<String, String> release) {
}
