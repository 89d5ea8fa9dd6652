package io.cablestream.store.web;

import io.cablestream.auth.Clearance;
import io.cablestream.auth.Roles;
import io.cablestream.store.security.ReaderClearance;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is looking, for the page header: the token's subject and clearance, and whether the operator's pages are
 * theirs. {@link #ANONYMOUS} on the sign-in and error pages of someone not signed in.
 */
public record Viewer(String subject, String clearance, boolean operator) {

    public static final Viewer ANONYMOUS = new Viewer(null, null, false);

    public boolean signedIn() {
        return subject != null;
    }

    static Viewer of(JsonWebToken token, ReaderClearance reader) {
        Clearance clearance = reader.get();
        String controls = String.join(", ", clearance.sortedControls());
        return new Viewer(token.getName(), clearance.level().label() + (controls.isEmpty() ? "" : " (" + controls + ")"),
                token.getGroups().contains(Roles.OPERATOR));
    }
}
