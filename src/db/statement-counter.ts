import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Counts the SQL statements a unit of work (one HTTP request) sends, however
 * deep in loaders they are issued: the count travels with the async context.
 */
export function createStatementCounter() {
  const current = new AsyncLocalStorage<{ statements: number }>();
  return {
    /** Hook for MikroORM's `onQuery`: counts and passes the SQL through. */
    onQuery: (sql: string) => {
      const tally = current.getStore();
      if (tally) tally.statements += 1;
      return sql;
    },
    /** Runs `work` with a fresh count and returns the tally object it fills. */
    track<T>(work: () => T): { result: T; tally: { statements: number } } {
      const tally = { statements: 0 };
      return { result: current.run(tally, work), tally };
    },
    /** The count of the unit of work running now, if any. */
    current: () => current.getStore(),
  };
}

export type StatementCounter = ReturnType<typeof createStatementCounter>;
