package io.cablestream.auth;

import java.util.Set;

/** The roles a token's {@code groups} claim grants (MicroProfile JWT): what its bearer may do. */
public final class Roles {

    /** Post cables to ingest-service. */
    public static final String INGEST = "ingest";
    /** Query the stored cables, within the token's clearance. */
    public static final String READER = "reader";
    /** Replay {@code cables.raw} and the dead letters, list the dead letters. */
    public static final String OPERATOR = "operator";

    public static final Set<String> ALL = Set.of(INGEST, READER, OPERATOR);

    private Roles() {
    }
}
