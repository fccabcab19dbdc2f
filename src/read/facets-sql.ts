/**
 * Facet counts of a connection's whole filtered set (not its page): each
 * facet is one grouped query over `set`, an SQL query yielding the set's ids
 * in a column named `id`. The read floor passes the very FROM and WHERE its
 * connection pages through, the resolvers the same set's ids, so any filter
 * a connection gains narrows its facets too.
 *
 * A facet's rows are `value` (the bucket) and `count`; `order` sorts them
 * over the row alias `b`: years ascending, the others by count, largest
 * first, then by name.
 */
export type FacetSql = { buckets: (set: string) => string; order: string };

const byCountThenName = 'b.count desc, b.value::text collate "C"';

/** The edition a participation took place at: its session's, or its day's for a day's chair. */
const participationEdition = `left join "session" s on s.id = pa.session_id left join conference_day d on d.id = pa.day_id
  join conference c on c.id = coalesce(s.conference_id, d.conference_id)`;

/** SessionFacets: how many of the sessions fall in each bucket. */
export const sessionFacets: Record<string, FacetSql> = {
  byYear: {
    buckets: (set) => `select c.year as value, count(*)::int as count from "session" s join conference c on c.id = s.conference_id
      where s.id in (${set}) group by c.year`,
    order: 'b.value',
  },
  byKind: {
    buckets: (set) => `select s.kind as value, count(*)::int as count from "session" s where s.id in (${set}) group by s.kind`,
    order: byCountThenName,
  },
  // A session counts once under each role someone took in it.
  byRole: {
    buckets: (set) => `select pa.role as value, count(distinct pa.session_id)::int as count from participation pa
      where pa.session_id in (${set}) group by pa.role`,
    order: byCountThenName,
  },
  // A session counts once under the kind of each organisation someone took part for.
  byOrganisationKind: {
    buckets: (set) => `select o.kind as value, count(distinct pa.session_id)::int as count from participation pa
      join "position" pos on pos.id = pa.position_id join organisation o on o.id = pos.organisation_id
      where pa.session_id in (${set}) group by o.kind`,
    order: byCountThenName,
  },
};

/** ParticipationFacets: how many of the participations fall in each bucket. */
export const participationFacets: Record<string, FacetSql> = {
  byYear: {
    buckets: (set) => `select c.year as value, count(*)::int as count from participation pa ${participationEdition}
      where pa.id in (${set}) group by c.year`,
    order: 'b.value',
  },
  byRole: {
    buckets: (set) => `select pa.role as value, count(*)::int as count from participation pa where pa.id in (${set}) group by pa.role`,
    order: byCountThenName,
  },
  // Participations in a position at no known organisation are in no bucket.
  byOrganisationKind: {
    buckets: (set) => `select o.kind as value, count(*)::int as count from participation pa
      join "position" pos on pos.id = pa.position_id join organisation o on o.id = pos.organisation_id
      where pa.id in (${set}) group by o.kind`,
    order: byCountThenName,
  },
};

/** The facets of the connections over each node type that has them. */
export const facetsOf: Readonly<Record<string, Record<string, FacetSql>>> = { Session: sessionFacets, Participation: participationFacets };
