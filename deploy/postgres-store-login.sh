#!/bin/bash
# The postgres image runs this once, on an empty volume (/docker-entrypoint-initdb.d), as the database's owner
# (POSTGRES_USER, whom store-service's migrations run as): store-service's own login, CABLES_STORE_LOGIN with
# CABLES_STORE_PASSWORD. It owns nothing; BYPASSRLS lets it write every row (its reads run as cables_reader, which
# row-level security binds), and the migrations grant it cables_writer's privileges (V9, afterMigrate.sql).
# Compose mounts this file; Kubernetes' dev-infra holds a copy in the ConfigMap cable-stream-postgres-init.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v login="$CABLES_STORE_LOGIN" -v password="$CABLES_STORE_PASSWORD" <<'SQL'
CREATE ROLE :"login" LOGIN BYPASSRLS PASSWORD :'password';
SQL
