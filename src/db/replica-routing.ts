import { AsyncLocalStorage } from 'node:async_hooks';
import type { ConnectionType } from '@mikro-orm/core';
import { PostgreSqlDriver, type PostgreSqlConnection } from '@mikro-orm/postgresql';

/**
 * Sends every statement of a reader's request to a streaming replica, and
 * everything else to the primary.
 *
 * Who asks decides, not what is asked: a request without an API key cannot
 * write, so all its statements (ORM finds, loaders' raw SQL, the read floor's
 * compiled statement) may run on a replica; a key holder's request runs on
 * the primary from start to end, so a curator reads back at once what they
 * just wrote, through any instance, and reads the current `version` their
 * next update must quote. Statements outside a request (migrations, the seed,
 * the command line, cache bookkeeping) run on the primary too, since the ORM
 * is configured with `preferReadReplicas: false`.
 *
 * MikroORM has read-replica connections but no per-request choice between
 * them: its per-call `connectionType` would have to be threaded through every
 * find and execute. Each of those ends in `driver.getConnection(type)`, so
 * the choice is made there, from the request's async context, as the
 * statement counter follows a request (statement-counter.ts).
 */
export function createReplicaRouting() {
  const readers = new AsyncLocalStorage<true>();

  class ReplicaRoutingDriver extends PostgreSqlDriver {
    override getConnection(type?: ConnectionType): PostgreSqlConnection {
      return super.getConnection(readers.getStore() ? 'read' : type);
    }

    /** The primary's connection, then each replica's. */
    everyConnection(): PostgreSqlConnection[] {
      return [this.connection, ...this.replicas];
    }
  }

  return {
    /** The driver class to give MikroORM, which instantiates it. */
    driver: ReplicaRoutingDriver,
    /** Runs `work` (an anonymous reader's request) with every statement it sends on a replica, if there is one. */
    onReplicas<T>(work: () => T): T {
      return readers.run(true, work);
    },
    /** The connections of the driver this routing made: the primary's, then each replica's. */
    everyConnection(driver: PostgreSqlDriver): PostgreSqlConnection[] {
      return driver instanceof ReplicaRoutingDriver ? driver.everyConnection() : [driver.getConnection()];
    },
  };
}

export type ReplicaRouting = ReturnType<typeof createReplicaRouting>;
