package io.cablestream.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One cable as the parser read it: the event on {@link Topics#PARSED}. Field names are a public contract
 * (see {@code parsed-cable.schema.json}); fields the parser could not find are absent, never guessed.
 * New fields may be added; renaming or removing one raises {@link #SCHEMA_VERSION}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"schemaVersion", "parserVersion", "cableId", "dtg", "classification", "caveats", "section",
        "from", "to", "info", "tags", "subject", "references", "classifiedBy", "executiveOrder", "summary",
        "comment", "paragraphs", "signers", "redactions", "header", "warnings", "ingestId", "contentSha256",
        "receivedAt", "source", "rawText"})
public record ParsedCable(
        int schemaVersion,
        String parserVersion,
        String cableId,
        Instant dtg,
        String classification,
        List<String> caveats,
        Section section,
        String from,
        List<Recipient> to,
        List<Recipient> info,
        List<Tag> tags,
        String subject,
        List<Reference> references,
        ClassifiedBy classifiedBy,
        ExecutiveOrder executiveOrder,
        String summary,
        String comment,
        List<Paragraph> paragraphs,
        List<String> signers,
        Integer redactions,
        Header header,
        List<Warning> warnings,
        String ingestId,
        String contentSha256,
        Instant receivedAt,
        String source,
        String rawText) {

    public static final int SCHEMA_VERSION = 1;

    /** Lists are never null: JSON leaves empty ones out, and reading it back gives empty lists. */
    public ParsedCable {
        caveats = orEmpty(caveats);
        to = orEmpty(to);
        info = orEmpty(info);
        tags = orEmpty(tags);
        references = orEmpty(references);
        paragraphs = orEmpty(paragraphs);
        signers = orEmpty(signers);
        warnings = orEmpty(warnings);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** The same cable with the facts of its ingestion, which the parser cannot know. */
    public ParsedCable withIngest(String ingestId, String contentSha256, Instant receivedAt, String source,
                                  String rawText) {
        return new ParsedCable(schemaVersion, parserVersion, cableId, dtg, classification, caveats, section, from,
                to, info, tags, subject, references, classifiedBy, executiveOrder, summary, comment, paragraphs,
                signers, redactions, header, warnings, ingestId, contentSha256, receivedAt, source, rawText);
    }

    /** "Section 01 of 02" of the classification line. */
    public record Section(int number, int of) {
    }

    /**
     * An addressee: {@code RUEHC/SECSTATE WASHDC PRIORITY 6323}. {@code excluded} are the posts a collective's
     * {@code XMT} lines leave out ({@code XMT AMEMBASSY SOFIA} below {@code EUROPEAN POLITICAL COLLECTIVE}).
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Recipient(String routing, String name, String precedence, String serial, List<String> excluded) {
        public Recipient {
            excluded = orEmpty(excluded);
        }

        public Recipient(String routing, String name, String precedence, String serial) {
            this(routing, name, precedence, serial, List.of());
        }
    }

    /** A TAGS token and what kind of tag it is. */
    public record Tag(String code, TagKind kind) {
    }

    public enum TagKind { SUBJECT, COUNTRY, ORGANISATION, PROGRAM, PERSON }

    /**
     * A REF bullet: {@code label} "A", {@code text} as written, what {@code kind} of document it cites, and the
     * canonical {@code cableId} when that is a cable.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Reference(String label, String cableId, String text, ReferenceKind kind) {
        public Reference {
            if (kind == null) {
                kind = cableId != null ? ReferenceKind.CABLE : ReferenceKind.OTHER;
            }
        }

        public Reference(String label, String cableId, String text) {
            this(label, cableId, text, null);
        }
    }

    /** What a reference cites: only a CABLE has a cableId. */
    public enum ReferenceKind { CABLE, EMAIL, TELCON, REPORT, MEETING, OTHER }

    /**
     * {@code Classified By: Acting DCM Marc Wall, E.O. 12958, Reasons 1.4 (b) and (d)}: the name as written, the
     * title apart, the reason codes and the executive order cited. {@code others} are further classifiers of the
     * same cable (a second line, or "X and Y"), each with its name and title.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ClassifiedBy(String name, String title, List<String> reasons, String order,
                               List<Classifier> others) {
        public ClassifiedBy {
            reasons = orEmpty(reasons);
            others = orEmpty(others);
        }

        public ClassifiedBy(String name, String title, List<String> reasons) {
            this(name, title, reasons, null, List.of());
        }
    }

    /** One more person who classified the cable. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Classifier(String name, String title) {
    }

    /** {@code E.O. 12958: DECL: 04/07/2019}; {@code declassifyOn} is absent for N/A. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ExecutiveOrder(String order, LocalDate declassifyOn) {
    }

    /** A numbered paragraph with its marking, e.g. 2 / "SBU". */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Paragraph(int number, String marking, String text) {
    }

    /** The ACP-127 transmission header above the text. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Header(String transmissionId, String actionPrecedence, String infoPrecedence,
                         List<String> routingIndicators, String station, String serial, Integer section,
                         String julianTime, String securityLine) {
    }

    /** Something the parser noticed and could not read or had to repair. */
    public record Warning(String code, String message) {
    }
}
