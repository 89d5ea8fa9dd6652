package io.cablestream.store.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The browser UI's pages, one Qute template each under {@code templates/} (checked when the service is built): a
 * misspelt field fails the build, not a reader's page.
 */
@CheckedTemplate
public final class Pages {

    private Pages() {
    }

    public static native TemplateInstance signIn(Viewer viewer, String error, String next);

    public static native TemplateInstance search(Viewer viewer, SearchView search);

    public static native TemplateInstance cable(Viewer viewer, CableView cable);

    public static native TemplateInstance raw(String text);

    public static native TemplateInstance graph(Viewer viewer, Neighbourhood graph);

    public static native TemplateInstance overview(Viewer viewer);

    public static native TemplateInstance status(Viewer viewer, PipelineStatus status);

    public static native TemplateInstance replayed(boolean done, String outcome);

    public static native TemplateInstance error(Viewer viewer, int status, String title, String detail);
}
