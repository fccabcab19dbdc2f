import pg from 'pg';

// Any fixed number: PostgreSQL's advisory locks are named by integers.
const MIGRATIONS_LOCK = 7_101_2007;

/**
 * Runs `work` (bringing the schema up to date) while holding a session-level
 * advisory lock on the database, so that a server and a `kb` opening a new
 * database at the same moment migrate it one after the other; the second
 * then finds nothing to apply.
 */
export async function withMigrationLock<T>(databaseUrl: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATIONS_LOCK]);
    return await work();
  } finally {
    // Ending the session releases the lock.
    await client.end();
  }
}
