import type { EntityManager } from '@mikro-orm/postgresql';
import { queryBound } from '../db/bound-query.js';
import { YearDocumentation, type TopicYear } from './analysis.types.js';
import { DocumentationStatus } from '../entities/enums.js';
import type { Conference, Topic } from '../entities/index.js';

export type TimelineRow = Omit<TopicYear, 'topic'> & { topicId: number };

export type TimelineQuery = { topicIds?: number[]; seriesSlug?: string; fromYear?: number; toYear?: number };

/**
 * Per topic and year: how many sessions carried the topic, and in how many
 * conferences it appeared (linked to the edition or to one of its sessions).
 * Every year of the range gets a row; whether its counts are complete comes
 * from the documentation of the year's editions, because an edition known
 * only by reference has no programme at hand and its zeros would claim an
 * absence nobody observed. Without a range, the years span the conferences
 * of the chosen series.
 */
export async function topicTimeline(em: EntityManager, query: TimelineQuery): Promise<TimelineRow[]> {
  const rows: Array<Omit<TimelineRow, 'known'>> = await queryBound(
    em,
    `with chosen_conference as (
       select c.id, c.year, c.documentation::text as documentation from conference c join conference_series s on s.id = c.series_id
        where ($1::text is null or s.slug = $1::text)
     ),
     years as (
       select generate_series(coalesce($2::int, (select min(year) from chosen_conference)),
                              coalesce($3::int, (select max(year) from chosen_conference))) as year
     ),
     year_documentation as (
       select year,
              case when bool_and(documentation = 'DOCUMENTED') then 'DOCUMENTED'
                   when bool_or(documentation = 'DOCUMENTED') then 'PARTLY_DOCUMENTED'
                   else 'REFERENCED' end as documentation
         from chosen_conference group by year
     ),
     chosen_topic as (
       select id from topic where $4::int[] is null or id = any($4::int[])
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
      order by t.id, y.year`,
    [query.seriesSlug ?? null, query.fromYear ?? null, query.toYear ?? null, query.topicIds ?? null],
  );
  return rows.map((row) => ({ ...row, known: row.documentation === YearDocumentation.DOCUMENTED }));
}

/** Jaccard similarity of two topic sets: shared over all; two empty sets are identical. */
function compareTopicSets(left: Topic[], right: Topic[]) {
  const rightIds = new Set(right.map((topic) => topic.id));
  const leftIds = new Set(left.map((topic) => topic.id));
  const sharedTopics = left.filter((topic) => rightIds.has(topic.id));
  const onlyLeft = left.filter((topic) => !rightIds.has(topic.id));
  const onlyRight = right.filter((topic) => !leftIds.has(topic.id));
  const union = sharedTopics.length + onlyLeft.length + onlyRight.length;
  return { sharedTopics, onlyLeft, onlyRight, similarity: union === 0 ? 1 : sharedTopics.length / union };
}

/**
 * Two editions' topics side by side. An edition known only by reference has
 * topics only where another source happens to mention them, so a similarity
 * with it would measure the gaps in the records, not the editions: it is
 * reported as unknown, with the reason.
 */
export function compareEditions(left: EditionTopics, right: EditionTopics) {
  const sets = compareTopicSets(left.topics, right.topics);
  // An edition compared with itself is named once.
  const editions = left.conference.id === right.conference.id ? [left.conference] : [left.conference, right.conference];
  const referenced = editions.filter((conference) => conference.documentation !== DocumentationStatus.DOCUMENTED);
  if (referenced.length === 0) return { ...sets, comparable: true, knownSimilarity: sets.similarity, reason: null };
  const titles = referenced.map((conference) => conference.title).join(' and ');
  const reason =
    referenced.length === 1
      ? `${titles} is only referenced, so its topics are not fully known and the editions cannot be compared`
      : `${titles} are only referenced, so their topics are not fully known and the editions cannot be compared`;
  return { ...sets, comparable: false, knownSimilarity: null, reason };
}

type EditionTopics = { conference: Conference; topics: Topic[] };
