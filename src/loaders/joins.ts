import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RecordLoader } from './record-loader.js';
import { recordReader, type RecordReader } from './records.js';

/**
 * A record that a loader's rows point at through `column`, read in the same
 * statement by a left join and handed to `into`, its by-id loader, so that
 * resolvers asking for it next find it there. Reading a participation with
 * its person and position this way saves a statement per level, and keeps
 * the count of statements the same however the request's batches fall.
 */
export type Join = { column: string; entity: EntityClass<{ id: number }>; into: RecordLoader<unknown>; joins?: Join[] };

type PlannedJoin = { alias: string; reader: RecordReader<{ id: number }>; into: RecordLoader<unknown> };

/** The SQL of `joins` below the row alias `parent`, and the records to prime from each row. */
export function planJoins(em: EntityManager, parent: string, joins: Join[], planned: PlannedJoin[] = []): { select: string; from: string; planned: PlannedJoin[] } {
  let select = '';
  let from = '';
  for (const join of joins) {
    const alias = `j${planned.length}`;
    const reader = recordReader(em, join.entity);
    planned.push({ alias, reader, into: join.into });
    select += `, ${reader.columns(alias, `${alias}.`)}`;
    // A lateral lookup by primary key, kept from being flattened by `limit 1`: a plain join lets the planner
    // hash whole tables of people and positions to find the few hundred rows a page needs.
    from += ` left join lateral (select ${reader.columns('x')} from ${reader.table} x where x.id = ${parent}.${join.column} limit 1) ${alias} on true`;
    const nested = planJoins(em, alias, join.joins ?? [], planned);
    select += nested.select;
    from += nested.from;
  }
  return { select, from, planned };
}

export function primeJoined(row: Record<string, unknown>, planned: PlannedJoin[]) {
  for (const { alias, reader, into } of planned) {
    const id = row[`${alias}.id`] as number | null;
    // Organisations recur on many rows; each is read once.
    if (id !== null && !into.holds(id)) into.prime(id, reader.read(row, `${alias}.`));
  }
}
