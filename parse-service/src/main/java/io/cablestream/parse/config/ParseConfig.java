package io.cablestream.parse.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of parse-service ({@code parse.*}). */
@ConfigMapping(prefix = "parse")
public interface ParseConfig {

    /** Cables parsed at once on worker threads: parsing is CPU-bound, so about twice the cores. */
    @WithDefault("4")
    int concurrency();
}
