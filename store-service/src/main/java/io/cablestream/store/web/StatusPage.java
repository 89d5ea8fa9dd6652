package io.cablestream.store.web;

import io.cablestream.auth.AuditLog;
import io.cablestream.auth.Roles;
import io.cablestream.store.persistence.query.CableCounts;
import io.cablestream.store.persistence.query.ClearedReads;
import io.cablestream.store.persistence.query.DeadLetterPage;
import io.cablestream.store.persistence.query.DeadLetterQueries;
import io.cablestream.store.security.CallerToken;
import io.cablestream.store.security.ReaderClearance;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The operators' pipeline page: readiness, consumer lag per stage, what each stage did over the last minutes, the dead
 * letters (for an operator cleared for everything, as {@code /api/dead-letters}), and a button that asks
 * parse-service to replay them, with the operator's own token (parse-service checks the role again).
 */
@RolesAllowed(Roles.OPERATOR)
@Path("/ui/status")
public class StatusPage {

    private static final int DEAD_LETTERS_SHOWN = 20;
    private static final List<Integer> RATE_MINUTES = List.of(1, 5, 15);

    private final PipelineProbe probe;
    private final PipelineConfig config;
    private final CableCounts counts;
    private final DeadLetterQueries deadLetters;
    private final ClearedReads reads;
    private final ReaderClearance reader;
    private final JsonWebToken token;
    private final CallerToken caller;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public StatusPage(PipelineProbe probe, PipelineConfig config, CableCounts counts, DeadLetterQueries deadLetters,
                      ClearedReads reads, ReaderClearance reader, JsonWebToken token, CallerToken caller) {
        this.probe = probe;
        this.config = config;
        this.counts = counts;
        this.deadLetters = deadLetters;
        this.reads = reads;
        this.reader = reader;
        this.token = token;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        List<PipelineStatus.Stage> stages = new ArrayList<>();
        config.consumerGroups().forEach((stage, group) -> stages.add(probe.lag(stage, group)));
        stages.sort(java.util.Comparator.comparing(PipelineStatus.Stage::name));
        // the probes ask other processes (and this one's health checks, which read the database their own way):
        // outside the cleared read's transaction
        List<PipelineStatus.Service> services = probe.services(config.readiness());
        Instant now = Instant.now();
        List<PipelineStatus.Rate> rates = new ArrayList<>(List.of(
                probe.received("ingested", config.topics().raw(), RATE_MINUTES, now),
                probe.received("parsed", config.topics().parsed(), RATE_MINUTES, now),
                probe.received("dead-lettered", config.topics().deadLetter(), RATE_MINUTES, now)));
        PipelineStatus status = reads.call(reader.get(), () -> {
            List<PipelineStatus.Count> stored = new ArrayList<>();
            for (int minutes : RATE_MINUTES) {
                stored.add(new PipelineStatus.Count(minutes, counts.storedSince(now.minus(Duration.ofMinutes(minutes)))));
            }
            rates.add(new PipelineStatus.Rate("stored", "the database, cables you may read", stored, null));
            DeadLetterPage page = deadLetters.page(null, DEAD_LETTERS_SHOWN, null);
            return new PipelineStatus(services, stages, RATE_MINUTES, rates, page.items(), deadLetters.stats().total());
        });
        return Pages.status(Viewer.of(token, reader), status);
    }

    /**
     * The replay button (htmx). Only an htmx request may ask: another site's form cannot set the HX-Request
     * header, on top of the SameSite=Strict cookie.
     */
    @POST
    @Path("/replay")
    @Produces(MediaType.TEXT_HTML)
    public Response replay(@HeaderParam("HX-Request") String htmx) {
        if (!"true".equals(htmx)) {
            return WebErrorPages.html(400, Pages.error(Viewer.of(token, reader), 400, "Replay from the page",
                    "Use the replay button of the pipeline page."));
        }
        AuditLog.record(reader.subject(), "ui-replay-dead-letters", null, null, AuditLog.Outcome.DONE);
        String outcome;
        boolean done = false;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(config.replayDeadLetters())
                    .timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + caller.forwardable())
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            done = response.statusCode() == 200;
            outcome = done ? response.body() : "parse-service answered HTTP " + response.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "interrupted";
        } catch (Exception e) {
            outcome = "parse-service is not reachable at " + config.replayDeadLetters();
        }
        return Response.ok(Pages.replayed(done, outcome).render()).build();
    }
}
