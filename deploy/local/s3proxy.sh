#!/usr/bin/env bash
# An S3-compatible server on 127.0.0.1 for content's blob store in the integration tier: s3proxy
# (org.gaul:s3proxy, jar-with-dependencies, from Maven Central through Maven) on its filesystem
# backend. Nothing else is needed but a JDK 17+.
#
#   deploy/local/s3proxy.sh start|stop|status|fetch|reset|env
#
# Settings (environment): S3PROXY_VERSION (2.6.0), S3PROXY_PORT (19900), S3PROXY_HOME (.s3proxy in
# the repo), S3PROXY_HEAP (-Xmx256m). `env` prints the CONTENT_ settings that point content at it.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
version=${S3PROXY_VERSION:-2.6.0}
port=${S3PROXY_PORT:-19900}
home=${S3PROXY_HOME:-$repo/.s3proxy}
jar=$home/s3proxy-$version-jar-with-dependencies.jar
data=$home/data-$port
pidfile=$home/s3proxy-$port.pid
logfile=$home/s3proxy-$port.log
identity=local-identity
credential=local-credential-not-a-secret

fetch() {
  [ -f "$jar" ] && return 0
  mkdir -p "$home"
  echo "fetching s3proxy $version from Maven Central..."
  mvn -q -B dependency:copy -Dartifact="org.gaul:s3proxy:$version:jar:jar-with-dependencies" \
    -DoutputDirectory="$home" -Dmdep.stripClassifier=false
  [ -f "$jar" ] || { echo "s3proxy jar not found after the fetch" >&2; exit 1; }
}

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
  if running; then echo "s3proxy already running on 127.0.0.1:$port"; return 0; fi
  if port_open "$port"; then echo "port $port is taken by something else" >&2; exit 1; fi
  fetch
  mkdir -p "$data"
  cat >"$home/s3proxy-$port.properties" <<PROPS
s3proxy.endpoint=http://127.0.0.1:$port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$identity
s3proxy.credential=$credential
jclouds.provider=filesystem
jclouds.filesystem.basedir=$data
PROPS
  nohup java ${S3PROXY_HEAP:--Xmx256m} -jar "$jar" --properties "$home/s3proxy-$port.properties" >>"$logfile" 2>&1 &
  echo $! >"$pidfile"
  for _ in $(seq 1 300); do
    if port_open "$port"; then echo "s3proxy $version on 127.0.0.1:$port (data in $data)"; return 0; fi
    if ! running; then echo "s3proxy exited; see $logfile" >&2; tail -n 30 "$logfile" >&2; exit 1; fi
    sleep 0.2
  done
  echo "s3proxy did not open port $port in 60s; see $logfile" >&2
  exit 1
}

stop() {
  if ! running; then rm -f "$pidfile"; return 0; fi
  local pid
  pid=$(cat "$pidfile")
  kill "$pid"
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; echo "s3proxy stopped"; return 0; }
    sleep 0.2
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$pidfile"
  echo "s3proxy killed"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if running; then echo "running on 127.0.0.1:$port"; else echo "stopped"; exit 3; fi ;;
  fetch) fetch ;;
  reset) stop; rm -rf "$data" ;;
  env)
    echo "CONTENT_BLOB_STORE=s3"
    echo "CONTENT_S3_ENDPOINT_URL=http://127.0.0.1:$port"
    echo "CONTENT_S3_ACCESS_KEY_ID=$identity"
    echo "CONTENT_S3_SECRET_ACCESS_KEY=$credential"
    echo "CONTENT_S3_CREATE_BUCKET=true"
    ;;
  *) echo "usage: $0 start|stop|status|fetch|reset|env" >&2; exit 2 ;;
esac
