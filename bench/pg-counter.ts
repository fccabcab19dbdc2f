/**
 * Counts the SQL statements a server process sends through `pg`, for the
 * servers the benchmark runs in-process (PostGraphile and the floor): every
 * `Client#query` call is one statement. The count is process-wide; the
 * harness reads it before and after a single request sent on its own, so the
 * difference is that request's statements.
 *
 * Lekgotla reports its own count in `extensions.sqlStatements`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import pg from 'pg';

let statements = 0;
let installed = false;

export function countPgStatements(): void {
  if (installed) return;
  installed = true;
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  prototype.query = function query(this: unknown, ...args: unknown[]) {
    statements += 1;
    return original.apply(this, args);
  };
}

export const STATS_PATH = '/__bench/statements';

/** Answers GET /__bench/statements with the count so far; returns whether it handled the request. */
export function serveStatementCount(request: IncomingMessage, response: ServerResponse): boolean {
  if (request.method !== 'GET' || request.url !== STATS_PATH) return false;
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ statements }));
  return true;
}
