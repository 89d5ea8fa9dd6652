package io.cablestream.load;

import io.cablestream.auth.Clearance;
import io.cablestream.auth.Roles;
import io.cablestream.testkit.TestTokens;

import java.util.Set;

/**
 * The feeders' {@code Authorization} header: an ingest token of the test kit's key pair, which the services the
 * harness starts (ServiceProcess) verify. Valid for an hour, longer than a run of the release's size takes.
 */
final class LoadToken {

    static final String BEARER = TestTokens.bearer(TestTokens.token("load-harness", Set.of(Roles.INGEST),
            Clearance.of("UNCLASSIFIED", Set.of())));

    private LoadToken() {
    }
}
