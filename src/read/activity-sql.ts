import { badUserInput } from '../errors.js';
import { present } from './filters-sql.js';
import type { SqlParams } from './sql-params.js';

/** The records whose activity is counted. */
export type ActivityOwner = 'Organisation' | 'Person' | 'Topic';

/** The contract's ActivityWindow: which participations count. Null fields are absent. */
export type ActivityWindowValue = { fromYear?: number | null; toYear?: number | null; seriesSlug?: string | null; role?: string | null };

/** The contract's ActivityOrder values. */
export type ActivityOrderValue = 'NAME' | 'SESSIONS_DESC' | 'PARTICIPATIONS_DESC';

/** The counts an Activity answers, by field name. */
export const ACTIVITY_COUNTS = ['sessions', 'participations', 'people', 'editions'] as const;
export type ActivityCount = (typeof ACTIVITY_COUNTS)[number];

/**
 * Refuses a window that can count nothing by mistake (a range backwards),
 * naming the fields; both read paths call it, the read floor to leave the
 * wording to the resolvers.
 */
export function checkActivityWindow(window: ActivityWindowValue | null | undefined, argument: string): void {
  if (!window || !present(window.fromYear) || !present(window.toYear)) return;
  if (window.fromYear > window.toYear) {
    throw badUserInput(`${argument}.fromYear ${window.fromYear} is after ${argument}.toYear ${window.toYear}`, `${argument}.fromYear`);
  }
}

/**
 * Where a participation happened: its session's edition, or its day's for a
 * day's chair. Participations are counted for the organisation of the
 * position they were held in (that organisation only, not the one it is
 * part of), for their person, and for a topic through its sessions.
 */
const participationsWithEdition = `participation pa
  left join "session" s on s.id = pa.session_id
  left join conference_day d on d.id = pa.day_id
  join conference c on c.id = coalesce(s.conference_id, d.conference_id)
  join conference_series cs on cs.id = c.series_id`;

const sources: Record<ActivityOwner, { from: string; owner: string; person: string }> = {
  Organisation: { from: `${participationsWithEdition} join "position" pos on pos.id = pa.position_id`, owner: 'pos.organisation_id', person: 'pa.person_id' },
  Person: { from: participationsWithEdition, owner: 'pa.person_id', person: 'pa.person_id' },
  // A topic's sessions count without participants too; its participations are those of its sessions.
  Topic: {
    from: `session_topic st join "session" s on s.id = st.session_id
      join conference c on c.id = s.conference_id join conference_series cs on cs.id = c.series_id
      left join participation pa on pa.session_id = s.id`,
    owner: 'st.topic_id',
    person: 'pa.person_id',
  },
};

const countSql: Record<ActivityCount, string> = {
  sessions: 'count(distinct s.id)::int',
  participations: 'count(distinct pa.id)::int',
  people: 'count(distinct pa.person_id)::int',
  editions: 'count(distinct c.id)::int',
};

/** The window's conditions on the source's rows, bound in `params`. */
function windowConditions(params: SqlParams, window: ActivityWindowValue | null | undefined): string {
  const conditions: string[] = [];
  if (present(window?.fromYear)) conditions.push(`c.year >= ${params.bind(window.fromYear, 'int')}`);
  if (present(window?.toYear)) conditions.push(`c.year <= ${params.bind(window.toYear, 'int')}`);
  if (present(window?.seriesSlug)) conditions.push(`cs.slug = ${params.bind(window.seriesSlug, 'text')}`);
  if (present(window?.role)) conditions.push(`pa.role = ${params.bind(window.role, 'participation_role')}`);
  return conditions.length === 0 ? 'true' : conditions.join(' and ');
}

/**
 * One row per owner with any activity in the window: `owner` and the asked
 * counts, each named as its Activity field. Only the counts asked are
 * aggregated; `owners`, when given, limits the rows to those owners (an SQL
 * array, made after the window's values are bound).
 */
export function activityCountsSql(
  params: SqlParams,
  owner: ActivityOwner,
  window: ActivityWindowValue | null | undefined,
  counts: readonly ActivityCount[],
  owners?: () => string,
): string {
  const source = sources[owner];
  const conditions = windowConditions(params, window);
  const limit = owners === undefined ? '' : ` and ${source.owner} = any(${owners()})`;
  const columns = counts.map((count) => `, ${countSql[count]} as ${count}`).join('');
  return `select ${source.owner} as owner${columns} from ${source.from}
    where ${conditions}${limit} group by ${source.owner}`;
}

/** How each kind of record is listed by name, ties broken by id, on the record's row alias. */
const nameOrder: Record<ActivityOwner, (row: string) => string> = {
  Organisation: (row) => `${row}.name, ${row}.id`,
  Person: (row) => `${row}.surname, ${row}.initials, ${row}.id`,
  Topic: (row) => `${row}.name, ${row}.id`,
};

/**
 * A list of `owner` records (row alias `row`, table `table`) ordered by
 * activity: the FROM clause joining each record to its counts (alias `act`)
 * and the total ORDER BY, most active first, then by name, then by id, so
 * offsets, which cursors carry, stay stable. Records with nothing counted
 * come last, by name. NAME needs no counts: the FROM clause is the table's.
 */
export function activityOrdering(
  params: SqlParams,
  owner: ActivityOwner,
  table: string,
  row: string,
  order: ActivityOrderValue | null | undefined,
  window: ActivityWindowValue | null | undefined,
): { from: string; order: string } {
  if (!present(order) || order === 'NAME') return { from: `${table} ${row}`, order: nameOrder[owner](row) };
  const count: ActivityCount = order === 'SESSIONS_DESC' ? 'sessions' : 'participations';
  return {
    from: `${table} ${row} left join (${activityCountsSql(params, owner, window, [count])}) act on act.owner = ${row}.id`,
    order: `coalesce(act.${count}, 0) desc, ${nameOrder[owner](row)}`,
  };
}
