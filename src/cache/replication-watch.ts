import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

/**
 * How long a change may take to reach every replica before the cache stops
 * waiting for it: PostgreSQL's own default for how far a replica may fall
 * behind while a query holds up its replay (max_standby_streaming_delay).
 */
const CATCH_UP_LIMIT_MS = 30_000;
const POLL_MS = 25;

/**
 * Tells when every replica has replayed what the primary has written so far.
 *
 * Readers' answers come from replicas and are cached under the data version.
 * A version bumped when a change commits on the primary would file answers a
 * lagging replica gives (still the old data) under the new version, where
 * they would stay until they expire; bumping once more when the replicas have
 * the change makes those unreachable too.
 */
export function watchReplication(primaryUrl: string, replicaUrls: string[], onError: (error: Error) => void) {
  // One connection each, kept by a pool so that a dropped one is replaced.
  const primary = new pg.Pool({ connectionString: primaryUrl, max: 1 });
  const replicas = replicaUrls.map((connectionString) => new pg.Pool({ connectionString, max: 1 }));
  for (const pool of [primary, ...replicas]) pool.on('error', onError);
  let closed = false;

  /** Whether every replica has replayed the WAL up to `lsn`; a promoted replica, no longer replaying, has all it will get. */
  async function replayedUpTo(lsn: string): Promise<boolean> {
    const answers = await Promise.all(
      replicas.map((replica) =>
        replica.query<{ replayed: boolean }>('select not pg_is_in_recovery() or pg_last_wal_replay_lsn() >= $1::pg_lsn as replayed', [lsn]),
      ),
    );
    return answers.every(({ rows }) => rows[0]!.replayed);
  }

  return {
    /**
     * Resolves once every replica has what the primary had committed when it
     * was called: true then, false if the watch was closed first.
     */
    async caughtUp(): Promise<boolean> {
      const { rows } = await primary.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn');
      const lsn = rows[0]!.lsn;
      const deadline = Date.now() + CATCH_UP_LIMIT_MS;
      while (!closed) {
        if (await replayedUpTo(lsn)) return true;
        if (Date.now() > deadline) throw new Error(`the replicas have not replayed ${lsn} after ${CATCH_UP_LIMIT_MS / 1000} s`);
        await sleep(POLL_MS);
      }
      return false;
    },
    close: async () => {
      closed = true;
      await Promise.all([primary, ...replicas].map((pool) => pool.end()));
    },
  };
}

export type ReplicationWatch = ReturnType<typeof watchReplication>;
