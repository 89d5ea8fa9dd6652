-- writes: how many times the row was written (insert = 1, each replacement by a newer parser +1). An event of the
-- same or an older parser writes nothing, so a cable delivered twice keeps writes = 1; the fault matrix counts
-- "written twice" with it.
ALTER TABLE cable ADD COLUMN writes int NOT NULL DEFAULT 1;

-- The exact text as UTF-8 bytes, only when it holds a NUL, which text and jsonb cannot hold; raw_text then holds
-- the text with its control characters replaced by U+FFFD, so that search and the list still work.
ALTER TABLE cable ADD COLUMN raw_bytes bytea;

-- A dead letter whose key is this hash is resolved once a cable of the same normalised text is stored (a hash
-- index: equality only, and smaller than a btree on 64 hex characters).
CREATE INDEX cable_content_sha256_idx ON cable USING hash (content_sha256);
