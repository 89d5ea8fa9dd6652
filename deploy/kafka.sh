#!/usr/bin/env bash
# A single-node Kafka broker (KRaft, broker and controller in one process) from Maven Central jars.
# Usage: deploy/kafka.sh start|stop|status. Data, log, pid and credentials under .local/kafka/.
#        Clients authenticate with SASL/SCRAM-SHA-512 and may do only what deploy/kafka-acls.txt grants them (the
#        standard authorizer); each principal's password is made on the first start in .local/kafka/credentials/.
#        deploy/kafka.sh topics <kafka-topics args>, acls <kafka-acls args>, consume <topic> [args], produce <topic>
#        [args]: the Kafka tools against this broker, as admin (e.g. `deploy/kafka.sh consume cables.dead-letter --property print.headers=true`)
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
ACLS="$CABLES_ROOT/deploy/kafka-acls.txt"
# the operator's tools and the broker itself are User:admin, the one super user
ADMIN_CLIENT="$KAFKA_DIR/admin-client.properties"
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

# a password for every principal of kafka-acls.txt and for admin, made once, readable by this user only
ensure_credentials() {
  local user
  mkdir -p "$KAFKA_CREDENTIALS"
  chmod 700 "$KAFKA_CREDENTIALS"
  for user in admin $(awk '!/^[[:space:]]*(#|$)/ {print $1}' "$ACLS" | sort -u); do
    random_password "$KAFKA_CREDENTIALS/$user.password"
  done
}

write_properties() {
  local admin_password
  admin_password=$(<"$KAFKA_CREDENTIALS/admin.password")
  mkdir -p "$DATA_DIR"
  # both files hold the admin password
  (umask 077 && cat >"$PROPERTIES" <<PROPS
# written by deploy/kafka.sh on every start: where it listens and keeps its data, deploy/kafka-broker.properties,
# then the local broker's security, which replaces the plaintext listeners of that file
controller.quorum.bootstrap.servers=127.0.0.1:$CONTROLLER_PORT
listeners=CLIENT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=CLIENT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
log.dirs=$DATA_DIR
$(cat "$CABLES_ROOT/deploy/kafka-broker.properties")
#
# security: clients (and the broker to itself) SCRAM-SHA-512 on CLIENT; broker to controller PLAIN as admin (KRaft
# keeps SCRAM credentials in its metadata, which the controller listener must serve before they exist)
listener.security.protocol.map=CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT
inter.broker.listener.name=CLIENT
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.client.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$admin_password";
listener.name.controller.sasl.enabled.mechanisms=PLAIN
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="$admin_password" user_admin="$admin_password";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:admin
allow.everyone.if.no.acl.found=false
PROPS
  cat >"$ADMIN_CLIENT" <<PROPS
bootstrap.servers=127.0.0.1:$KAFKA_PORT
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$admin_password";
PROPS
  )
}

start() {
  if pid=$(running_pid "$PIDFILE" "$PATTERN"); then
    log "kafka: already running (pid $pid) on 127.0.0.1:$KAFKA_PORT"
  else
    port_open "$KAFKA_PORT" && die "port $KAFKA_PORT is taken by another process (set CABLES_KAFKA_PORT)"
    port_open "$CONTROLLER_PORT" && die "port $CONTROLLER_PORT is taken by another process (set CABLES_KAFKA_CONTROLLER_PORT)"
    ensure_runtime_built
    if [[ -f $DATA_DIR/meta.properties && ! -s $KAFKA_CREDENTIALS/admin.password ]]; then
      die "$DATA_DIR was formatted without the broker's admin credential (before authentication, or its credentials were deleted); remove $KAFKA_DIR to start an empty broker"
    fi
    ensure_credentials
    write_properties
    if [[ ! -f $DATA_DIR/meta.properties ]]; then
      local cluster_id
      cluster_id=$(kafka_java kafka.tools.StorageTool random-uuid)
      log "kafka: formatting $DATA_DIR (cluster $cluster_id)"
      # the admin's SCRAM credential goes into the first metadata, so the broker can authenticate to itself
      kafka_java kafka.tools.StorageTool format --standalone -t "$cluster_id" -c "$PROPERTIES" \
        --add-scram "SCRAM-SHA-512=[name=admin,password=$(<"$KAFKA_CREDENTIALS/admin.password")]" >>"$LOGFILE" 2>&1 \
        || die "formatting the storage failed, see $LOGFILE"
    fi
    # shellcheck disable=SC2086 # KAFKA_JAVA_OPTS is a list of options
    start_detached "$PIDFILE" "$LOGFILE" java $KAFKA_JAVA_OPTS -Dlog4j2.configurationFile="$RUNTIME_LOG4J" \
      -cp "$RUNTIME_LIB/*" kafka.Kafka "$PROPERTIES"
    log "kafka: started (pid $(<"$PIDFILE")), log $LOGFILE"
  fi
  # waits for the broker, sets the services' credentials and exactly the ACLs of kafka-acls.txt, then creates
  # the missing topics (also repairs topics deleted by hand) and sets topics.env's settings on topics that have others
  kafka_java io.cablestream.local.LocalKafkaSetup "$ADMIN_CLIENT" "$ACLS" "$KAFKA_CREDENTIALS" \
    "${CABLES_KAFKA_START_TIMEOUT:-60}" "$CABLES_TOPIC_REPLICATION_FACTOR" "${TOPICS[@]}" \
    || { tail -n 30 "$LOGFILE" >&2; die "kafka did not become ready on 127.0.0.1:$KAFKA_PORT"; }
  log "kafka: ready on 127.0.0.1:$KAFKA_PORT, SASL/SCRAM-SHA-512 (topics ${TOPICS[*]}; principals and ACLs of deploy/kafka-acls.txt, passwords in $KAFKA_CREDENTIALS)"
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
  topics) shift; kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" --command-config "$ADMIN_CLIENT" "$@" ;;
  acls) shift; kafka_java org.apache.kafka.tools.AclCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" --command-config "$ADMIN_CLIENT" "$@" ;;
  consume)
    [[ $# -ge 2 ]] || die "usage: $0 consume <topic> [kafka-console-consumer args]"
    topic=$2; shift 2
    kafka_java org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server "127.0.0.1:$KAFKA_PORT" \
      --consumer.config "$ADMIN_CLIENT" --topic "$topic" --from-beginning "$@" ;;
  produce)
    [[ $# -ge 2 ]] || die "usage: $0 produce <topic> [kafka-console-producer args]"
    topic=$2; shift 2
    kafka_java org.apache.kafka.tools.ConsoleProducer --bootstrap-server "127.0.0.1:$KAFKA_PORT" --producer.config "$ADMIN_CLIENT" --topic "$topic" "$@" ;;
  *) die "usage: $0 start|stop|status|topics|acls|consume|produce" ;;
esac
