-- Contract v2 (cable-events/README.md): the body's text is in raw_text only; the paragraphs of a v2 row's parsed
-- JSON are spans of it, and the query API renders their texts. schema_version says which contract a row's parsed
-- JSON follows. Rows stored before are v1 (they keep their paragraph texts and are served as they are) until a
-- replay with the parser 2.x replaces them, as any newer parser_version does:
-- SELECT count(*) FROM cable WHERE schema_version < 2 counts the rows left to replay.
ALTER TABLE cable ADD COLUMN schema_version int NOT NULL DEFAULT 1;
