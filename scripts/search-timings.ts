/**
 * Diagnosis, not a benchmark: times each SQL statement that search sends for
 * every word of bench/search-words.ts, one word at a time on one connection,
 * running the built search code (dist/) with an EntityManager stand-in that
 * executes and times what it is asked. Usage (after `npm run build`):
 *   sh scripts/with-node.sh node scripts/search-timings.ts postgres://postgres@127.0.0.1/lekgotla_bench_s1 [words...]
 */
import { appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { searchWordList } from '../bench/search-words.ts';

const [url, ...chosenWords] = process.argv.slice(2);
if (!url) throw new Error('usage: search-timings.ts DATABASE_URL [words...]');
// DIST names another build (of an older commit, say) to compare with.
const dist = path.resolve(process.env.DIST ?? path.join(import.meta.dirname, '..', 'dist'), 'src');
const load = (file: string) => import(pathToFileURL(path.join(dist, file)).href);
await import('reflect-metadata');
const { searchRows } = await load('read/search-rows.js');
const { SearchType } = await load('read/search-type.js');
const searchWith = (em: unknown, word: string) => searchRows(em, word, Object.values(SearchType), { offset: 0, limit: 20 });

const client = new pg.Client(url);
await client.connect();
const timed: { sql: string; ms: number }[] = [];
const buffers: string[] = [];
const em = {
  config: { get: (option: string) => (option === 'onQuery' ? (sql: string) => sql : undefined) },
  getKysely: () => ({
    executeQuery: async (compiled: { sql: string; parameters: readonly unknown[] }) => {
      const started = performance.now();
      const result = await client.query(compiled.sql, [...compiled.parameters]);
      timed.push({ sql: compiled.sql, ms: performance.now() - started });
      if (process.env.BUFFERS) {
        // Load-independent: the pages each statement touched, and its execution time by EXPLAIN ANALYZE.
        const plan = await client.query(`explain (analyze, buffers, format json) ${compiled.sql}`, [...compiled.parameters]);
        const top = plan.rows[0]['QUERY PLAN'][0];
        buffers.push(`${top.Plan['Shared Hit Blocks'] + top.Plan['Shared Read Blocks']}p/${top['Execution Time'].toFixed(1)}ms`);
      }
      if (process.env.EXPLAIN) {
        const plan = await client.query(`explain (analyze, buffers) ${compiled.sql}`, [...compiled.parameters]);
        console.log(`---- ${JSON.stringify(compiled.parameters).slice(0, 200)}\n${plan.rows.map((row) => row['QUERY PLAN']).join('\n')}`);
      }
      return { rows: result.rows };
    },
  }),
};
const words = chosenWords.length > 0 ? chosenWords : await searchWordList(client);
const load1 = os.loadavg()[0]!;
const results: { word: string; ms: number; statements: number[]; total: number; buffers: string }[] = [];
for (const word of words.slice(0, 10)) await searchWith(em, word);
for (const word of words) {
  timed.length = 0;
  buffers.length = 0;
  const started = performance.now();
  const rows = await searchWith(em, word);
  const ms = performance.now() - started;
  // DUMP names a file for each word's page (type, id, score), to compare two builds' answers.
  if (process.env.DUMP) appendFileSync(process.env.DUMP, `${JSON.stringify({ word, rows: rows.map((row: { type: string; id: number; score: number }) => [row.type, row.id, row.score]) })}\n`);
  results.push({ word, ms, statements: timed.map((t) => Math.round(t.ms * 10) / 10), total: rows[0]?.total ?? 0, buffers: buffers.join(' + ') });
}
const sorted = [...results].sort((a, b) => b.ms - a.ms);
const pct = (f: number) => sorted[Math.max(0, Math.ceil((1 - f) * sorted.length) - 1)]!.ms;
console.log(`load average at start ${load1.toFixed(2)}, now ${os.loadavg()[0]!.toFixed(2)}; ${results.length} words`);
console.log(`p50 ${pct(0.5).toFixed(1)} ms, p90 ${pct(0.9).toFixed(1)} ms, p99 ${pct(0.99).toFixed(1)} ms, max ${sorted[0]!.ms.toFixed(1)} ms`);
for (const r of sorted.slice(0, Number(process.env.SHOW ?? 15))) console.log(`${r.word.padEnd(20)} ${r.ms.toFixed(1).padStart(7)} ms  total ${String(r.total).padStart(6)}  statements ${r.statements.join(' + ')}${r.buffers ? `  explained ${r.buffers}` : ''}`);
await client.end();
