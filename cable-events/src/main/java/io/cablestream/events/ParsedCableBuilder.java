package io.cablestream.events;

import io.cablestream.events.ParsedCable.ClassifiedBy;
import io.cablestream.events.ParsedCable.ExecutiveOrder;
import io.cablestream.events.ParsedCable.Header;
import io.cablestream.events.ParsedCable.Ingest;
import io.cablestream.events.ParsedCable.Paragraph;
import io.cablestream.events.ParsedCable.Recipient;
import io.cablestream.events.ParsedCable.Reference;
import io.cablestream.events.ParsedCable.Section;
import io.cablestream.events.ParsedCable.Tag;
import io.cablestream.events.ParsedCable.Warning;

import java.time.Instant;
import java.util.List;

/** Builds a {@link ParsedCable} field by field: what is not set is absent (lists empty). */
public final class ParsedCableBuilder {

    private int schemaVersion = ParsedCable.SCHEMA_VERSION;
    private String parserVersion;
    private String cableId;
    private Instant dtg;
    private String classification;
    private List<String> caveats;
    private Section section;
    private String from;
    private List<Recipient> to;
    private List<Recipient> info;
    private List<Tag> tags;
    private String subject;
    private List<Reference> references;
    private ClassifiedBy classifiedBy;
    private ExecutiveOrder executiveOrder;
    private String summary;
    private String comment;
    private List<Paragraph> paragraphs;
    private List<String> signers;
    private Integer redactions;
    private Header header;
    private List<Warning> warnings;
    private Ingest ingest;
    private String rawText;

    ParsedCableBuilder() {
    }

    ParsedCableBuilder(ParsedCable cable) {
        schemaVersion = cable.schemaVersion();
        parserVersion = cable.parserVersion();
        cableId = cable.cableId();
        dtg = cable.dtg();
        classification = cable.classification();
        caveats = cable.caveats();
        section = cable.section();
        from = cable.from();
        to = cable.to();
        info = cable.info();
        tags = cable.tags();
        subject = cable.subject();
        references = cable.references();
        classifiedBy = cable.classifiedBy();
        executiveOrder = cable.executiveOrder();
        summary = cable.summary();
        comment = cable.comment();
        paragraphs = cable.paragraphs();
        signers = cable.signers();
        redactions = cable.redactions();
        header = cable.header();
        warnings = cable.warnings();
        ingest = cable.ingest();
        rawText = cable.rawText();
    }

    public ParsedCableBuilder schemaVersion(int schemaVersion) {
        this.schemaVersion = schemaVersion;
        return this;
    }

    public ParsedCableBuilder parserVersion(String parserVersion) {
        this.parserVersion = parserVersion;
        return this;
    }

    public ParsedCableBuilder cableId(String cableId) {
        this.cableId = cableId;
        return this;
    }

    public ParsedCableBuilder dtg(Instant dtg) {
        this.dtg = dtg;
        return this;
    }

    public ParsedCableBuilder classification(String classification) {
        this.classification = classification;
        return this;
    }

    public ParsedCableBuilder caveats(List<String> caveats) {
        this.caveats = caveats;
        return this;
    }

    public ParsedCableBuilder section(Section section) {
        this.section = section;
        return this;
    }

    public ParsedCableBuilder from(String from) {
        this.from = from;
        return this;
    }

    public ParsedCableBuilder to(List<Recipient> to) {
        this.to = to;
        return this;
    }

    public ParsedCableBuilder info(List<Recipient> info) {
        this.info = info;
        return this;
    }

    public ParsedCableBuilder tags(List<Tag> tags) {
        this.tags = tags;
        return this;
    }

    public ParsedCableBuilder subject(String subject) {
        this.subject = subject;
        return this;
    }

    public ParsedCableBuilder references(List<Reference> references) {
        this.references = references;
        return this;
    }

    public ParsedCableBuilder classifiedBy(ClassifiedBy classifiedBy) {
        this.classifiedBy = classifiedBy;
        return this;
    }

    public ParsedCableBuilder executiveOrder(ExecutiveOrder executiveOrder) {
        this.executiveOrder = executiveOrder;
        return this;
    }

    public ParsedCableBuilder summary(String summary) {
        this.summary = summary;
        return this;
    }

    public ParsedCableBuilder comment(String comment) {
        this.comment = comment;
        return this;
    }

    public ParsedCableBuilder paragraphs(List<Paragraph> paragraphs) {
        this.paragraphs = paragraphs;
        return this;
    }

    public ParsedCableBuilder signers(List<String> signers) {
        this.signers = signers;
        return this;
    }

    public ParsedCableBuilder redactions(Integer redactions) {
        this.redactions = redactions;
        return this;
    }

    public ParsedCableBuilder header(Header header) {
        this.header = header;
        return this;
    }

    public ParsedCableBuilder warnings(List<Warning> warnings) {
        this.warnings = warnings;
        return this;
    }

    public ParsedCableBuilder ingest(Ingest ingest) {
        this.ingest = ingest;
        return this;
    }

    public ParsedCableBuilder rawText(String rawText) {
        this.rawText = rawText;
        return this;
    }

    public ParsedCable build() {
        return new ParsedCable(schemaVersion, parserVersion, cableId, dtg, classification, caveats, section, from,
                to, info, tags, subject, references, classifiedBy, executiveOrder, summary, comment, paragraphs,
                signers, redactions, header, warnings, ingest, rawText);
    }
}
