package io.cablestream.ingest.service;

import io.cablestream.events.ByteWords;
import io.cablestream.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/** Checks a cable's bytes and turns them into the {@link RawCable} that will be published. */
@ApplicationScoped
public class CableValidator {

    private final IngestConfig config;

    public CableValidator(IngestConfig config) {
        this.config = config;
    }

    public RawCable validate(CableItem item) {
        if (item.unreadable() != null) {
            throw item.unreadable();
        }
        if (item.source() != null && item.source().length() > config.maxSourceChars()) {
            throw new RejectedCableException(400, "source-too-long", "the source has " + item.source().length()
                    + " characters; at most " + config.maxSourceChars()
                    + " are accepted (cables.ingest.max-source-chars)");
        }
        CableDecoder.Decoded decoded = item.text() != null
                ? CableDecoder.ofText(item.text(), item.declared(), item.guessed())
                : CableDecoder.decode(checkedSize(item.bytes()), item.declared());
        byte[] utf8 = CableNormaliser.normalise(decoded.utf8());
        // the normal form ends without white space, so nothing is left of a cable that was nothing else
        if (utf8.length == 0) {
            boolean empty = decoded.utf8().length == 0;
            throw new RejectedCableException(400, empty ? "empty" : "blank",
                    empty ? "the cable is empty" : "the cable holds only white space");
        }
        if (looksBinary(utf8)) {
            throw new RejectedCableException(400, "binary", "the body is binary data, not the text of a cable");
        }
        if (item.text() != null) {
            checkedSize(utf8);
        }
        return new RawCable(UUID.randomUUID().toString(), CableNormaliser.sha256(utf8), utf8, item.source(),
                Instant.now(), item.contentType(), decoded.charset(), decoded.guessed(), item.release());
    }

    private byte[] checkedSize(byte[] bytes) {
        if (bytes.length == 0) {
            throw new RejectedCableException(400, "empty", "the cable is empty");
        }
        if (bytes.length > config.maxCableBytes()) {
            throw tooLarge(bytes.length + " bytes", config.maxCableBytes());
        }
        return bytes;
    }

    public static RejectedCableException tooLarge(String size, int limit) {
        return new RejectedCableException(413, "too-large", "the cable has " + size + "; at most " + limit
                + " bytes are accepted (cables.ingest.max-cable-bytes)");
    }

    /**
     * Control characters other than tab, line breaks, form feed and NUL padding make more than 1% of the text's
     * characters. A control character is one byte in UTF-8, and no byte of a longer sequence is below 0x80, so
     * they are counted in the bytes, eight at a time: only a word holding a byte below 0x20 other than a line
     * feed (rare in a cable) is looked at byte by byte, and the exact test of that runs only on the words that a
     * cheaper one flags (about one in nine: the words with a line feed). The characters are counted only when there is a control
     * character to weigh.
     */
    static boolean looksBinary(byte[] utf8) {
        int control = 0;
        int i = 0;
        for (; i + ByteWords.SIZE <= utf8.length; i += ByteWords.SIZE) {
            long word = ByteWords.at(utf8, i);
            if (ByteWords.mayHaveBelow(word, 0x20)
                    && (ByteWords.below(word, 0x20) & ~ByteWords.equal(word, (byte) '\n')) != 0) {
                control += controlCharacters(utf8, i, i + ByteWords.SIZE);
            }
        }
        control += controlCharacters(utf8, i, utf8.length);
        return control > 0 && control * 100L > utf16Length(utf8);
    }

    private static int controlCharacters(byte[] utf8, int from, int to) {
        int control = 0;
        for (int i = from; i < to; i++) {
            byte b = utf8[i];
            if (b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0) {
                control++;
            }
        }
        return control;
    }

    /** The text's length in Java chars: one per character, two for one beyond U+FFFF (a four-byte sequence). */
    private static int utf16Length(byte[] utf8) {
        int chars = 0;
        for (byte b : utf8) {
            if ((b & 0xC0) != 0x80) {
                chars += (b & 0xF8) == 0xF0 ? 2 : 1;
            }
        }
        return chars;
    }
}
