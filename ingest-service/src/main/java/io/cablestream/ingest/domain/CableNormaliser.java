package io.cablestream.ingest.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The normal form of a cable's text, so that the same cable sent as CRLF or LF, with or without trailing
 * blanks, has one SHA-256: the record key on cables.raw and the duplicate check.
 */
public final class CableNormaliser {

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n?");
    private static final Pattern TRAILING_BLANKS = Pattern.compile("[ \t]+(?=\n)|\\s+$");

    private CableNormaliser() {
    }

    public static String normalise(String text) {
        String unified = LINE_BREAK.matcher(text).replaceAll("\n");
        return TRAILING_BLANKS.matcher(unified).replaceAll("");
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
