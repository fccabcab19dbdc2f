#!/bin/sh
# Runs once, when the primary's data folder is created (postgres image's
# /docker-entrypoint-initdb.d): a role that may only replicate, the slot that
# keeps the WAL the replica has not yet received, and the pg_hba.conf line
# that lets the replica connect for replication.
set -eu
psql --no-psqlrc -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v password="$REPLICATION_PASSWORD" <<'SQL'
create role replicator with replication login password :'password';
select pg_create_physical_replication_slot('replica_1');
SQL
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
