import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options, type PostgreSqlDriver } from '@mikro-orm/postgresql';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { entities } from '../entities/index.js';
import { routines } from './routines.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// Compiled migrations live beside the compiled sources; tests load the TypeScript ones.
const compiled = path.basename(projectRoot) === 'dist';
const repositoryRoot = compiled ? path.dirname(projectRoot) : projectRoot;

export type OrmOptions = {
  clientUrl: string;
  /** Streaming replicas of clientUrl; statements reach them only as `driver` routes them. */
  replicaUrls?: string[];
  /** A PostgreSqlDriver that chooses between primary and replicas (replica-routing.ts). */
  driver?: typeof PostgreSqlDriver;
  statementTimeoutMs: number;
  debug?: boolean;
  onQuery?: (sql: string) => string;
};

export function ormConfig(options: OrmOptions): Options {
  return defineConfig({
    clientUrl: options.clientUrl,
    ...(options.driver && { driver: options.driver }),
    replicas: (options.replicaUrls ?? []).map((clientUrl, index) => ({ name: `replica-${index + 1}`, clientUrl })),
    // Only readers' requests go to replicas, chosen per request; any other read stays on the primary.
    preferReadReplicas: false,
    entities,
    routines,
    // Decorators carry the metadata; TypeScript's emitted design types fill in the rest.
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    migrations: {
      path: path.join(projectRoot, 'migrations'),
      pathTs: path.join(repositoryRoot, 'migrations'),
      glob: compiled ? '!(*.d).js' : '!(*.d).ts',
      // One transaction for the whole batch: a failed migration leaves no half-built schema.
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    // Requests fork the EntityManager; touching the global one is a bug we want to hear about.
    allowGlobalContext: false,
    debug: options.debug ?? false,
    ...(options.onQuery && { onQuery: options.onQuery }),
    pool: { min: 0, max: 10 },
    // No JIT compilation: it compiles the plans of long statements (search's, with their many branches, costed
    // high) for a second or more, where they run in milliseconds. A statement with parameters runs on its generic
    // plan from the first execution, planned once per connection for a prepared one (the read floor's): left to
    // choose, PostgreSQL kept planning search's statement for each request (2.5-3.3 ms at scale 1, more than it then
    // ran); over the 180 words of bench/search-words.ts its generic plan was never slower (EXPLAIN ANALYZE, best of
    // 3: scale 1 638 → 311 ms in all, scale 10 834 → 526 ms).
    driverOptions: { statement_timeout: options.statementTimeoutMs, options: '-c jit=off -c plan_cache_mode=force_generic_plan' },
  });
}

export { repositoryRoot };
