import { createHash } from 'node:crypto';
import type { CustomTypesConfig, Pool } from 'pg';
import type { CompiledStatement } from './compile-operation.js';

// Each prepared statement lives on every pooled connection until it closes, so
// their number is bounded: the first distinct texts seen twice are prepared,
// later ones run unprepared (still with bound parameters).
const MAX_PREPARED = 200;

// Every value as PostgreSQL's text gives it: the statement's one value is JSON, kept as text.
const unparsed: CustomTypesConfig = { getTypeParser: () => (value: string) => value };

/**
 * Runs compiled statements on a pg pool: the one `poolForRequest` gives for
 * the request running now (a replica's for a reader, the primary's for a key
 * holder). A text seen a second time is prepared under a name derived from
 * it, so PostgreSQL plans each request shape once per connection rather than
 * once per request (a generic plan: the pool's connections ask for one,
 * src/db/orm.config.ts).
 */
export function createStatementRunner(poolForRequest: () => Promise<Pool>, onStatement: (sql: string, values: readonly unknown[]) => void) {
  const seen = new Set<string>();
  const prepared = new Map<string, string>();

  function nameFor(sql: string): string | undefined {
    const name = prepared.get(sql);
    if (name !== undefined || prepared.size >= MAX_PREPARED) return name;
    if (!seen.has(sql)) {
      if (seen.size < MAX_PREPARED * 10) seen.add(sql);
      return undefined;
    }
    const fresh = `lekgotla_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`;
    prepared.set(sql, fresh);
    return fresh;
  }

  /**
   * The statement's one value as PostgreSQL wrote it: the JSON text of the
   * answer's `data`, or null when a requirement of its compilation failed.
   * Left unparsed: the server may send it as it is (src/server/compiled-answer.ts).
   */
  return async function run(statement: CompiledStatement): Promise<string | null> {
    onStatement(statement.sql, statement.values);
    const name = nameFor(statement.sql);
    const pool = await poolForRequest();
    const result = await pool.query<{ data: string | null }>({ name, text: statement.sql, values: statement.values, types: unparsed });
    return result.rows[0]!.data;
  };
}

export type StatementRunner = ReturnType<typeof createStatementRunner>;
