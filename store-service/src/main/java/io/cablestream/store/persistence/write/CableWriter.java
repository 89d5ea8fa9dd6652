package io.cablestream.store.persistence.write;

import io.cablestream.copy.CopyRows;
import io.cablestream.events.CableJson;
import io.cablestream.events.ParsedCable;
import io.cablestream.events.ParserVersion;
import io.cablestream.store.service.CableEvent;
import io.cablestream.store.service.ControlCharacters;
import io.cablestream.store.service.StoreResult;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JDBC writes of one batch of parsed cables on a connection whose transaction the caller owns. Upsert rules:
 * a cable not stored yet is inserted; one stored by an older parser is replaced with its children; an event from
 * the same or an older parser changes nothing, so consuming an event twice is harmless. {@code writes} counts the
 * row's writes (insert 1, each replacement +1).
 */
public final class CableWriter {

    private static final String UPSERT_CABLE = """
            INSERT INTO cable (cable_id, dtg, classification, caveats, origin, sender, subject, summary, signers,
                               parser_version, parser_version_order, content_sha256, ingest_id, received_at,
                               stored_at, raw_text, raw_bytes, parsed, schema_version, trace_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?, ?, ?::jsonb, ?, ?)
            ON CONFLICT (cable_id) DO UPDATE SET
                dtg = EXCLUDED.dtg, classification = EXCLUDED.classification, caveats = EXCLUDED.caveats,
                origin = EXCLUDED.origin, sender = EXCLUDED.sender, subject = EXCLUDED.subject,
                summary = EXCLUDED.summary, signers = EXCLUDED.signers, parser_version = EXCLUDED.parser_version,
                parser_version_order = EXCLUDED.parser_version_order, content_sha256 = EXCLUDED.content_sha256,
                ingest_id = EXCLUDED.ingest_id, received_at = EXCLUDED.received_at, stored_at = now(),
                raw_text = EXCLUDED.raw_text, raw_bytes = EXCLUDED.raw_bytes, parsed = EXCLUDED.parsed,
                schema_version = EXCLUDED.schema_version, trace_id = EXCLUDED.trace_id, writes = cable.writes + 1
            WHERE cable.parser_version_order < EXCLUDED.parser_version_order
            """;
    // children are only ever inserted (a replaced cable's are deleted first), so they can be COPYed
    private static final String COPY_TAGS = "COPY cable_tag (cable_id, position, code, kind) FROM STDIN";
    private static final String COPY_REFERENCES =
            "COPY cable_reference (cable_id, position, label, referenced_cable_id, text) FROM STDIN";
    private static final String COPY_RECIPIENTS =
            "COPY cable_recipient (cable_id, role, position, routing, name, precedence, serial) FROM STDIN";
    // the search document is built later by SearchIndexer: to_tsvector would cost more than the whole insert
    private static final String QUEUE_FOR_SEARCH =
            "INSERT INTO cable_search_pending (cable_id) VALUES (?) ON CONFLICT DO NOTHING";
    private static final List<String> CHILD_TABLES = List.of("cable_tag", "cable_reference", "cable_recipient");

    private CableWriter() {
    }

    /** Writes the batch; the caller commits (one transaction per batch) or rolls back. */
    public static StoreResult write(Connection connection, List<CableEvent> events) throws SQLException {
        List<StoreResult.Refusal> conflicts = new ArrayList<>();
        Map<String, CableEvent> newestById = newestById(events, conflicts);
        Map<String, Stored> stored = lockStored(connection, newestById.keySet());
        List<CableEvent> toWrite = new ArrayList<>();
        for (CableEvent event : newestById.values()) {
            Stored row = stored.get(event.cableId());
            if (row == null || order(event) > row.order()) {
                toWrite.add(event);
            } else if (order(event) == row.order() && differ(sha256(event), row.sha256())) {
                conflicts.add(conflict(event, row.sha256()));
            }
        }
        List<CableEvent> replaced = toWrite.stream().filter(e -> stored.containsKey(e.cableId())).toList();
        if (!toWrite.isEmpty()) {
            deleteChildren(connection, replaced);
            upsertCables(connection, toWrite);
            insertChildren(connection, toWrite);
            queueForSearch(connection, toWrite);
        }
        return new StoreResult(toWrite.size() - replaced.size(), replaced.size(),
                events.size() - toWrite.size() - conflicts.size(), conflicts);
    }

    /**
     * A batch may hold several versions of one cable; only the newest can win, and it must be written once. Two
     * events of one parser version from different texts conflict: the second is refused, as against a stored row.
     */
    private static Map<String, CableEvent> newestById(List<CableEvent> events, List<StoreResult.Refusal> conflicts) {
        Map<String, CableEvent> newest = new LinkedHashMap<>();
        for (CableEvent event : events) {
            CableEvent held = newest.get(event.cableId());
            if (held == null || order(event) > order(held)) {
                newest.put(event.cableId(), event);
            } else if (order(event) == order(held) && differ(sha256(event), sha256(held))) {
                conflicts.add(conflict(event, sha256(held)));
            }
        }
        return newest;
    }

    /** The stored reading of a cable: its parser's order and the SHA-256 of the text it was read from. */
    private record Stored(long order, String sha256) {
    }

    private static String sha256(CableEvent event) {
        return event.cable().ingestOrNone().sha256();
    }

    /** Two known hashes that differ; an event or row without one (v1, a test's event) conflicts with nothing. */
    private static boolean differ(String a, String b) {
        return a != null && b != null && !a.equals(b);
    }

