package io.cablestream.store.web;

import jakarta.ws.rs.core.UriInfo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The UI's own paths, and the checks on a path a request hands back to it. */
final class WebPaths {

    static final String HOME = "/ui/cables";

    private WebPaths() {
    }

    /** Where to go after signing in: a UI page of this service only, never another site ({@code //evil}). */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/ui/") || next.startsWith("//") || next.contains("\\")
                || next.startsWith("/ui/sign-")) {
            return HOME;
        }
        return next;
    }

    static boolean secure(UriInfo uri) {
        return "https".equalsIgnoreCase(uri.getRequestUri().getScheme());
    }

    static String cable(String cableId) {
        return "/ui/cables/" + encode(cableId);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
