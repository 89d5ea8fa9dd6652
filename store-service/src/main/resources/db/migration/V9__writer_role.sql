-- Least privilege for the running service: its login (CABLES_DB_USER) writes and reads rows and becomes the reader
-- role for queries, and nothing more: no DDL, no TRUNCATE, no turning row-level security off. Those belong to the
-- schema's owner, the login Flyway runs as (CABLES_DB_MIGRATION_USER; one login may be both in a simple setup).
-- afterMigrate.sql makes the service's login a member of cables_writer on every start. That login also needs
-- BYPASSRLS, which only a superuser can give and no membership passes on: it writes every row (COPY refuses a
-- table whose row-level security binds the writer), while its reads run as cables_reader, which the policies bind.
DO $$
BEGIN
    CREATE ROLE cables_writer NOLOGIN;
EXCEPTION WHEN duplicate_object THEN
    NULL; -- roles belong to the server: another database of it made it already
END
$$;
GRANT cables_reader TO cables_writer;
DO $$
BEGIN
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO cables_writer', current_schema());
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO cables_writer', current_schema());
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO cables_writer', current_schema());
    -- what later migrations create, the writer may use too
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO cables_writer',
                   current_schema());
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO cables_writer',
                   current_schema());
END
$$;
