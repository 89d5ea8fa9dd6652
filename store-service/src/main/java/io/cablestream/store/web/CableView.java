package io.cablestream.store.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.cablestream.events.CableJson;
import io.cablestream.events.ParsedCable;
import io.cablestream.store.persistence.query.CableEntity;
import io.cablestream.store.persistence.query.CitingCable;
import io.cablestream.store.persistence.query.ReferenceLink;
import io.cablestream.store.rest.ReadableCable;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A stored cable as its page shows it: the header fields as the drafters wrote them, the paragraphs with their own
 * markings, its references (each stored and visible to the reader, or not available) and the cables citing it.
 */
public record CableView(String cableId, String classification, String dtg, String from, List<Addressee> to,
                        List<Addressee> info, List<String> tags, String executiveOrder, String declassifyOn,
                        String classifiedBy, List<String> reasons, String subject, String summary,
                        List<Portion> paragraphs, List<ReferenceLink> references, List<CitingCable> citedBy,
                        List<ParsedCable.Warning> warnings) {

    private static final DateTimeFormatter DTG = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** A TO or INFO addressee with the precedence it was sent at (IMMEDIATE, PRIORITY, ROUTINE...). */
    public record Addressee(String name, String precedence) {
    }

    /** A paragraph: its number, its portion marking as written (none: the cable's level), its text. */
    public record Portion(int number, String marking, String text) {
        public String markingClass() {
            return Marking.ofPortion(marking);
        }
    }

    public String bannerClass() {
        return Marking.ofClassification(classification);
    }

    /** The banner's words: the classification line, or a plain statement when the parser could not read one. */
    public String banner() {
        return classification == null || classification.isBlank() ? "CLASSIFICATION NOT READ" : classification;
    }

    static CableView of(CableEntity cable, List<ReferenceLink> references, List<CitingCable> citedBy) {
        ParsedCable parsed = read(cable.parsed, ParsedCable.class);
        JsonNode readable = read(ReadableCable.of(cable), JsonNode.class);
        List<Portion> paragraphs = new ArrayList<>();
        for (JsonNode paragraph : readable.path("paragraphs")) {
            paragraphs.add(new Portion(paragraph.path("number").asInt(),
                    paragraph.path("marking").isTextual() ? paragraph.path("marking").asText() : null,
                    paragraph.path("text").asText("")));
        }
        ParsedCable.ExecutiveOrder order = parsed.executiveOrder();
        ParsedCable.ClassifiedBy by = parsed.classifiedBy();
        LocalDate declassify = order == null ? null : order.declassifyOn();
        return new CableView(cable.cableId, cable.classification,
                cable.dtg == null ? null : DTG.format(cable.dtg), parsed.from(), addressees(parsed.to()),
                addressees(parsed.info()), parsed.tags().stream().map(ParsedCable.Tag::code).toList(),
                order == null ? null : order.order(), declassify == null ? null : declassify.toString(),
                by == null ? null : by.title() == null ? by.name() : by.name() + ", " + by.title(),
                by == null ? List.of() : by.reasons(), cable.subject, parsed.summary(), paragraphs, references,
                citedBy, parsed.warnings());
    }

    private static List<Addressee> addressees(List<ParsedCable.Recipient> recipients) {
        return recipients.stream().map(r -> new Addressee(r.name(), r.precedence())).toList();
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return CableJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored cable's parsed JSON does not read", e);
        }
    }
}
