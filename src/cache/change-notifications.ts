import type { EntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { Logger } from '../logger.js';
import { reconnectDelay, stateTracker, type DependencyState } from './dependency.js';

const CHANNEL = 'lekgotla_data_changed';

/** How long one attempt to reach the database for notifications may take. */
const CONNECT_TIMEOUT_MS = 5000;

/**
 * Tells every listening server that the data changed. Sent inside the
 * writer's transaction, PostgreSQL delivers it on commit and drops it on
 * rollback: exactly the writes that happened.
 */
export async function announceChange(em: EntityManager): Promise<void> {
  await em.execute(`select pg_notify('${CHANNEL}', '')`);
}

export type ChangeListener = {
  /** Up while changes are heard; while down, cached answers cannot be trusted. */
  state(): DependencyState;
  close(): Promise<void>;
};

/**
 * Listens for changes announced by any process on the database, such as a
 * `kb import` from the command line, on a connection of its own. When that
 * connection is lost (the database restarted, say) it is made again with
 * back-off, for as long as the server runs; once it is back, `onReconnect`
 * is told, since changes made in between were announced to nobody.
 */
export async function listenForChanges(options: {
  databaseUrl: string;
  onChange: () => void;
  /** Drops what was cached; awaited before cached answers are trusted again. */
  onReconnect: () => Promise<void>;
  logger: Logger;
}): Promise<ChangeListener> {
  const { databaseUrl, onChange, onReconnect, logger } = options;
  const state = stateTracker('down');
  let client: pg.Client | undefined;
  let failedAttempts = 0;
  let retry: NodeJS.Timeout | undefined;
  let missedChanges = false;
  let closed = false;

  const lost = (connection: pg.Client, error?: Error) => {
    if (closed || connection !== client) return;
    client = undefined;
    connection.removeAllListeners('notification');
    // Its 'error' listener stays: an error event without one would end the process.
    connection.end().catch(() => {});
    missedChanges = true;
    state.set('down');
    if (failedAttempts === 0) {
      logger.warn(`change notifications are not heard (${error?.message ?? 'connection closed'}): cached answers are bypassed until they are`);
    }
    retry = setTimeout(() => void connect(), reconnectDelay(failedAttempts++));
  };

  const connect = async () => {
    const connection = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true });
    client = connection;
    connection.on('notification', onChange);
    connection.on('error', (error) => lost(connection, error));
    connection.on('end', () => lost(connection));
    try {
      await connection.connect();
      await connection.query(`listen ${CHANNEL}`);
    } catch (error) {
      lost(connection, error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (closed || connection !== client) return;
    failedAttempts = 0;
    if (missedChanges) {
      missedChanges = false;
      try {
        await onReconnect();
        logger.info('change notifications are heard again: cached answers were dropped');
      } catch (error) {
        logger.warn(`change notifications are heard again, but cached answers could not be dropped: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (closed || connection !== client) return;
    }
    state.set('up');
  };

  await connect();
  return {
    state: () => state.current(),
    close: async () => {
      closed = true;
      clearTimeout(retry);
      await client?.end();
    },
  };
}
