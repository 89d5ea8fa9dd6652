-- Who may read a cable. Its level and dissemination controls are derived once, when the row is written, from the
-- classification and caveats the parser found; cable_visible compares them with a reader's clearance. The store
-- applies it twice: in its queries (the reader's clearance as bound parameters) and in the row-level security
-- policies below, which hold for every statement the read path runs as cables_reader, whatever its WHERE says.
-- Levels: UNCLASSIFIED 0 < CONFIDENTIAL 1 < SECRET 2 < TOP SECRET 3. Controls: io.cablestream.auth.Clearance.

CREATE FUNCTION cable_level(classification text) RETURNS smallint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE trim(split_part(upper(classification), '//', 1))
               WHEN 'UNCLASSIFIED' THEN 0 WHEN 'CONFIDENTIAL' THEN 1 WHEN 'SECRET' THEN 2 WHEN 'TOP SECRET' THEN 3
           END::smallint
$$;

-- The controls of the classification's tail (SECRET//NOFORN, UNCLASSIFIED//FOR OFFICIAL USE ONLY) and of the
-- caveats (NOFORN, NODIS, CHEROKEE/NODIS, SENSITIVE); SIPDIS and captions restrict nothing and are dropped.
CREATE FUNCTION cable_controls(classification text, caveats text[]) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT control ORDER BY control), '{}')
    FROM (SELECT CASE WHEN word IN ('FOR OFFICIAL USE ONLY', 'SENSITIVE', 'SBU') THEN 'FOUO' ELSE word END AS control
          FROM (SELECT trim(upper(part)) AS word
                FROM unnest(string_to_array(classification, '//')) WITH ORDINALITY AS tail(part, n) WHERE n > 1
                UNION ALL
                SELECT trim(upper(part))
                FROM unnest(caveats) AS caveat(value), unnest(string_to_array(caveat.value, '/')) AS part) words) named
    WHERE control IN ('NOFORN', 'NODIS', 'EXDIS', 'LIMDIS', 'STADIS', 'ORCON', 'NOCONTRACT', 'PROPIN', 'FOUO')
$$;

-- A cable is visible when its level is at most the reader's and the reader holds every control it carries; one
-- whose classification could not be read (level NULL) only to a reader cleared for everything. No clearance
-- (NULL) sees nothing.
CREATE FUNCTION cable_visible(level smallint, controls text[], reader_level int, reader_controls text[])
    RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(CASE WHEN level IS NULL
                             THEN reader_level >= 3 AND reader_controls @> ARRAY['NOFORN', 'NODIS', 'EXDIS', 'LIMDIS',
                                 'STADIS', 'ORCON', 'NOCONTRACT', 'PROPIN', 'FOUO']
                         ELSE level <= reader_level AND controls <@ reader_controls END, false)
$$;

-- The clearance the read path sets for its transaction (ClearedReads: set_config(..., true)).
CREATE FUNCTION reader_sees(level smallint, controls text[]) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT cable_visible(level, controls, nullif(current_setting('cables.reader_level', true), '')::int,
                         coalesce(nullif(current_setting('cables.reader_controls', true), ''), '{}')::text[])
$$;

ALTER TABLE cable
    ADD COLUMN clearance_level smallint GENERATED ALWAYS AS (cable_level(classification)) STORED,
    ADD COLUMN controls text[] GENERATED ALWAYS AS (cable_controls(classification, caveats)) STORED;

-- The read-only role of the query API: SELECT on what the API reads, nothing else. The store's login (the writer,
-- which owns the tables and is not subject to their policies) becomes it for each read transaction (SET LOCAL ROLE).
DO $$
BEGIN
    CREATE ROLE cables_reader NOLOGIN;
EXCEPTION WHEN duplicate_object THEN
    NULL; -- roles belong to the server: another database of it made it already
END
$$;
DO $$
BEGIN
    EXECUTE format('GRANT cables_reader TO %I', current_user);
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO cables_reader', current_schema());
END
$$;
GRANT SELECT ON cable, cable_tag, cable_reference, cable_recipient, cable_search, dead_letter TO cables_reader;

ALTER TABLE cable ENABLE ROW LEVEL SECURITY;
CREATE POLICY cable_by_clearance ON cable FOR SELECT TO cables_reader
    USING (reader_sees(clearance_level, controls));
-- a child row is visible with its cable (the subquery on cable is itself under cable's policy)
DO $$
DECLARE
    child text;
BEGIN
    FOREACH child IN ARRAY ARRAY['cable_tag', 'cable_reference', 'cable_recipient', 'cable_search'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', child);
        EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO cables_reader'
                       || ' USING (EXISTS (SELECT 1 FROM cable c WHERE c.cable_id = %I.cable_id))',
                       child || '_by_clearance', child, child);
    END LOOP;
END
$$;
-- a dead letter's classification is unknown: only a reader cleared for everything sees it
ALTER TABLE dead_letter ENABLE ROW LEVEL SECURITY;
CREATE POLICY dead_letter_by_clearance ON dead_letter FOR SELECT TO cables_reader
    USING (reader_sees(NULL, '{}'));
