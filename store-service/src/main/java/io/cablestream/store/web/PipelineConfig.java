package io.cablestream.store.web;

import io.smallrye.config.ConfigMapping;

import java.net.URI;
import java.util.Map;

/** What the operators' pipeline page watches ({@code cables.ui.*}). */
@ConfigMapping(prefix = "cables.ui")
public interface PipelineConfig {

    /** Each other service's readiness URL by name ({@code /q/health/ready}); store-service asks its own checks. */
    Map<String, URI> readiness();

    /** Each stage's Kafka consumer group by stage name, whose lag the page shows. */
    Map<String, String> consumerGroups();

    /** The topics whose records of the last minutes show what each stage did. */
    Topics topics();

    /** parse-service's {@code POST /api/replay/dead-letters}, called with the operator's own token. */
    URI replayDeadLetters();

    /** What ingest-service accepted, what parse-service made of it, and what it refused. */
    interface Topics {
        String raw();

        String parsed();

        String deadLetter();
    }
}
