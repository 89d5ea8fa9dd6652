package io.cablestream.store.web;

import jakarta.ws.rs.core.NewCookie;

import java.time.Duration;
import java.time.Instant;

/**
 * The browser's sign-in: the user's own token in an HttpOnly, SameSite=Strict cookie that only {@code /ui} pages
 * receive, which smallrye-jwt verifies exactly as it verifies a bearer header ({@code mp.jwt.token.cookie}). Scripts
 * cannot read it, another site cannot make the browser send it, and the browser never sends it to {@code /api}, whose
 * callers keep sending the Authorization header (read whenever no such cookie comes).
 */
public final class SessionCookie {

    /** Must stay the value of {@code mp.jwt.token.cookie} in application.properties. */
    public static final String NAME = "cables_session";
    static final String PATH = "/ui";

    private SessionCookie() {
    }

    /** The cookie holding {@code token} until it expires; Secure when the page came over HTTPS. */
    static NewCookie of(String token, Instant expires, boolean secure) {
        long seconds = Math.max(0, Duration.between(Instant.now(), expires).getSeconds());
        return new NewCookie.Builder(NAME).value(token).path(PATH).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).maxAge((int) Math.min(seconds, Integer.MAX_VALUE)).build();
    }

    /** The cookie that removes it. */
    static NewCookie cleared(boolean secure) {
        return new NewCookie.Builder(NAME).value("").path(PATH).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(0).build();
    }
}
