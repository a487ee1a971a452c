#!/usr/bin/env bash
# A PostgreSQL of our own for the integration tests: installed with apt-get when missing,
# a throwaway cluster on 127.0.0.1 (trust auth, loopback only), nothing of the system's touched.
#
#   deploy/local/postgres.sh start|stop|status|url
#
# Settings (environment): PG_PORT (15432: below Linux's ephemeral range 32768-60999, whose ports an
# outgoing connection can hold when the server binds), PG_DATA (/tmp/influencer-pg-$PG_PORT), PG_HOST
# (127.0.0.1: the addresses it listens on, comma-separated), PG_CLIENTS (a CIDR allowed in with a
# password, for deploy/cluster's pods; loopback stays trust), PG_SERVER_OPTIONS (more server
# options, as `-c name=value ...`).
set -euo pipefail

port=${PG_PORT:-15432}
listen=${PG_HOST:-127.0.0.1}
clients=${PG_CLIENTS:-}
server_options=${PG_SERVER_OPTIONS:-}
data=${PG_DATA:-/tmp/influencer-pg-$port}
url="postgresql+asyncpg://postgres@127.0.0.1:$port/postgres"

bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

install() {
  [ -n "$(bindir)" ] && return 0
  echo "installing PostgreSQL with apt-get..."
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
}

# initdb refuses to run as root: run the server as the postgres user then.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

ready() { "$(bindir)/pg_isready" -q -h 127.0.0.1 -p "$port"; }

start() {
  install
  local bin
  bin=$(bindir)
  if ready; then echo "PostgreSQL already running on 127.0.0.1:$port"; return 0; fi
  if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p "$data"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$data"
    as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --no-locale >/dev/null
    if [ -n "$clients" ]; then
      echo "host all all $clients scram-sha-256" >>"$data/pg_hba.conf"
    fi
  fi
  if ! as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 start \
    -o "-h $listen -p $port -k /tmp -c max_connections=300 $server_options" >/dev/null; then
    # pg_ctl only says "Examine the log output": show it, and who holds the port if it is taken.
    echo "PostgreSQL did not start on $listen:$port; the end of $data/server.log:" >&2
    tail -n 15 "$data/server.log" >&2 || true
    if command -v ss >/dev/null; then
      echo "sockets on port $port:" >&2
      ss -tanp "( sport = :$port )" >&2 || true
    fi
    exit 1
  fi
  echo "PostgreSQL on $listen:$port (data in $data)"
}

stop() {
  local bin
  bin=$(bindir) || return 0
  [ -f "$data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$data" -m fast -w -t 100 stop >/dev/null
  echo "PostgreSQL stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if ready; then echo "running on 127.0.0.1:$port"; else echo "stopped"; exit 3; fi ;;
  url) echo "$url" ;;
  *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac
