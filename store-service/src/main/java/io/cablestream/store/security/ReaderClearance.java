package io.cablestream.store.security;

import io.cablestream.auth.Clearance;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The clearance of the request's token: its {@code clearance} level and {@code caveats} controls (claims named in
 * {@link Clearance}). A token without a level is cleared for UNCLASSIFIED only; one whose claims name an unknown
 * level or control is refused (403), never read as more than it says.
 */
@RequestScoped
public class ReaderClearance {

    private final JsonWebToken token;

    public ReaderClearance(JsonWebToken token) {
        this.token = token;
    }

    public Clearance get() {
        Object level = token.getClaim(Clearance.LEVEL_CLAIM);
        try {
            return Clearance.of(level == null ? Clearance.Level.UNCLASSIFIED.label() : text(level),
                    strings(token.getClaim(Clearance.CONTROLS_CLAIM)));
        } catch (IllegalArgumentException e) {
            throw new ForbiddenException("the token's clearance claims do not read: " + e.getMessage());
        }
    }

    /** A caller's name for the audit log. */
    public String subject() {
        return token.getName();
    }

    private static String text(Object claim) {
        return claim instanceof JsonString s ? s.getString() : claim.toString();
    }

    private static List<String> strings(Object claim) {
        List<String> out = new ArrayList<>();
        if (claim instanceof JsonArray array) {
            array.forEach(v -> out.add(text(v)));
        } else if (claim instanceof Collection<?> values) {
            values.forEach(v -> out.add(text(v)));
        } else if (claim != null) {
            out.add(text(claim));
        }
        return out;
    }
}
