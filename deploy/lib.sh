# shellcheck shell=bash
# Shared by deploy/kafka.sh, deploy/postgres.sh and bin/cables: paths, pid files, detached start, stop.

CABLES_ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
LOCAL_DIR="${CABLES_LOCAL_DIR:-$CABLES_ROOT/.local}"  # CABLES_LOCAL_DIR: a scratch broker for benches
# deploy/kafka.sh keeps a password per Kafka principal here; bin/cables gives each service its own
KAFKA_CREDENTIALS="$LOCAL_DIR/kafka/credentials"
RUNTIME_LIB="$CABLES_ROOT/deploy/local-runtime/target/lib"
RUNTIME_CLASSES="$CABLES_ROOT/deploy/local-runtime/target/classes"
RUNTIME_LOG4J="$CABLES_ROOT/deploy/log4j2.properties"
TOOLS_LOG4J="$CABLES_ROOT/deploy/log4j2-tools.properties"
STOP_TIMEOUT="${CABLES_STOP_TIMEOUT:-30}"

log() { printf '%s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# running_pid <pidfile> <pattern>: prints the pid when that process lives and its command line holds the
# pattern, so a stale pid file whose number was reused by another process is never trusted (or killed)
running_pid() {
  local pid
  [[ -s $1 ]] || return 1
  pid=$(<"$1")
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  ps -p "$pid" -o args= 2>/dev/null | grep -qF -- "$2" || return 1
  printf '%s\n' "$pid"
}

# random_password <file>: 192 random bits as hex (nothing a JAAS line, SQL or a shell must quote), readable by
# this user only; a file that holds one already is left as it is
random_password() {
  [[ -s $1 ]] && return 0
  (umask 077 && od -An -tx1 -N24 /dev/urandom | tr -d ' \n' >"$1")
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# start_detached <pidfile> <logfile> <command...>: runs the command in its own session, so Ctrl-C in the
# terminal that typed `up` leaves it running; the pid file holds the command's own pid (bash execs it)
start_detached() {
  local pidfile=$1 logfile=$2 i
  shift 2
  mkdir -p "$(dirname "$pidfile")" "$(dirname "$logfile")"
  rm -f "$pidfile"
  local detach=()
  command -v setsid >/dev/null && detach=(setsid)
  nohup "${detach[@]}" bash -c 'echo $$ > "$0"; exec "$@"' "$pidfile" "$@" >>"$logfile" 2>&1 </dev/null &
  for ((i = 0; i < 50; i++)); do
    [[ -s $pidfile ]] && return 0
    sleep 0.1
  done
  die "could not start $1"
}

# stop_process <name> <pidfile> <pattern>: SIGTERM, then SIGKILL after $CABLES_STOP_TIMEOUT seconds
stop_process() {
  local name=$1 pidfile=$2 pattern=$3 pid i
  if ! pid=$(running_pid "$pidfile" "$pattern"); then
    rm -f "$pidfile"
    log "$name: not running"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null
  for ((i = 0; i < STOP_TIMEOUT * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "$name: still running after ${STOP_TIMEOUT}s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null
    sleep 0.5
  fi
  rm -f "$pidfile"
  log "$name: stopped (pid $pid)"
}

# the local runtime's class path is built by Maven; build it once when it is missing
ensure_runtime_built() {
  [[ -d $RUNTIME_LIB && -d $RUNTIME_CLASSES/io ]] && return 0
  log "building deploy/local-runtime (first run)..."
  (cd "$CABLES_ROOT" && ./mvnw -B -q -DskipTests -pl deploy/local-runtime -am install) || die "build of deploy/local-runtime failed"
}
