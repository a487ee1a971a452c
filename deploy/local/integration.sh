#!/usr/bin/env bash
# make test-integration: every suite, fault tests included, on Apache Kafka and PostgreSQL.
# Starts both (installing/fetching what is missing), runs pytest, stops what it started.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
pytest_bin=${1:?usage: integration.sh PYTEST [ARGS...]}
shift

export KAFKA_PORT=${KAFKA_PORT:-19092}
export PG_PORT=${PG_PORT:-55432}

started_kafka=0
if ! "$here/kafka.sh" status >/dev/null 2>&1; then
  "$here/kafka.sh" reset >/dev/null
  "$here/kafka.sh" start
  started_kafka=1
fi
started_pg=0
if ! "$here/postgres.sh" status >/dev/null 2>&1; then
  "$here/postgres.sh" start
  started_pg=1
fi
cleanup() {
  [ "$started_kafka" = 1 ] && "$here/kafka.sh" stop || true
  [ "$started_pg" = 1 ] && "$here/postgres.sh" stop || true
}
trap cleanup EXIT

export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT"
export KAFKA_IDEMPOTENT_PRODUCER=true
export TEST_POSTGRES_URL=$("$here/postgres.sh" url)
# The fault tests stop and start this broker.
export TEST_KAFKA_CONTROL="$here/kafka.sh"
"$pytest_bin" "$@"
