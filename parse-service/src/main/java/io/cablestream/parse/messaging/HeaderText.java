package io.cablestream.parse.messaging;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;

/**
 * The text of a record header. The rule: a header that is absent (or a record without headers) is null, never
 * {@code ""}, so that "not sent" stays apart from "sent empty"; a caller that wants a default says so itself.
 */
public final class HeaderText {

    private HeaderText() {
    }

    /** The last value of the header {@code name} as UTF-8 text, or null when there is none. */
    public static String header(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
