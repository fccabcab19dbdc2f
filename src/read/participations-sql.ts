import type { Compilation, FieldSql } from './compilation.js';
import { connectionJson, type RowBeside } from './connection-sql.js';
import { allOf, idOf, knownTopicSlug, positionConditions, present, topicIdOf } from './filters-sql.js';

/**
 * Participations `pa` with what a filter or an order asks of them: the
 * session `s` (none for a day's chair), the day `d` (the chair's, or the
 * session's), the edition `c` and its series `cs`, the position `pos`.
 */
export const participationsFrom = `participation pa
  left join "session" s on s.id = pa.session_id
  left join conference_day d on d.id = coalesce(pa.day_id, s.day_id)
  left join conference c on c.id = coalesce(s.conference_id, d.conference_id)
  left join conference_series cs on cs.id = c.series_id
  left join "position" pos on pos.id = pa.position_id`;

/** The session of a participation in participationsFrom, and its edition, which the order joined already. */
export const sessionBeside: readonly RowBeside[] = [{ foreignKey: 'session_id', tid: 's.ctid', within: [{ foreignKey: 'conference_id', tid: 'c.ctid' }] }];

/**
 * A ParticipationFilter as SQL conditions on participationsFrom; every given
 * criterion must hold for the participation itself.
 */
export function participationConditions(compilation: Compilation, filter: Record<string, unknown>): string[] {
  const { params } = compilation;
  const conditions: string[] = [];
  if (present(filter.role)) conditions.push(`pa.role = ${params.bind(filter.role, 'participation_role')}`);
  if (present(filter.personId)) conditions.push(`pa.person_id = ${params.bind(idOf(filter.personId, ['Person']).id, 'int')}`);
  conditions.push(...positionConditions(compilation, filter, 'pos'));
  if (present(filter.topicSlug)) {
    conditions.push(`exists (select 1 from session_topic st
      where st.session_id = pa.session_id and st.topic_id = ${topicIdOf(knownTopicSlug(compilation, filter.topicSlug))})`);
  }
  if (present(filter.seriesSlug)) conditions.push(`cs.slug = ${params.bind(filter.seriesSlug, 'text')}`);
  if (present(filter.fromYear)) conditions.push(`c.year >= ${params.bind(filter.fromYear, 'int')}`);
  if (present(filter.toYear)) conditions.push(`c.year <= ${params.bind(filter.toYear, 'int')}`);
  return conditions;
}

/**
 * As they happened: by edition (its start date, or its year for an undated
 * one), then day, a day's chair before the day's sessions, then the
 * sessions in programme order, each listing its people as printed. Text
 * keys compare as JavaScript strings do, byte for byte.
 */
export const participationOrder = `coalesce(c.start_date::text, coalesce(c.year, 9999) || '-99-99') collate "C", coalesce(c.id, 0),
  coalesce(d.number, 0), coalesce(s.ordinal + 1, 0), pa.ordinal, pa.id`;

/** The root list of participations, narrowed by a ParticipationFilter. */
export const participationsRoot: FieldSql = (compilation, _row, field) =>
  connectionJson(compilation, field, {
    nodeType: 'Participation',
    row: 'pa',
    from: participationsFrom,
    where: allOf(participationConditions(compilation, (field.args.filter ?? {}) as Record<string, unknown>)),
    order: participationOrder,
    carried: true,
    beside: sessionBeside,
  });
