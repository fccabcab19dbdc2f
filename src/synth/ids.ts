import { TABLES_WITH_IDS, type TableWithId } from './tables.js';

/** The first id each table may use; the loader reads them from the database, a dry run starts at 1. */
export type IdBases = Record<TableWithId, number>;

export function idBasesFromOne(): IdBases {
  return Object.fromEntries(TABLES_WITH_IDS.map((table) => [table, 1])) as IdBases;
}

/**
 * Hands out consecutive ids per table from the bases. The generator assigns
 * ids itself so that rows can refer to each other before any is written.
 */
export class IdSequence {
  private readonly next_: IdBases;

  constructor(bases: IdBases) {
    this.next_ = { ...bases };
  }

  next(table: TableWithId): number {
    return this.next_[table]++;
  }

  /** The id `next` would give, without taking it. */
  peek(table: TableWithId): number {
    return this.next_[table];
  }
}
