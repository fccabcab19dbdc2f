import { NotCompiled, type FieldSql, type RecordSql } from './compilation.js';
import { column, toOne } from './field-sql.js';

/** The years a timeline may name: with one end open, the other end still bounds the rows PostgreSQL generates. */
const TIMELINE_YEARS = { from: 1900, to: 2100 };
const MAX_TIMELINE_YEARS = 200;

/** What is wrong with a timeline's year range, in the words the API answers with; undefined when nothing is. */
export function timelineYearsProblem(fromYear?: number | null, toYear?: number | null): { argument: string; message: string } | undefined {
  for (const [argument, year] of [['fromYear', fromYear], ['toYear', toYear]] as const) {
    if (year != null && (year < TIMELINE_YEARS.from || year > TIMELINE_YEARS.to)) {
      return { argument, message: `${argument} must be between ${TIMELINE_YEARS.from} and ${TIMELINE_YEARS.to} (got ${year})` };
    }
  }
  if (fromYear != null && toYear != null) {
    if (fromYear > toYear) return { argument: 'fromYear', message: `fromYear ${fromYear} is after toYear ${toYear}` };
    if (toYear - fromYear >= MAX_TIMELINE_YEARS) return { argument: 'toYear', message: `a timeline spans at most ${MAX_TIMELINE_YEARS} years` };
  }
  return undefined;
}

/**
 * The placeholders (or expressions) a timeline is computed from: the series
 * slug, the first and last years (text, int, int; each may be null), and the
 * condition that chooses topics of `topic t`.
 */
export type TimelineBounds = { seriesSlug: string; fromYear: string; toYear: string; topics: string };

/**
 * Per topic and year: how many sessions carried the topic, and in how many
 * conferences it appeared (linked to the edition or to one of its sessions),
 * as rows ("topicId", year, "sessionCount", "conferenceCount", documentation)
 * ordered by topic id and year. Every year of the range gets a row; whether
 * its counts are complete comes from the documentation of the year's
 * editions, because an edition known only by reference has no programme at
 * hand and its zeros would claim an absence nobody observed. Without a range,
 * the years span the conferences of the chosen series. The resolvers and the
 * compiled read both count with it.
 */
export const timelineSql = ({ seriesSlug, fromYear, toYear, topics }: TimelineBounds) =>
  `with chosen_conference as (
     select c.id, c.year, c.documentation::text as documentation from conference c join conference_series s on s.id = c.series_id
      where (${seriesSlug} is null or s.slug = ${seriesSlug})
   ),
   years as (
     select generate_series(coalesce(${fromYear}, (select min(year) from chosen_conference)),
                            coalesce(${toYear}, (select max(year) from chosen_conference))) as year
   ),
   year_documentation as (
     select year,
            case when bool_and(documentation = 'DOCUMENTED') then 'DOCUMENTED'
                 when bool_or(documentation = 'DOCUMENTED') then 'PARTLY_DOCUMENTED'
                 else 'REFERENCED' end as documentation
       from chosen_conference group by year
   ),
   chosen_topic as (
     select t.id from topic t where ${topics}
   ),
   session_hits as (
     select st.topic_id, c.year, count(distinct st.session_id) as sessions
       from session_topic st join session se on se.id = st.session_id join chosen_conference c on c.id = se.conference_id
      group by st.topic_id, c.year
   ),
   conference_hits as (
     select topic_id, year, count(distinct conference_id) as conferences from (
       select ct.topic_id, ct.conference_id, c.year from conference_topic ct join chosen_conference c on c.id = ct.conference_id
       union
       select st.topic_id, se.conference_id, c.year
         from session_topic st join session se on se.id = st.session_id join chosen_conference c on c.id = se.conference_id
     ) linked group by topic_id, year
   )
   select t.id as "topicId", y.year::int as year,
          coalesce(sh.sessions, 0)::int as "sessionCount", coalesce(ch.conferences, 0)::int as "conferenceCount",
          coalesce(yd.documentation, 'NO_EDITION') as documentation
     from chosen_topic t cross join years y
     left join year_documentation yd on yd.year = y.year
     left join session_hits sh on sh.topic_id = t.id and sh.year = y.year
     left join conference_hits ch on ch.topic_id = t.id and ch.year = y.year
    order by t.id, y.year`;

/** A TopicYear, read from a row of timelineSql. */
export const topicYearRecord: RecordSql = {
  table: 'topic',
  fields: {
    year: column('year'),
    topic: toOne('Topic', '"topicId"'),
    sessionCount: column('"sessionCount"'),
    conferenceCount: column('"conferenceCount"'),
    known: (_compilation, row) => `(${row}.documentation = 'DOCUMENTED')`,
    documentation: column('documentation'),
  },
};

/**
 * A timeline as a JSON array of TopicYear objects, the topics chosen by
 * `topics` (a condition on `topic t`), narrowed by the field's seriesSlug,
 * fromYear and toYear. A range the resolvers refuse is theirs to word.
 */
export const timelineJson =
  (topics: (row: string) => string): FieldSql =>
  (compilation, row, field) => {
    const { seriesSlug, fromYear, toYear } = field.args as { seriesSlug?: string | null; fromYear?: number | null; toYear?: number | null };
    if (timelineYearsProblem(fromYear, toYear)) throw new NotCompiled('a timeline range the resolvers refuse');
    const { params } = compilation;
    const source = timelineSql({
      seriesSlug: params.bind(seriesSlug ?? null, 'text'),
      fromYear: params.bind(fromYear ?? null, 'int'),
      toYear: params.bind(toYear ?? null, 'int'),
      topics: topics(row),
    });
    const year = compilation.alias();
    const { json, joins } = compilation.objectWithJoins('TopicYear', year, field.nodes);
    return `coalesce((select json_agg(${json} order by ${year}."topicId", ${year}.year) from (${source}) ${year} ${joins}), '[]'::json)`;
  };

/** Query.topicTimeline: the topics named by slug (every slug must name one, or the resolvers word the error), or all. */
export const topicTimelineRoot: FieldSql = (compilation, row, field) => {
  const slugs = field.args.topicSlugs;
  if (slugs === null || slugs === undefined) return timelineJson(() => 'true')(compilation, row, field);
  if (!Array.isArray(slugs)) throw new NotCompiled('topicSlugs is not a list');
  const bound = compilation.params.bind(slugs, 'text[]');
  compilation.require(`not exists (select 1 from unnest(${bound}) asked(slug) where not exists (select 1 from topic known where known.slug = asked.slug))`);
  return timelineJson(() => `t.slug = any(${bound})`)(compilation, row, field);
};

/** Topic.timeline: the topic's own years. */
export const topicTimelineField: FieldSql = timelineJson((row) => `t.id = ${row}.id`);
