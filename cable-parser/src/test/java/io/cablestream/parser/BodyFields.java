package io.cablestream.parser;

import io.cablestream.events.ParsedCable;

import java.util.LinkedHashMap;
import java.util.Map;

/** The body fields of a parse in a comparable form: what noise must not change. */
final class BodyFields {

    private BodyFields() {
    }

    static Map<String, Object> of(ParsedCable c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subject", c.subject() == null ? null : Strings.collapse(c.subject()));
        m.put("tags", c.tags().stream().map(ParsedCable.Tag::code).toList());
        m.put("references", c.references().stream().map(ParsedCable.Reference::cableId).toList());
        m.put("classifiedBy", c.classifiedBy() == null ? null : c.classifiedBy().name() + "|" + c.classifiedBy().title()
                + "|" + c.classifiedBy().reasons());
        m.put("summary", c.summary() == null ? null : Strings.collapse(c.summary()));
        m.put("signers", c.signers());
        m.put("declassifyOn", c.executiveOrder() == null ? null : c.executiveOrder().declassifyOn());
        m.put("to", c.to().stream().map(ParsedCable.Recipient::name).toList());
        m.put("info", c.info().stream().map(ParsedCable.Recipient::name).toList());
        return m;
    }
}
