#!/usr/bin/env bash
# A single-node Kafka broker (KRaft, broker and controller in one process) from Maven Central jars.
# Usage: deploy/kafka.sh start|stop|status. Data, log and pid under .local/kafka/.
#        deploy/kafka.sh topics <kafka-topics args>, consume <topic> [args], produce <topic> [args]: the Kafka
#        tools against this broker (e.g. `deploy/kafka.sh consume cables.dead-letter --property print.headers=true`)
set -euo pipefail
# shellcheck source=deploy/lib.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib.sh"

KAFKA_PORT="${CABLES_KAFKA_PORT:-9092}"
CONTROLLER_PORT="${CABLES_KAFKA_CONTROLLER_PORT:-9093}"
# 16 MB G1 regions, as Kafka's operations guide advises: with the default 1 MB regions of a 512 MB heap, every
# produce request above 512 KB (ingest sends up to 256 KB per partition in one request) is a humongous object, and
# the ingest benchmark saw 344 young and 344 concurrent collections "G1 Humongous Allocation" in 30 s
KAFKA_JAVA_OPTS="${CABLES_KAFKA_JAVA_OPTS:--Xmx512m -XX:G1HeapRegionSize=16m}"
KAFKA_DIR="$LOCAL_DIR/kafka"
DATA_DIR="$KAFKA_DIR/data"
PROPERTIES="$KAFKA_DIR/server.properties"
LOGFILE="$KAFKA_DIR/kafka.log"
PIDFILE="$KAFKA_DIR/kafka.pid"
PATTERN="kafka.Kafka $PROPERTIES"
# the topics' settings: deploy/topics.env, where a variable of the same name set in the environment wins
TOPICS_ENV="$CABLES_ROOT/deploy/topics.env"
while IFS='=' read -r key value; do
  if [[ $key =~ ^CABLES_[A-Z_]+$ && -z ${!key+set} ]]; then export "$key=$value"; fi
done <"$TOPICS_ENV"
topic_arg() {  # <name> <PREFIX>: name:partitions:config=value,... as LocalTopics reads it
  local p="CABLES_$2_PARTITIONS" r="CABLES_$2_RETENTION_MS" m="CABLES_$2_MAX_MESSAGE_BYTES"
  printf '%s:%s:retention.ms=%s,max.message.bytes=%s,min.insync.replicas=%s' "$1" "${!p}" "${!r}" "${!m}" \
    "$CABLES_TOPIC_MIN_INSYNC_REPLICAS"
}
TOPICS=("$(topic_arg cables.raw RAW)" "$(topic_arg cables.parsed PARSED)" "$(topic_arg cables.dead-letter DEAD_LETTER)")

kafka_java() {
  java -Xmx256m -Dlog4j2.configurationFile="$TOOLS_LOG4J" -cp "$RUNTIME_LIB/*:$RUNTIME_CLASSES" "$@"
}

write_properties() {
  mkdir -p "$DATA_DIR"
  cat >"$PROPERTIES" <<PROPS
# written by deploy/kafka.sh on every start: where it listens and keeps its data, then deploy/kafka-broker.properties
controller.quorum.bootstrap.servers=127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
log.dirs=$DATA_DIR
PROPS
  cat "$CABLES_ROOT/deploy/kafka-broker.properties" >>"$PROPERTIES"
}

start() {
  if pid=$(running_pid "$PIDFILE" "$PATTERN"); then
    log "kafka: already running (pid $pid) on 127.0.0.1:$KAFKA_PORT"
  else
    port_open "$KAFKA_PORT" && die "port $KAFKA_PORT is taken by another process (set CABLES_KAFKA_PORT)"
    port_open "$CONTROLLER_PORT" && die "port $CONTROLLER_PORT is taken by another process (set CABLES_KAFKA_CONTROLLER_PORT)"
    ensure_runtime_built
    write_properties
    if [[ ! -f $DATA_DIR/meta.properties ]]; then
      local cluster_id
      cluster_id=$(kafka_java kafka.tools.StorageTool random-uuid)
      log "kafka: formatting $DATA_DIR (cluster $cluster_id)"
      kafka_java kafka.tools.StorageTool format --standalone -t "$cluster_id" -c "$PROPERTIES" >>"$LOGFILE" 2>&1 \
        || die "formatting the storage failed, see $LOGFILE"
    fi
    # shellcheck disable=SC2086 # KAFKA_JAVA_OPTS is a list of options
    start_detached "$PIDFILE" "$LOGFILE" java $KAFKA_JAVA_OPTS -Dlog4j2.configurationFile="$RUNTIME_LOG4J" \
      -cp "$RUNTIME_LIB/*" kafka.Kafka "$PROPERTIES"
    log "kafka: started (pid $(<"$PIDFILE")), log $LOGFILE"
  fi
  # waits for the broker, then creates the missing topics (also repairs topics deleted by hand) and sets the
  # settings of topics.env on topics that have others
  kafka_java io.cablestream.local.LocalTopics "127.0.0.1:$KAFKA_PORT" "${CABLES_KAFKA_START_TIMEOUT:-60}" \
    "$CABLES_TOPIC_REPLICATION_FACTOR" "${TOPICS[@]}" \
    || { tail -n 30 "$LOGFILE" >&2; die "kafka did not become ready on 127.0.0.1:$KAFKA_PORT"; }
  log "kafka: ready on 127.0.0.1:$KAFKA_PORT (topics ${TOPICS[*]})"
}

status() {
  if pid=$(running_pid "$PIDFILE" "$PATTERN"); then
    log "kafka: running (pid $pid) on 127.0.0.1:$KAFKA_PORT, data $DATA_DIR"
  else
    log "kafka: stopped"
    return 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop_process kafka "$PIDFILE" "$PATTERN" ;;
  status) status ;;
  topics) shift; kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" "$@" ;;
  consume)
    [[ $# -ge 2 ]] || die "usage: $0 consume <topic> [kafka-console-consumer args]"
    topic=$2; shift 2
    kafka_java org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server "127.0.0.1:$KAFKA_PORT" \
      --topic "$topic" --from-beginning "$@" ;;
  produce)
    [[ $# -ge 2 ]] || die "usage: $0 produce <topic> [kafka-console-producer args]"
    topic=$2; shift 2
    kafka_java org.apache.kafka.tools.ConsoleProducer --bootstrap-server "127.0.0.1:$KAFKA_PORT" --topic "$topic" "$@" ;;
  *) die "usage: $0 start|stop|status|topics|consume|produce" ;;
esac
