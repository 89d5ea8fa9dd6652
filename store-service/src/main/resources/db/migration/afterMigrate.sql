-- Flyway runs this after every migrate (a callback, not a migration): the service's login, the placeholder
-- storeLogin (CABLES_DB_USER), becomes a member of cables_writer (V9), so a login set up or changed after the
-- migrations ran gets the writer's privileges and no more. Nothing to do when the service logs in as the owner.
DO $$
BEGIN
    IF '${storeLogin}' <> current_user THEN
        EXECUTE format('GRANT cables_writer TO %I', '${storeLogin}');
    END IF;
END
$$;
