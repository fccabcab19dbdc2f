import { Cast } from './cast.js';
import { buildEdition } from './conference.js';
import { idBasesFromOne, IdSequence, type IdBases } from './ids.js';
import { buildOrganisations } from './organisations.js';
import { personAt } from './people.js';
import { PositionRegistry } from './positions.js';
import { planScale } from './scale.js';
import { buildSeries } from './series.js';
import { emptyFigures, TABLE_ORDER, type Figures, type RowBatch } from './tables.js';
import { VENUES } from './vocabulary/places.js';

export const DEFAULT_SEED = 20070912;

export type SynthOptions = {
  scale: number;
  seed: number;
  /** The first id of each table; from the database when loading, from 1 for a dry run. */
  idBases?: IdBases;
};

/** People are written in blocks of this many rows. */
const PEOPLE_PER_BATCH = 10_000;

/**
 * The synthetic corpus as a stream of row batches in foreign-key order:
 * organisations, series, people, then one batch per edition, year by year
 * (so people enter programmes in the order of time). Only the organisations,
 * the series and a compact index of people stay in memory; each edition's
 * rows are handed on and forgotten, so scale 10 needs no more memory than
 * scale 1 beyond those.
 */
export function* synthesise(options: SynthOptions): Generator<RowBatch, void, undefined> {
  const plan = planScale(options.scale);
  const ids = new IdSequence(options.idBases ?? idBasesFromOne());
  const world = buildOrganisations(options.seed, plan, ids);
  yield { organisation: world.rows };
  world.rows = [];

  const series = buildSeries(options.seed, plan, world, ids, VENUES.length);
  yield { conference_series: series.map((one) => one.row) };

  const firstPersonId = ids.peek('person');
  const person = (index: number) => personAt(options.seed, index, firstPersonId, world);
  const cast = new Cast();
  for (let start = 0; start < plan.people; start += PEOPLE_PER_BATCH) {
    const rows = [];
    for (let index = start; index < Math.min(plan.people, start + PEOPLE_PER_BATCH); index++) {
      const someone = person(index);
      if (ids.next('person') !== someone.id) throw new Error('person ids out of step');
      cast.add(someone);
      rows.push(someone.row);
    }
    yield { person: rows };
  }

  const positions = new PositionRegistry(plan.people, ids);
  const firstYear = Math.min(...series.map((one) => one.firstYear));
  const lastYear = Math.max(...series.map((one) => one.firstYear)) + plan.yearsPerSeries - 1;
  for (let year = firstYear; year <= lastYear; year++) {
    for (const one of series) {
      if (year < one.firstYear || year >= one.firstYear + plan.yearsPerSeries) continue;
      yield buildEdition({ seed: options.seed, series: one, year, ids, cast, positions, person });
    }
  }
}

export function addToFigures(figures: Figures, batch: RowBatch): void {
  for (const table of TABLE_ORDER) figures[table] += batch[table]?.length ?? 0;
}

/** What the generator produces for these options, without a database. */
export function figuresOf(options: SynthOptions): Figures {
  const figures = emptyFigures();
  for (const batch of synthesise(options)) addToFigures(figures, batch);
  return figures;
}
