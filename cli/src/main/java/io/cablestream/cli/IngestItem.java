package io.cablestream.cli;

import java.nio.charset.Charset;
import java.util.Map;

/**
 * One cable the CLI will send: where it came from, its text, the charset its bytes were decoded from (and
 * whether that was guessed), and the release metadata of a cables.csv row.
 */
record IngestItem(String source, String text, Charset charset, boolean charsetGuessed, Map<String, String> release) {

    IngestItem(String source, IngestText.Decoded decoded, Map<String, String> release) {
        this(source, decoded.text(), decoded.charset(), decoded.guessed(), release);
    }

    IngestItem withText(String other) {
        return new IngestItem(source, other, charset, charsetGuessed, release);
    }
}
