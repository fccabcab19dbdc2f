#!/bin/sh
# A streaming replica of the primary `db`. On its first start the data folder
# is cloned from the primary with pg_basebackup, which also writes
# standby.signal and primary_conninfo (-R); from then on the server follows
# the primary's WAL through the slot primary-init.sh created.
set -eu
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready --host=db --port=5432 --quiet; do sleep 1; done
  pg_basebackup --host=db --username=replicator --pgdata="$PGDATA" \
    --write-recovery-conf --slot=replica_1 --wal-method=stream --checkpoint=fast
  chmod 0700 "$PGDATA"
fi
# Feedback keeps the primary from removing rows a replica's running query still reads,
# rather than cancelling the query (max_standby_streaming_delay).
exec postgres -c hot_standby_feedback=on
