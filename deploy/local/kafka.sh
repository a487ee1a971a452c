#!/usr/bin/env bash
# Apache Kafka 4.x, single KRaft node, on 127.0.0.1 (or $KAFKA_HOST) with its data on disk.
# The jars come from Maven Central through Maven; nothing else is needed but a JDK 17+.
#
#   deploy/local/kafka.sh start|stop|status|fetch|reset
#
# Settings (environment): KAFKA_VERSION (4.1.1), KAFKA_PORT (19092), KAFKA_CONTROLLER_PORT (19093),
# KAFKA_HOME (.kafka in the repo), KAFKA_HEAP (-Xmx768m), KAFKA_HOST (127.0.0.1: the address it
# listens on and advertises; deploy/cluster gives its bridge's, for pods to reach).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
version=${KAFKA_VERSION:-4.1.1}
host=${KAFKA_HOST:-127.0.0.1}
port=${KAFKA_PORT:-19092}
controller_port=${KAFKA_CONTROLLER_PORT:-19093}
home=${KAFKA_HOME:-$repo/.kafka}
libs=$home/libs-$version
data=$home/data-$port
pidfile=$home/kafka-$port.pid
logfile=$home/kafka-$port.log

fetch() {
  [ -f "$libs/.complete" ] && return 0
  mkdir -p "$libs"
  local pom
  pom=$(mktemp -d)
  cat >"$pom/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.influencer</groupId><artifactId>kafka-runtime</artifactId><version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>$version</version></dependency>
  </dependencies>
</project>
POM
  echo "fetching Apache Kafka $version from Maven Central..."
  mvn -q -B -f "$pom/pom.xml" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$libs"
  rm -rf "$pom"
  touch "$libs/.complete"
}

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

port_open() { (exec 3<>"/dev/tcp/$host/$1") 2>/dev/null; }

configure() {
  mkdir -p "$data"
  cat >"$home/server-$port.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$host:$controller_port
listeners=PLAINTEXT://$host:$port,CONTROLLER://$host:$controller_port
advertised.listeners=PLAINTEXT://$host:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$data
num.partitions=3
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
PROPS
  if [ ! -f "$data/meta.properties" ]; then
    local cluster
    cluster=$(java -cp "$libs/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
    java -cp "$libs/*" kafka.tools.StorageTool format -t "$cluster" -c "$home/server-$port.properties" >>"$logfile" 2>&1
  fi
}

start() {
  if running; then echo "Kafka already running on $host:$port"; return 0; fi
  if port_open "$port"; then echo "port $port is taken by something else" >&2; exit 1; fi
  fetch
  configure
  nohup java ${KAFKA_HEAP:--Xmx768m -Xms256m} -XX:+UseG1GC -Djava.awt.headless=true \
    -cp "$libs/*" kafka.Kafka "$home/server-$port.properties" >>"$logfile" 2>&1 &
  echo $! >"$pidfile"
  for _ in $(seq 1 300); do
    if port_open "$port"; then echo "Kafka $version on $host:$port (data in $data)"; return 0; fi
    if ! running; then echo "Kafka exited; see $logfile" >&2; tail -n 30 "$logfile" >&2; exit 1; fi
    sleep 0.2
  done
  echo "Kafka did not open port $port in 60s; see $logfile" >&2
  exit 1
}

stop() {
  if ! running; then rm -f "$pidfile"; return 0; fi
  local pid
  pid=$(cat "$pidfile")
  kill "$pid"
  for _ in $(seq 1 150); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; echo "Kafka stopped"; return 0; }
    sleep 0.2
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$pidfile"
  echo "Kafka killed"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if running; then echo "running on $host:$port"; else echo "stopped"; exit 3; fi ;;
  fetch) fetch ;;
  reset) stop; rm -rf "$data" ;;
  *) echo "usage: $0 start|stop|status|fetch|reset" >&2; exit 2 ;;
esac
