package io.cablestream.ingest.rest;

import jakarta.ws.rs.core.MediaType;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/** The parts of a Content-Type header the routes need. */
final class MediaTypes {

    private MediaTypes() {
    }

    static String withoutParameters(String contentType, String fallback) {
        return contentType == null ? fallback : contentType.split(";", 2)[0].trim();
    }

    /** The declared charset, or null when none (or an unknown one) is declared. */
    static Charset declaredCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        try {
            String charset = MediaType.valueOf(contentType).getParameters().get(MediaType.CHARSET_PARAMETER);
            return charset == null ? null : Charset.forName(charset);
        } catch (IllegalArgumentException e) {
            // IllegalCharsetNameException and UnsupportedCharsetException are IllegalArgumentExceptions
            return null;
        }
    }
}
