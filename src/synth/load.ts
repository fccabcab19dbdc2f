import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { announceChange } from '../cache/change-notifications.js';
import { assignTopicsAutomatically, type AutomaticTopicReport } from '../ingest/auto-topics.js';
import { TOPIC_PROGRAMME } from '../db/topic-programme-sql.js';
import { CopyWriter } from './copy-writer.js';
import { addToFigures, synthesise, type SynthOptions } from './generate.js';
import { advanceSequences, readIdBases } from './id-bases.js';
import { rebuildDerivedData, derivingTriggers } from './derived-data.js';
import { emptyFigures, TABLE_ORDER, type Figures } from './tables.js';

export type SynthLoadReport = {
  /** Rows written per table: what the generator produced, as PostgreSQL counted them in. */
  figures: Figures;
  topics: AutomaticTopicReport;
  /** Seconds per phase. */
  seconds: { copy: number; topics: number; search: number; analyze: number; total: number };
};

/** A database that already holds a synthetic corpus: keys would collide, so nothing is written. */
export class SynthConflictError extends Error {}

/** Tables the synthetic rows go into, locked against other writers while ids are handed out. */
const LOCKED = TABLE_ORDER.map((table) => `"${table}"`).join(', ');
/** Tables whose statistics change: the written ones, the topic links and the topics' programmes. */
const ANALYZED = [...TABLE_ORDER, 'session_topic', 'conference_topic', 'organisation_topic', TOPIC_PROGRAMME].map((table) => `"${table}"`).join(', ');

/** Seconds between two performance.now() readings, to a tenth. */
const seconds = (from: number, to: number) => Math.round((to - from) / 100) / 10;

/**
 * Adds a synthetic corpus to the database in one transaction on a connection
 * of its own (COPY needs the raw driver), all or nothing:
 *
 * 1. generates it and writes it with COPY, with explicit ids above those in
 *    use, then moves the sequences past them;
 * 2. tags sessions, conferences and organisations with taxonomy topics
 *    (assignTopicsAutomatically);
 * 3. rebuilds the derived data (src/synth/derived-data.ts): the deriving
 *    triggers are off while the rows go in, and what they keep is written
 *    once, from all the records, at the end.
 *
 * Then it tells running servers the data changed, and takes the statistics.
 */
export async function loadSyntheticCorpus(orm: MikroORM, options: SynthOptions, log: (message: string) => void = () => {}): Promise<SynthLoadReport> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: orm.config.get('clientUrl') });
  await client.connect();
  try {
    const loaded = await loadInOneTransaction(client, options, log, started);
    const rebuilt = performance.now();
    await orm.em.fork().transactional((em) => announceChange(em));
    await client.query(`analyze ${ANALYZED}`);
    const analyzed = performance.now();
    return {
      figures: loaded.figures,
      topics: loaded.topics,
      seconds: {
        copy: seconds(started, loaded.copied),
        topics: seconds(loaded.copied, loaded.tagged),
        search: seconds(loaded.tagged, rebuilt),
        analyze: seconds(rebuilt, analyzed),
        total: seconds(started, analyzed),
      },
    };
  } finally {
    await client.end();
  }
}

/**
 * Steps 1 to 3, committed together or not at all; the deriving triggers are
 * off from before the first row until the derived data is rebuilt. Returns
 * what was written and when copying and tagging ended.
 */
async function loadInOneTransaction(client: pg.Client, options: SynthOptions, log: (message: string) => void, started: number) {
  await client.query('begin');
  try {
    await client.query('set local statement_timeout = 0');
    await client.query(`set local lock_timeout = '30s'`);
    for (const statement of derivingTriggers(TABLE_ORDER, 'disable')) await client.query(statement);
    const figures = await copyCorpus(client, options, log);
    const copied = performance.now();
    log(`copied ${TABLE_ORDER.reduce((total, table) => total + figures[table], 0)} rows in ${seconds(started, copied)} s; assigning topics`);
    // The transaction's own rows count in these statistics: tagging and the rebuild plan their joins from them.
    await client.query(`analyze ${ANALYZED}`);
    const topics = await assignTopicsAutomatically(async <Row extends object>(sql: string) => (await client.query<Row>(sql)).rows);
    const tagged = performance.now();
    log(`assigned topics in ${seconds(copied, tagged)} s; rebuilding the derived data`);
    for (const statement of rebuildDerivedData) await client.query(statement);
    for (const statement of derivingTriggers(TABLE_ORDER, 'enable')) await client.query(statement);
    await client.query('commit');
    return { figures, topics, copied, tagged };
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

/** Writes the generated rows, after locking the tables and making sure no synthetic corpus is there yet. */
async function copyCorpus(client: pg.Client, options: SynthOptions, log: (message: string) => void): Promise<Figures> {
  // Share row exclusive: readers go on, other writers (and a second synth) wait until commit.
  await client.query(`lock table ${LOCKED} in share row exclusive mode`);
  const existing = await client.query<{ slug: string }>(`select slug from conference_series where slug like 'synth-%' order by slug limit 1`);
  if (existing.rows.length > 0) {
    throw new SynthConflictError(`this database already holds a synthetic corpus (series "${existing.rows[0]!.slug}"); load one into a fresh database`);
  }
  const idBases = await readIdBases(client);
  const writer = new CopyWriter(client);
  const generated = emptyFigures();
  let editions = 0;
  for (const batch of synthesise({ ...options, idBases })) {
    addToFigures(generated, batch);
    await writer.write(batch);
    if (batch.conference && ++editions % 100 === 0) log(`generated ${editions} editions`);
  }
  await writer.flush();
  for (const table of TABLE_ORDER) {
    if (writer.copied[table] !== generated[table]) {
      throw new Error(`${table}: generated ${generated[table]} rows but PostgreSQL copied ${writer.copied[table]}`);
    }
  }
  await advanceSequences(client, writer.copied);
  return writer.copied;
}
