package io.cablestream.store.web;

import io.cablestream.store.persistence.query.CableSummary;
import io.cablestream.store.persistence.query.CitingCable;
import io.quarkus.qute.TemplateExtension;

/** What the templates ask of the query records that are not the UI's own: their marking's colour. */
@TemplateExtension
final class TemplateExtensions {

    private static final java.time.format.DateTimeFormatter DTG = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(java.time.ZoneOffset.UTC);

    private TemplateExtensions() {
    }

    static String levelClass(CableSummary cable) {
        return Marking.ofClassification(cable.classification());
    }

    /** {@code 2009-04-07 15:27Z}: a DTG as a reader scans it (the API's instants carry seconds no cable has). */
    static String dtgText(CableSummary cable) {
        return cable.dtg() == null ? "" : DTG.format(cable.dtg());
    }

    /**
     * A value as one segment of a link's path or query ({@code /ui/cables/{id}}, {@code ?tag=}): a stored id or
     * code may hold any character, and HTML escaping alone would leave {@code /}, {@code ?} or {@code &} in the link.
     */
    static String link(String value) {
        return value == null ? "" : WebPaths.encode(value);
    }

    static String levelClass(CitingCable cable) {
        return Marking.ofClassification(cable.classification());
    }
}
