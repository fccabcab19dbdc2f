import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { announceChange } from '../cache/change-notifications.js';
import { assignTopicsAutomatically, type AutomaticTopicReport } from '../ingest/auto-topics.js';
import { CopyWriter } from './copy-writer.js';
import { addToFigures, synthesise, type SynthOptions } from './generate.js';
import { advanceSequences, readIdBases } from './id-bases.js';
import { emptyFigures, TABLE_ORDER, type Figures } from './tables.js';

export type SynthLoadReport = {
  /** Rows written per table: what the generator produced, as PostgreSQL counted them in. */
  figures: Figures;
  topics: AutomaticTopicReport;
  /** Seconds per phase. */
  seconds: { copy: number; topics: number; analyze: number; total: number };
};

/** A database that already holds a synthetic corpus: keys would collide, so nothing is written. */
export class SynthConflictError extends Error {}

/** Tables the synthetic rows go into, locked against other writers while ids are handed out. */
const LOCKED = TABLE_ORDER.map((table) => `"${table}"`).join(', ');
/** Tables whose statistics change: the written ones and the topic links. */
const ANALYZED = [...TABLE_ORDER, 'session_topic', 'conference_topic', 'organisation_topic'].map((table) => `"${table}"`).join(', ');

/**
 * The statistics are taken again, inside the loading transaction (ANALYZE
 * counts the transaction's own rows), after the first editions and then
 * every so many: the search triggers that each COPY fires plan their joins
 * from them, and with the statistics of the seed corpus alone they took each
 * session for one with a thousandth of all participations, hashing a join
 * per session and spilling it to disk (at scale 10 a participation COPY ran
 * for more than ten minutes, writing 33 GB of temporary files).
 */
const FIRST_ANALYZED = 100;
const ANALYZED_EVERY = 1000;

/** Seconds between two performance.now() readings, to a tenth. */
const seconds = (from: number, to: number) => Math.round((to - from) / 100) / 10;

/**
 * Adds a synthetic corpus to the database in three steps:
 *
 * 1. generates it and writes it with COPY in one transaction on a
 *    connection of its own (COPY needs the raw driver), with explicit ids
 *    above those in use, then moves the sequences past them: all or nothing;
 * 2. tags sessions, conferences and organisations with taxonomy topics
 *    (assignTopicsAutomatically) and tells running servers the data changed,
 *    in a second transaction. Tagging is idempotent: should it fail, the
 *    rows are there untagged, and `kb load` (which ends by tagging
 *    everything) repairs it;
 * 3. ANALYZE, so the planner knows the tables' new sizes.
 */
export async function loadSyntheticCorpus(orm: MikroORM, options: SynthOptions, log: (message: string) => void = () => {}): Promise<SynthLoadReport> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: orm.config.get('clientUrl') });
  await client.connect();
  try {
    const figures = await copyCorpus(client, options, log);
    const copied = performance.now();
    log(`copied ${TABLE_ORDER.reduce((total, table) => total + figures[table], 0)} rows in ${seconds(started, copied)} s; assigning topics`);

    const topics = await orm.em.fork().transactional(async (em) => {
      // Tagging scans every search document: far longer than the API's statement timeout allows.
      await em.execute('set local statement_timeout = 0');
      const report = await assignTopicsAutomatically(em);
      await announceChange(em);
      return report;
    });
    const tagged = performance.now();

    await client.query(`analyze ${ANALYZED}`);
    const analyzed = performance.now();
    return {
      figures,
      topics,
      seconds: {
        copy: seconds(started, copied),
        topics: seconds(copied, tagged),
        analyze: seconds(tagged, analyzed),
        total: seconds(started, analyzed),
      },
    };
  } finally {
    await client.end();
  }
}

async function copyCorpus(client: pg.Client, options: SynthOptions, log: (message: string) => void): Promise<Figures> {
  await client.query('begin');
  try {
    await client.query('set local statement_timeout = 0');
    await client.query(`set local lock_timeout = '30s'`);
    // Share row exclusive: readers go on, other writers (and a second synth) wait until commit.
    await client.query(`lock table ${LOCKED} in share row exclusive mode`);
    const existing = await client.query<{ slug: string }>(`select slug from conference_series where slug like 'synth-%' order by slug limit 1`);
    if (existing.rows.length > 0) {
      throw new SynthConflictError(
        `this database already holds a synthetic corpus (series "${existing.rows[0]!.slug}"); load one into a fresh database`,
      );
    }
    const idBases = await readIdBases(client);
    const writer = new CopyWriter(client);
    const generated = emptyFigures();
    let editions = 0;
    for (const batch of synthesise({ ...options, idBases })) {
      addToFigures(generated, batch);
      await writer.write(batch);
      if (!batch.conference) continue;
      editions += 1;
      if (editions % 100 === 0) log(`generated ${editions} editions`);
      if (editions === FIRST_ANALYZED || editions % ANALYZED_EVERY === 0) {
        await writer.flush();
        await client.query(`analyze ${ANALYZED}`);
      }
    }
    await writer.flush();
    for (const table of TABLE_ORDER) {
      if (writer.copied[table] !== generated[table]) {
        throw new Error(`${table}: generated ${generated[table]} rows but PostgreSQL copied ${writer.copied[table]}`);
      }
    }
    await advanceSequences(client, writer.copied);
    await client.query('commit');
    return writer.copied;
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}
