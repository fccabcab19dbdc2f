/**
 * Search alone over a word list: the issue's search target is a p99 over
 * many different queries sent one at a time, not one query repeated under
 * load (which a plan cache and hot pages flatter). The list is drawn from
 * the corpus itself, so it follows the data at every scale: the most common
 * words of the sources' text (long candidate sets to rank) and words that
 * occur in exactly one source (index lookups that find almost nothing).
 */
import type pg from 'pg';

/** `size` words of at least four letters: half the most common in the sources, half seen in one source only. */
export async function searchWordList(client: pg.ClientBase, size = 200): Promise<string[]> {
  const half = Math.floor(size / 2);
  const { rows } = await client.query<{ word: string }>(
    `with word as (
       select w as word, count(*) as uses, count(distinct so.id) as sources
         from source so, regexp_split_to_table(lower(so.text), '[^a-z]+') as w
        where length(w) >= 4
        group by w
     ),
     common as (select word from word order by uses desc, word limit $1),
     rare as (select word from word where sources = 1 and uses = 1 order by md5(word) limit $1)
     select word from common union all select word from rare`,
    [half],
  );
  return rows.map((row) => row.word);
}

export type LatencySummary = { queries: number; p50: number; p90: number; p99: number; max: number };

/** Nearest-rank percentiles of the times, in milliseconds. */
export function summariseLatencies(times: number[]): LatencySummary {
  const sorted = [...times].sort((a, b) => a - b);
  const rank = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
  return { queries: sorted.length, p50: rank(0.5), p90: rank(0.9), p99: rank(0.99), max: sorted[sorted.length - 1]! };
}

/** Sends one request per word, one at a time, after `warmUp` words sent unmeasured; returns each measured time. */
export async function timeEachWord(words: string[], warmUp: number, send: (word: string) => Promise<void>): Promise<number[]> {
  for (const word of words.slice(0, warmUp)) await send(word);
  const times: number[] = [];
  for (const word of words) {
    const started = performance.now();
    await send(word);
    times.push(performance.now() - started);
  }
  return times;
}
