#!/bin/bash
# Starts one combined broker+controller node of the StatefulSet: its node id is the pod's ordinal,
# the voters are kafka-0..kafka-(NODE_COUNT-1). Formats the data volume on first start only.
set -euo pipefail

node_id=${HOSTNAME##*-}
domain="kafka-headless.${POD_NAMESPACE}.svc"
voters=""
for ((i = 0; i < NODE_COUNT; i++)); do
  voters+="${voters:+,}${i}@kafka-${i}.${domain}:9093"
done

config=/tmp/kafka/server.properties
mkdir -p "$(dirname "$config")"
cat >"$config" <<PROPERTIES
process.roles=broker,controller
node.id=${node_id}
controller.quorum.voters=${voters}
listeners=PLAINTEXT://:9092,CONTROLLER://:9093
advertised.listeners=PLAINTEXT://kafka-${node_id}.${domain}:9092
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=/var/lib/kafka/data/logs
auto.create.topics.enable=false
num.partitions=${NUM_PARTITIONS}
default.replication.factor=${REPLICATION_FACTOR}
min.insync.replicas=${MIN_INSYNC_REPLICAS}
offsets.topic.replication.factor=${REPLICATION_FACTOR}
transaction.state.log.replication.factor=${REPLICATION_FACTOR}
transaction.state.log.min.isr=${MIN_INSYNC_REPLICAS}
share.coordinator.state.topic.replication.factor=${REPLICATION_FACTOR}
share.coordinator.state.topic.min.isr=${MIN_INSYNC_REPLICAS}
log.retention.hours=${LOG_RETENTION_HOURS}
PROPERTIES

/opt/kafka/bin/kafka-storage.sh format --cluster-id "$CLUSTER_ID" --config "$config" --ignore-formatted
exec /opt/kafka/bin/kafka-server-start.sh "$config"
