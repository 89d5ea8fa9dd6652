package io.cablestream.parse.messaging;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderTextTest {

    @Test
    void anAbsentHeaderIsNullAndAnEmptyOneIsEmpty() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("empty", new byte[0]);
        assertThat(HeaderText.header(headers, "ingestId")).isNull();
        assertThat(HeaderText.header(null, "ingestId")).isNull();
        assertThat(HeaderText.header(headers, "empty")).isEmpty();
    }

    @Test
    void theLastValueIsReadAsUtf8() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("source", "first.txt".getBytes(StandardCharsets.UTF_8));
        headers.add("source", "Caf\u00e9.txt".getBytes(StandardCharsets.UTF_8));
        assertThat(HeaderText.header(headers, "source")).isEqualTo("Caf\u00e9.txt");
    }
}
