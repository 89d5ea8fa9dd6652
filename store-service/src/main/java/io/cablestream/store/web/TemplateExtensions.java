package io.cablestream.store.web;

import io.cablestream.store.persistence.query.CableSummary;
import io.cablestream.store.persistence.query.CitingCable;
import io.quarkus.qute.TemplateExtension;

/** What the templates ask of the query records that are not the UI's own: their marking's colour. */
@TemplateExtension
final class TemplateExtensions {

    private TemplateExtensions() {
    }

    static String levelClass(CableSummary cable) {
        return Marking.cssClass(cable.classification());
    }

    static String levelClass(CitingCable cable) {
        return Marking.cssClass(cable.classification());
    }
}
