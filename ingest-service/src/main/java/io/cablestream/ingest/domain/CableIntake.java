package io.cablestream.ingest.domain;

import io.cablestream.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Checks a cable's bytes and turns them into the {@link RawCable} that will be published. */
@ApplicationScoped
public class CableIntake {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final IngestConfig config;

    public CableIntake(IngestConfig config) {
        this.config = config;
    }

    public RawCable accept(CableItem item) {
        if (item.unreadable() != null) {
            throw item.unreadable();
        }
        CableDecoder.Decoded decoded = item.text() != null
                ? new CableDecoder.Decoded(item.text(),
                        (item.declared() == null ? StandardCharsets.UTF_8 : item.declared()).name(), item.guessed())
                : CableDecoder.decode(checkedSize(item.bytes()), item.declared());
        String text = CableNormaliser.normalise(decoded.text());
        if (text.isBlank()) {
            throw new RejectedCableException(400, decoded.text().isEmpty() ? "empty" : "blank",
                    decoded.text().isEmpty() ? "the cable is empty" : "the cable holds only white space");
        }
        byte[] utf8 = CableNormaliser.utf8(text);
        if (looksBinary(utf8, text.length())) {
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
                + " bytes are accepted (ingest.max-cable-bytes)");
    }

    /**
     * {@link #looksBinary(String)} counted in the text's UTF-8 bytes: a control character is one byte in UTF-8, and
     * no byte of a longer sequence is below 0x80. Eight bytes at a time, and only a word holding a byte below 0x20
     * (in cables, the one with a line feed) is looked at byte by byte: the byte loop alone was 9% of the service's
     * CPU in the bench profile.
     */
    static boolean looksBinary(byte[] utf8, int chars) {
        int control = 0;
        int i = 0;
        for (; i + Long.BYTES <= utf8.length; i += Long.BYTES) {
            long word = (long) LONGS.get(utf8, i);
            // the classic "has a byte less than n" test (n = 0x20): exact about whether, not about which
            if (((word - 0x20 * ONES) & ~word & HIGH_BITS) != 0) {
                control += controlCharacters(utf8, i, i + Long.BYTES);
            }
        }
        control += controlCharacters(utf8, i, utf8.length);
        return control * 100 > chars;
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
