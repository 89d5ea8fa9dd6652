package io.cablestream.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ParserVersionTest {

    @Test
    void newerVersionsOrderAfterOlderOnes() {
        assertThat(ParserVersion.order("1.10.0")).isGreaterThan(ParserVersion.order("1.9.9"));
        assertThat(ParserVersion.order("2.0.0")).isGreaterThan(ParserVersion.order("1.999.0"));
        assertThat(ParserVersion.order("1.0.1-SNAPSHOT")).isGreaterThan(ParserVersion.order("1.0.0"));
    }

    @Test
    void unreadableVersionsOrderFirst() {
        assertThat(ParserVersion.order("garbage")).isLessThan(ParserVersion.order("0.0.0"));
        assertThat(ParserVersion.order(null)).isLessThan(ParserVersion.order("0.0.0"));
    }
}
