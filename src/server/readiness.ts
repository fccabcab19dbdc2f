import type { MikroORM } from '@mikro-orm/postgresql';
import type { RequestHandler } from 'express';
import { stateTracker, withDeadline, type DependencyState } from '../cache/dependency.js';
import type { ReplicaRouting } from '../db/replica-routing.js';
import type { Logger } from '../logger.js';

export type Dependency = {
  /** Whether the server can answer at all without it. */
  required: boolean;
  state: () => DependencyState | Promise<DependencyState>;
};

/** Longer than this for `select 1`, and the database counts as down: requests would wait as long. */
const DATABASE_CHECK_TIMEOUT_MS = 2000;

/** One connection's state, asked afresh on every call. */
function connectionState(connection: { execute: (sql: string) => Promise<unknown> }, name: string, logger: Logger): () => Promise<DependencyState> {
  const state = stateTracker('up');
  return async () => {
    try {
      await withDeadline(connection.execute('select 1'), DATABASE_CHECK_TIMEOUT_MS);
      if (state.set('up')) logger.info(`readiness: ${name} answers again`);
    } catch (error) {
      if (state.set('down')) logger.warn(`readiness: ${name} does not answer: ${error instanceof Error ? error.message : String(error)}`);
    }
    return state.current();
  };
}

/**
 * The primary as `database`, and each streaming replica as `replica-N`:
 * all required, since key holders' requests need the primary and readers'
 * the replicas.
 */
export function databaseDependencies(orm: MikroORM, routing: ReplicaRouting, logger: Logger): Record<string, Dependency> {
  const [primary, ...replicas] = routing.everyConnection(orm.driver);
  return {
    database: { required: true, state: connectionState(primary!, 'the database', logger) },
    ...Object.fromEntries(
      replicas.map((replica, index) => [`replica-${index + 1}`, { required: true, state: connectionState(replica, `replica ${index + 1}`, logger) }]),
    ),
  };
}

/**
 * /readyz: each dependency's state, and 503 while a required one is down, so
 * a load balancer sends requests elsewhere. A server missing only optional
 * ones answers correctly, more slowly, and says "degraded" with a 200.
 */
export function readiness(dependencies: Record<string, Dependency>): RequestHandler {
  return async (_request, response) => {
    const states = await Promise.all(
      Object.entries(dependencies).map(async ([name, dependency]) => {
        const { status, since } = await dependency.state();
        return [name, { status, required: dependency.required, since: since.toISOString() }] as const;
      }),
    );
    const down = states.filter(([, state]) => state.status === 'down');
    const status = down.some(([, state]) => state.required) ? 'unavailable' : down.length > 0 ? 'degraded' : 'ready';
    response
      .status(status === 'unavailable' ? 503 : 200)
      .set('cache-control', 'no-store')
      .json({ status, dependencies: Object.fromEntries(states) });
  };
}
