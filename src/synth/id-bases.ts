import type pg from 'pg';
import type { IdBases } from './ids.js';
import { TABLES_WITH_IDS, type Figures, type TableWithId } from './tables.js';

/**
 * Ids for the synthetic rows, taken above both the highest id in use and the
 * sequence's last value. The caller holds a lock that keeps other writers
 * out of these tables until it commits (their inserts take ids from the
 * sequence inside the INSERT, so none can hold an id it has not yet
 * written), and moves each sequence past the ids used before committing.
 */
export async function readIdBases(client: pg.Client): Promise<IdBases> {
  const bases = {} as IdBases;
  for (const table of TABLES_WITH_IDS) {
    const sequence = await sequenceOf(client, table);
    const { rows } = await client.query<{ base: string }>(
      `select greatest((select coalesce(max(id), 0) from "${table}"),
                       (select case when is_called then last_value else last_value - 1 end from ${sequence})) + 1 as base`,
    );
    bases[table] = Number(rows[0]!.base);
  }
  return bases;
}

/**
 * Moves each sequence written to onto the highest id now in its table (the
 * synthetic ids are the highest), so the next nextval() is past them.
 */
export async function advanceSequences(client: pg.Client, written: Figures): Promise<void> {
  for (const table of TABLES_WITH_IDS) {
    if (written[table] === 0) continue;
    await client.query(`select setval('${await sequenceOf(client, table)}', (select max(id) from "${table}"))`);
  }
}

async function sequenceOf(client: pg.Client, table: TableWithId): Promise<string> {
  const { rows } = await client.query<{ sequence: string }>(`select pg_get_serial_sequence($1, 'id') as sequence`, [table]);
  return rows[0]!.sequence;
}
