#!/usr/bin/env bash
# Load test of ingest-service alone (not a timed test): a scratch single-node broker and the service's jar on
# their own ports, then `cables ingest --bench` posting the corpus at full speed; prints accepted cables/s and
# MB/s. Usage: ingest-service/bench.sh [CORPUS_DIR] [REPEAT]   (build first: ./mvnw -B install -DskipTests)
# CORPUS_DIR defaults to $CABLES_CORPUS/cables, else ../shared/corpus/cables beside the repository, else samples/cables.
# BENCH_SERVICE_JAR=other/quarkus-run.jar runs another build of the service (A/B against the same CLI and broker);
# BENCH_SERVICE_OPTS adds JVM options (e.g. -XX:StartFlightRecording=filename=/tmp/ingest.jfr,settings=profile)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CORPUS="${1:-${CABLES_CORPUS:-$ROOT/../shared/corpus}/cables}"
[[ -d $CORPUS ]] || CORPUS="$ROOT/samples/cables"
REPEAT="${2:-4}"
KAFKA_PORT="${BENCH_KAFKA_PORT:-19092}"
CONTROLLER_PORT="${BENCH_CONTROLLER_PORT:-19093}"
HTTP_PORT="${BENCH_HTTP_PORT:-18081}"
MANAGEMENT_PORT="${BENCH_MANAGEMENT_PORT:-19181}"
SERVICE_JAR="${BENCH_SERVICE_JAR:-$ROOT/ingest-service/target/quarkus-app/quarkus-run.jar}"
WORK="$(mktemp -d /tmp/ingest-bench.XXXXXX)"
# the broker of deploy/kafka.sh (one definition of its settings), in a scratch folder and on its own ports
BROKER=(env CABLES_LOCAL_DIR="$WORK" CABLES_KAFKA_PORT="$KAFKA_PORT" CABLES_KAFKA_CONTROLLER_PORT="$CONTROLLER_PORT"
  "$ROOT/deploy/kafka.sh")
PIDS=()
cleanup() { for pid in "${PIDS[@]:1}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true
  "${BROKER[@]}" stop >/dev/null 2>&1 || true; rm -rf "$WORK"; }
trap cleanup EXIT

"${BROKER[@]}" start >"$WORK/broker-start.log" 2>&1
PIDS+=("$(<"$WORK/kafka/kafka.pid")")

# a scratch key pair: the service verifies with its public half, the CLI signs its ingest token with the private one
CLI=(java -Xmx512m -Dcables.jwt.dir="$WORK/jwt" -jar "$ROOT/cli/target/cables-cli.jar")
export CABLES_JWT_PUBLIC_KEY_LOCATION="$("${CLI[@]}" token --init)"
# the broker authenticates clients (SCRAM) and authorises them (deploy/kafka-acls.txt): the service as "ingest"
export CABLES_KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT CABLES_KAFKA_SASL_MECHANISM=SCRAM-SHA-512 CABLES_KAFKA_USER=ingest
CABLES_KAFKA_PASSWORD="$(<"$WORK/kafka/credentials/ingest.password")"
export CABLES_KAFKA_PASSWORD
KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" QUARKUS_HTTP_PORT="$HTTP_PORT" QUARKUS_MANAGEMENT_PORT="$MANAGEMENT_PORT" \
  java -Xmx512m ${BENCH_SERVICE_OPTS:-} -jar "$SERVICE_JAR" >"$WORK/ingest.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do
  [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HTTP_PORT/q/health/ready") == 200 ]] && break
  sleep 0.5
done
[[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HTTP_PORT/q/health/ready") == 200 ]] ||
  { echo "ingest-service did not become ready; its log:" >&2; tail -20 "$WORK/ingest.log" >&2; exit 1; }

PROGRESS=(--no-progress)
[[ -n ${BENCH_PROGRESS:-} ]] && PROGRESS=()   # BENCH_PROGRESS=1: show the progress bar on stderr
echo "corpus: $CORPUS ($(find "$CORPUS" -type f | wc -l) files, $(du -sh "$CORPUS" | cut -f1)), $REPEAT passes" >&2
TIMEFORMAT="cables ingest: %R s wall, %U s user, %S s system"
time "${CLI[@]}" ingest "$CORPUS" --url "http://127.0.0.1:$HTTP_PORT" \
  --bench --repeat "$REPEAT" "${PROGRESS[@]}" "${@:3}"
curl -s "http://127.0.0.1:$MANAGEMENT_PORT/q/metrics" | grep -E '^cables_(accepted_total|publish_latency_seconds\{quantile)' >&2
echo "CPU seconds: broker $(ps -o cputimes= -p "${PIDS[0]}"), ingest-service $(ps -o cputimes= -p "${PIDS[1]}") (with its start)" >&2

# a restart reads the keys of the filled cables.raw back: how long before the service is ready again
kill "${PIDS[1]}"; wait "${PIDS[1]}" 2>/dev/null || true
KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" QUARKUS_HTTP_PORT="$HTTP_PORT" QUARKUS_MANAGEMENT_PORT="$MANAGEMENT_PORT" \
  java -Xmx512m -jar "$SERVICE_JAR" >"$WORK/ingest-restart.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 240); do
  [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HTTP_PORT/q/health/ready") == 200 ]] && break
  sleep 0.5
done
grep -o 'duplicate index: [^"]*' "$WORK/ingest-restart.log" >&2
echo "CPU seconds of the restarted ingest-service once ready (start + index read): $(ps -o cputimes= -p "${PIDS[2]}")" >&2
