-- The query API's indexes. Every list query sorts by (DTG, cable id) with NULL DTGs last in time order, so the
-- sort key is coalesce(dtg, '-infinity'): one total order that keyset pagination can compare with a row value.
-- Each index costs insert throughput, so the V1 DTG indexes this key replaces are dropped.
DROP INDEX cable_dtg_idx;
DROP INDEX cable_classification_idx;
DROP INDEX cable_origin_idx;

CREATE INDEX cable_sort_idx ON cable ((coalesce(dtg, '-infinity'::timestamptz)), cable_id);
CREATE INDEX cable_classification_sort_idx ON cable (classification, (coalesce(dtg, '-infinity'::timestamptz)), cable_id);
CREATE INDEX cable_origin_sort_idx ON cable (origin, (coalesce(dtg, '-infinity'::timestamptz)), cable_id);

-- The children's foreign keys go: their checks (a trigger and an index probe per child row, some twenty rows
-- per cable) cost more than the rows themselves. CableWriter keeps them consistent instead: children are written
-- in the transaction of their cable, after it, and cables are never deleted.
ALTER TABLE cable_tag DROP CONSTRAINT cable_tag_cable_id_fkey;
ALTER TABLE cable_reference DROP CONSTRAINT cable_reference_cable_id_fkey;
ALTER TABLE cable_recipient DROP CONSTRAINT cable_recipient_cable_id_fkey;

-- Full-text search over subject, summary and body. to_tsvector on a ~7 KB cable costs about a millisecond of
-- server CPU, ten times the rest of its insert, so it is not computed in the insert (a generated column or an
-- expression index would cap the store at ~1,000 cables/s): the store queues the cable id in the same
-- transaction, and SearchIndexer turns queued cables into documents in the background.
CREATE TABLE cable_search (
    cable_id text     PRIMARY KEY,
    document tsvector NOT NULL
);
CREATE INDEX cable_search_document_idx ON cable_search USING gin (document);

CREATE TABLE cable_search_pending (
    cable_id text PRIMARY KEY
);

-- cables stored before this migration get their documents too
INSERT INTO cable_search_pending (cable_id) SELECT cable_id FROM cable;
