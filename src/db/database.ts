import { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { withMigrationLock } from './migration-lock.js';
import { ormConfig } from './orm.config.js';
import { createReplicaRouting, type ReplicaRouting } from './replica-routing.js';
import { createStatementCounter, type StatementCounter } from './statement-counter.js';

export type Database = {
  orm: MikroORM;
  /** Whether the server is the embedded one (started here or found running on its data folder). */
  embedded: boolean;
  /** Counts the statements each request sends (see createStatementCounter). */
  statements: StatementCounter;
  /** Where each request's statements go: readers' to the replicas (DATABASE_REPLICA_URLS), the rest to the primary. */
  replicas: ReplicaRouting;
  close: () => Promise<void>;
};

type Log = (message: string) => void;

/**
 * Brings the schema up to date in one transaction that no statement timeout
 * cuts short: STATEMENT_TIMEOUT_MS bounds a request, while a migration may
 * rewrite every row of a table (and its search postings) on a grown corpus.
 */
async function applyMigrations(orm: MikroORM) {
  const connection = orm.em.getConnection();
  return connection.transactional(async (transaction) => {
    await connection.execute('set local statement_timeout = 0', [], 'run', transaction);
    return orm.migrator.up({ transaction });
  });
}

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL when none is
 * given, and brings the schema up to date with the committed migrations.
 */
export async function openDatabase(config: Config, log: Log): Promise<Database> {
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({ ...config.embeddedPostgres, report: log });
  const clientUrl = config.databaseUrl ?? embedded!.url;
  const statements = createStatementCounter();
  const replicas = createReplicaRouting();
  let orm: MikroORM;
  try {
    orm = await MikroORM.init(
      ormConfig({
        clientUrl,
        replicaUrls: config.databaseReplicaUrls,
        driver: replicas.driver,
        statementTimeoutMs: config.statementTimeoutMs,
        debug: config.logLevel === 'debug',
        onQuery: statements.onQuery,
      }),
    );
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  try {
    const applied = await withMigrationLock(clientUrl, () => applyMigrations(orm));
    if (applied.length > 0) log(`applied migrations: ${applied.map((migration) => migration.name).join(', ')}`);
  } catch (error) {
    // Its own connections closed first, or the embedded server would count them as another user and keep running.
    await orm.close(true);
    await embedded?.stop();
    throw error;
  }
  return {
    orm,
    embedded: embedded !== undefined,
    statements,
    replicas,
    close: async () => {
      await orm.close(true);
      await embedded?.stop();
    },
  };
}