    /**
     * The same cable id and parser version from another text: not a newer reading but another document claiming the
     * id (a forged or mislabelled event). First-write-wins would hide it; it is refused, with both hashes.
     */
    private static StoreResult.Refusal conflict(CableEvent event, String storedSha256) {
        return new StoreResult.Refusal(event, "conflicting content: " + event.cableId() + " is stored by parser "
                + event.cable().parserVersion() + " from a text with SHA-256 " + storedSha256 + "; this event's text has "
                + sha256(event) + ". Another text under the same id and parser version is not stored", null);
    }

    private static long order(CableEvent event) {
        return ParserVersion.order(event.cable().parserVersion());
    }

    /*
     * NO KEY UPDATE, not UPDATE: the key never changes, and the weaker lock does not conflict with the KEY SHARE
     * locks that SearchIndexer's foreign-key checks take, which would otherwise deadlock with it.
     */
    private static Map<String, Stored> lockStored(Connection connection, Collection<String> ids)
            throws SQLException {
        Map<String, Stored> stored = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT cable_id, parser_version_order,"
                + " content_sha256 FROM cable WHERE cable_id = ANY (?) FOR NO KEY UPDATE")) {
            select.setArray(1, connection.createArrayOf("text", ids.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getString(1), new Stored(rows.getLong(2), rows.getString(3)));
                }
            }
        }
        return stored;
    }

    private static void deleteChildren(Connection connection, List<CableEvent> replaced) throws SQLException {
        if (replaced.isEmpty()) {
            return;
        }
        Array ids = connection.createArrayOf("text", replaced.stream().map(CableEvent::cableId).toArray());
        for (String table : CHILD_TABLES) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE cable_id = ANY (?)")) {
                delete.setArray(1, ids);
                delete.executeUpdate();
            }
        }
    }

    private static void upsertCables(Connection connection, List<CableEvent> events) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_CABLE)) {
            for (CableEvent event : events) {
                ParsedCable cable = event.cable();
                int i = 0;
                upsert.setString(++i, cable.cableId());
                upsert.setTimestamp(++i, timestamp(cable.dtg()));
                upsert.setString(++i, cable.classification());
                upsert.setArray(++i, connection.createArrayOf("text", cable.caveats().toArray()));
                upsert.setString(++i, CableOrigin.of(cable.cableId()));
                upsert.setString(++i, cable.from());
                upsert.setString(++i, cable.subject());
                upsert.setString(++i, cable.summary());
                upsert.setArray(++i, connection.createArrayOf("text", cable.signers().toArray()));
                upsert.setString(++i, cable.parserVersion());
                upsert.setLong(++i, ParserVersion.order(cable.parserVersion()));
                ParsedCable.Ingest ingest = cable.ingestOrNone();
                upsert.setString(++i, ingest.sha256());
                upsert.setString(++i, ingest.id());
                upsert.setTimestamp(++i, timestamp(ingest.receivedAt()));
                // text cannot hold NUL: such a text is kept exactly as bytes, and searchable with U+FFFD
                boolean nul = ControlCharacters.hasNul(cable.rawText());
                upsert.setString(++i, nul ? ControlCharacters.replaced(cable.rawText()) : cable.rawText());
                upsert.setBytes(++i, nul ? cable.rawText().getBytes(StandardCharsets.UTF_8) : null);
                // the text once, in raw_text: the JSON's paragraphs are spans of it
                upsert.setString(++i, CableJson.toJson(cable.toBuilder().rawText(null).build()));
                upsert.setInt(++i, cable.schemaVersion());
                upsert.setString(++i, event.traceId());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static void insertChildren(Connection connection, List<CableEvent> events) throws SQLException {
        CopyRows tags = new CopyRows(COPY_TAGS);
        CopyRows references = new CopyRows(COPY_REFERENCES);
        CopyRows recipients = new CopyRows(COPY_RECIPIENTS);
        for (CableEvent event : events) {
            ParsedCable cable = event.cable();
            for (int p = 0; p < cable.tags().size(); p++) {
                ParsedCable.Tag tag = cable.tags().get(p);
                tags.row(cable.cableId(), p, tag.code(),
                        tag.kind() == null ? ParsedCable.TagKind.SUBJECT.name() : tag.kind().name());
            }
            for (int p = 0; p < cable.references().size(); p++) {
                ParsedCable.Reference reference = cable.references().get(p);
                references.row(cable.cableId(), p, reference.label(), reference.cableId(), reference.text());
            }
            addRecipients(recipients, cable.cableId(), "TO", cable.to());
            addRecipients(recipients, cable.cableId(), "INFO", cable.info());
        }
        tags.sendTo(connection);
        references.sendTo(connection);
        recipients.sendTo(connection);
    }

    private static void addRecipients(CopyRows rows, String cableId, String role,
                                      List<ParsedCable.Recipient> recipients) {
        for (int p = 0; p < recipients.size(); p++) {
            ParsedCable.Recipient recipient = recipients.get(p);
            rows.row(cableId, role, p, recipient.routing(), recipient.name(), recipient.precedence(),
                    recipient.serial());
        }
    }

    private static void queueForSearch(Connection connection, List<CableEvent> events) throws SQLException {
        try (PreparedStatement queue = connection.prepareStatement(QUEUE_FOR_SEARCH)) {
            for (CableEvent event : events) {
                queue.setString(1, event.cableId());
                queue.addBatch();
            }
            queue.executeBatch();
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
