#!/usr/bin/env bash
# Load test of ingest-service alone (not a timed test): a scratch single-node broker and the service's jar on
# their own ports, then `cables ingest --bench` posting the corpus at full speed; prints accepted cables/s and
# MB/s. Usage: ingest-service/bench.sh [CORPUS_DIR] [REPEAT]   (build first: ./mvnw -B install -DskipTests)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CORPUS="${1:-/work/shared/corpus/cables}"
[[ -d $CORPUS ]] || CORPUS="$ROOT/samples/cables"
REPEAT="${2:-4}"
KAFKA_PORT="${BENCH_KAFKA_PORT:-19092}"
CONTROLLER_PORT="${BENCH_CONTROLLER_PORT:-19093}"
HTTP_PORT="${BENCH_HTTP_PORT:-18081}"
WORK="$(mktemp -d /tmp/ingest-bench.XXXXXX)"
RUNTIME="$ROOT/deploy/local-runtime/target"
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

cat >"$WORK/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$WORK/data
num.partitions=6
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
message.max.bytes=2097152
PROPS
tools() { java -Xmx256m -Dlog4j2.configurationFile="$ROOT/deploy/log4j2-tools.properties" -cp "$RUNTIME/lib/*:$RUNTIME/classes" "$@"; }
tools kafka.tools.StorageTool format --standalone -t "$(tools kafka.tools.StorageTool random-uuid)" \
  -c "$WORK/server.properties" >"$WORK/format.log" 2>&1
java -Xmx512m -Dlog4j2.configurationFile="$ROOT/deploy/log4j2.properties" -cp "$RUNTIME/lib/*" kafka.Kafka \
  "$WORK/server.properties" >"$WORK/kafka.log" 2>&1 &
PIDS+=($!)
tools io.cablestream.local.LocalTopics "127.0.0.1:$KAFKA_PORT" 60 cables.raw:6 cables.parsed:6 cables.dead-letter:1

KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" QUARKUS_HTTP_PORT="$HTTP_PORT" \
  java -Xmx512m ${BENCH_SERVICE_OPTS:-} -jar "$ROOT/ingest-service/target/quarkus-app/quarkus-run.jar" >"$WORK/ingest.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do
  [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HTTP_PORT/q/health/ready") == 200 ]] && break
  sleep 0.5
done

PROGRESS=(--no-progress)
[[ -n ${BENCH_PROGRESS:-} ]] && PROGRESS=()   # BENCH_PROGRESS=1: show the progress bar on stderr
echo "corpus: $CORPUS ($(find "$CORPUS" -type f | wc -l) files, $(du -sh "$CORPUS" | cut -f1)), $REPEAT passes" >&2
TIMEFORMAT="cables ingest: %R s wall, %U s user, %S s system"
time java -Xmx512m -jar "$ROOT/cli/target/cables-cli.jar" ingest "$CORPUS" --url "http://127.0.0.1:$HTTP_PORT" \
  --bench --repeat "$REPEAT" "${PROGRESS[@]}" "${@:3}"
curl -s "http://127.0.0.1:$HTTP_PORT/q/metrics" | grep -E '^cables_(accepted_total|publish_latency_seconds\{quantile)' >&2
echo "CPU seconds: broker $(ps -o cputimes= -p "${PIDS[0]}"), ingest-service $(ps -o cputimes= -p "${PIDS[1]}") (with its start)" >&2

# a restart reads the keys of the filled cables.raw back: how long before the service is ready again
kill "${PIDS[1]}"; wait "${PIDS[1]}" 2>/dev/null || true
KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" QUARKUS_HTTP_PORT="$HTTP_PORT" \
  java -Xmx512m -jar "$ROOT/ingest-service/target/quarkus-app/quarkus-run.jar" >"$WORK/ingest-restart.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 240); do
  [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HTTP_PORT/q/health/ready") == 200 ]] && break
  sleep 0.5
done
grep -o 'duplicate index: .*' "$WORK/ingest-restart.log" >&2
echo "CPU seconds of the restarted ingest-service once ready (start + index read): $(ps -o cputimes= -p "${PIDS[2]}")" >&2
