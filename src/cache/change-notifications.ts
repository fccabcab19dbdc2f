import type { EntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';

const CHANNEL = 'lekgotla_data_changed';

/**
 * Tells every listening server that the data changed. Sent inside the
 * writer's transaction, PostgreSQL delivers it on commit and drops it on
 * rollback: exactly the writes that happened.
 */
export async function announceChange(em: EntityManager): Promise<void> {
  await em.execute(`select pg_notify('${CHANNEL}', '')`);
}

/**
 * Listens for changes announced by any process on the database, such as a
 * `kb import` from the command line, on a connection of its own.
 */
export async function listenForChanges(databaseUrl: string, onChange: () => void, onError: (error: Error) => void) {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on('notification', onChange);
  client.on('error', onError);
  await client.connect();
  await client.query(`listen ${CHANNEL}`);
  return { close: () => client.end() };
}
