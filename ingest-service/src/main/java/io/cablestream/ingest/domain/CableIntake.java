package io.cablestream.ingest.domain;

import io.cablestream.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.Charset;
import java.time.Instant;
import java.util.UUID;

/** Checks a cable's bytes and turns them into the {@link RawCable} that will be published. */
@ApplicationScoped
public class CableIntake {

    private final IngestConfig config;

    public CableIntake(IngestConfig config) {
        this.config = config;
    }

    public RawCable accept(byte[] body, Charset declared, String contentType, String source) {
        if (body.length == 0) {
            throw new RejectedCableException(400, "the cable is empty");
        }
        if (body.length > config.maxCableBytes()) {
            throw new RejectedCableException(413, "the cable has " + body.length + " bytes; at most "
                    + config.maxCableBytes() + " are accepted (ingest.max-cable-bytes)");
        }
        CableDecoder.Decoded decoded = CableDecoder.decode(body, declared);
        String text = CableNormaliser.normalise(decoded.text());
        if (text.isBlank()) {
            throw new RejectedCableException(400, "the cable holds only white space");
        }
        if (looksBinary(text)) {
            throw new RejectedCableException(400, "the body is binary data, not the text of a cable");
        }
        byte[] utf8 = CableNormaliser.utf8(text);
        return new RawCable(UUID.randomUUID().toString(), CableNormaliser.sha256(utf8), utf8, source,
                Instant.now(), contentType, decoded.charset(), decoded.guessed());
    }

    /** Control characters other than tab, line breaks, form feed and NUL padding make more than 1% of it. */
    static boolean looksBinary(String text) {
        int control = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0) {
                control++;
            }
        }
        return control * 100 > text.length();
    }
}
