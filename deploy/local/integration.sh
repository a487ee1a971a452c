#!/usr/bin/env bash
# make test-integration: every suite, fault tests included, on Apache Kafka and PostgreSQL.
# Starts them, and s3proxy for content's blob store (installing/fetching what is missing), installs
# the report's rendering tools when missing (report_tools.sh), runs pytest, stops what it started.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
pytest_bin=${1:?usage: integration.sh PYTEST [ARGS...]}
shift

export KAFKA_PORT=${KAFKA_PORT:-19092}
export PG_PORT=${PG_PORT:-15432}
export S3PROXY_PORT=${S3PROXY_PORT:-19900}
# A throwaway cluster: no fsync. The suites create hundreds of databases (tens of thousands of
# files); a checkpoint syncing them all on a busy disk once kept a fast shutdown waiting for more
# than a minute in the PostgreSQL restart test. A killed server loses nothing without fsync either
# (the OS still holds what it wrote); only a machine crash could, and the data is thrown away.
export PG_SERVER_OPTIONS=${PG_SERVER_OPTIONS:--c fsync=off}

"$here/report_tools.sh"

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
started_s3=0
if ! "$here/s3proxy.sh" status >/dev/null 2>&1; then
  "$here/s3proxy.sh" start
  started_s3=1
fi
cleanup() {
  [ "$started_kafka" = 1 ] && "$here/kafka.sh" stop || true
  [ "$started_pg" = 1 ] && "$here/postgres.sh" stop || true
  [ "$started_s3" = 1 ] && "$here/s3proxy.sh" stop || true
}
trap cleanup EXIT

export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT"
export KAFKA_IDEMPOTENT_PRODUCER=true
export TEST_POSTGRES_URL=$("$here/postgres.sh" url)
# Content's S3 blob store is tested against this S3-compatible server (s3proxy).
eval "$("$here/s3proxy.sh" env | sed -n 's/^CONTENT_S3_\(ENDPOINT_URL\|ACCESS_KEY_ID\|SECRET_ACCESS_KEY\)=/export TEST_S3_\1=/p')"
# The fault tests stop and start this broker.
export TEST_KAFKA_CONTROL="$here/kafka.sh"
"$pytest_bin" "$@"
