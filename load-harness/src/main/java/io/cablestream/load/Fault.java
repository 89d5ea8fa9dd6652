package io.cablestream.load;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What the fault matrix does to a running pipeline, one at a time. */
enum Fault {
    KILL_INGEST("kill -9 ingest-service, started again; the client retries"),
    KILL_PARSE("kill -9 parse-service, started again"),
    KILL_STORE("kill -9 store-service, started again"),
    RESTART_BROKER("kill -9 the broker, restarted after " + ChaosPipeline.DOWN.toSeconds() + " s"),
    RESTART_POSTGRES("kill -9 PostgreSQL, restarted after " + ChaosPipeline.DOWN.toSeconds() + " s"),
    STOP_INGEST("ingest stopped " + ChaosPipeline.INGEST_STOPPED.toSeconds() + " s while files arrive in its spool");

    final String description;

    Fault(String description) {
        this.description = description;
    }

    /** {@code kill-ingest} for KILL_INGEST. */
    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    void inject(ChaosPipeline pipeline) throws Exception {
        switch (this) {
            case KILL_INGEST -> pipeline.killAndRestart("ingest-service");
            case KILL_PARSE -> pipeline.killAndRestart("parse-service");
            case KILL_STORE -> pipeline.killAndRestart("store-service");
            case RESTART_BROKER -> pipeline.broker.crashAndRestart(ChaosPipeline.DOWN);
            case RESTART_POSTGRES -> pipeline.postgres.crashAndRestart(ChaosPipeline.DOWN);
            case STOP_INGEST -> pipeline.stopIngestAWhile();
        }
    }

    /** {@code all}, or labels separated by commas. */
    static List<Fault> parse(String list) {
        if (list.equals("all")) {
            return List.of(values());
        }
        return Arrays.stream(list.split(",")).map(String::trim).map(label -> Arrays.stream(values())
                .filter(f -> f.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fault " + label + "; one of all, "
                        + Arrays.stream(values()).map(Fault::label).toList()))).toList();
    }
}
