#!/bin/bash
# Creates (or updates the password of) one role and one database per component, each named after it.
# Idempotent: safe on every apply. Passwords come from DATABASE_PASSWORD_<COMPONENT> variables.
set -euo pipefail

until pg_isready --quiet; do
  echo "waiting for PostgreSQL at ${PGHOST}:${PGPORT}..."
  sleep 2
done

for name in $DATABASES; do
  password_var="DATABASE_PASSWORD_${name^^}"
  psql --no-psqlrc --set ON_ERROR_STOP=1 --set name="$name" --set password="${!password_var}" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'name')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'name') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', :'name', :'password') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'name', :'name')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'name') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'name') \gexec
SQL
  echo "database $name ready"
done
