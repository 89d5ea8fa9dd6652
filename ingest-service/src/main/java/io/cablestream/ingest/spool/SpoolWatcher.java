package io.cablestream.ingest.spool;

import io.cablestream.ingest.config.IngestConfig;
import io.cablestream.ingest.service.BrokerUnavailableException;
import io.cablestream.ingest.service.CableItems;
import io.cablestream.ingest.service.ItemOutcome;
import io.cablestream.ingest.service.CableIngestService;
import io.cablestream.ingest.messaging.DuplicateIndex;
import io.cablestream.ingest.source.CableFile;
import io.cablestream.ingest.source.CableSources;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The continuous feed: every finished file of {@code inbox/} is published (a plain file is one cable; .zip,
 * .tar.gz, .csv and .ndjson files are batches) and moved to {@code done/} only after the broker acknowledged
 * it, or to {@code failed/} when it held a cable that was rejected. While the broker is away files stay put.
 */
@ApplicationScoped
public class SpoolWatcher {

    private static final Logger LOG = Logger.getLogger(SpoolWatcher.class);

    private final IngestConfig config;
    private final CableIngestService ingestService;
    private final CableSources sources;
    private final DuplicateIndex index;
    private final StableFiles stableFiles = new StableFiles();
    private SpoolDirectory spool;

    public SpoolWatcher(IngestConfig config, CableIngestService ingestService, CableSources sources,
                        DuplicateIndex index) {
        this.config = config;
        this.ingestService = ingestService;
        this.sources = sources;
        this.index = index;
    }

    @Scheduled(every = "${cables.ingest.spool.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scan() throws IOException {
        Optional<Path> root = config.spool().directory();
        if (root.isEmpty() || !index.loaded()) {
            return;
        }
        if (spool == null) {
            spool = new SpoolDirectory(root.get());
            LOG.infof("spool: watching %s", spool.inbox);
        }
        for (Path file : stableFiles.scan(spool.inbox)) {
            if (!publish(file)) {
                return;
            }
        }
    }

    /** False when the broker failed: the file stays in inbox/ and the scan stops until the next one. */
    private boolean publish(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (Files.isSymbolicLink(file)) {
            // a link could make the service read any file it may read (../../etc/passwd): refused, not followed
            spool.failed(file, "a symbolic link (to " + Files.readSymbolicLink(file) + "): only regular files in "
                    + "inbox/ are read\n");
            return true;
        }
        try {
            List<ItemOutcome> outcomes = ingestService.ingestAll(open(file, name));
            List<ItemOutcome> rejected = outcomes.stream()
                    .filter(outcome -> ItemOutcome.REJECTED.equals(outcome.status())).toList();
            if (rejected.isEmpty()) {
                spool.done(file);
            } else {
                spool.failed(file, rejected.stream()
                        .map(outcome -> outcome.source() + ": " + outcome.reason() + ": " + outcome.detail())
                        .collect(Collectors.joining("\n", "", "\n")));
            }
            LOG.debugf("spool: %s -> %d items, %d rejected", name, outcomes.size(), rejected.size());
        } catch (BrokerUnavailableException e) {
            LOG.warnf("spool: %s stays in inbox/: %s", name, e.getMessage());
            return false;
        } catch (IOException | UncheckedIOException e) {
            spool.failed(file, "the file could not be read: " + e.getMessage() + "\n");
        } catch (RuntimeException e) {
            // whatever else the file did to its reader, it must not stay first in inbox/ and block the others
            LOG.warnf(e, "spool: %s could not be ingested", name);
            spool.failed(file, "the file could not be ingested: " + e + "\n");
        }
        return true;
    }

    private CableItems open(Path file, String name) throws IOException {
        Optional<String> batchType = CableSources.mediaTypeOf(name);
        if (batchType.isPresent()) {
            return sources.open(batchType.get(), null, Files.newInputStream(file));
        }
        return sources.files(List.of(new CableFile(file, name, null, "text/plain")));
    }
}
