import type { EntityManager } from '@mikro-orm/postgresql';
import { queryBound } from '../db/bound-query.js';
import type { TopicYear } from './analysis.types.js';
import type { Topic } from '../entities/index.js';

export type TimelineQuery = { topicIds?: number[]; seriesSlug?: string; fromYear?: number; toYear?: number };

/**
 * Per topic and year: how many sessions carried the topic, and in how many
 * conferences it appeared (linked to the edition or to one of its sessions).
 * Years in range without data get zero rows, so a plot has no gaps. Without
 * a range, the years span the conferences of the chosen series.
 */
export async function topicTimeline(em: EntityManager, query: TimelineQuery): Promise<Array<Omit<TopicYear, 'topic'> & { topicId: number }>> {
  return queryBound(
    em,
    `with chosen_conference as (
       select c.id, c.year from conference c join conference_series s on s.id = c.series_id
        where ($1::text is null or s.slug = $1::text)
     ),
     years as (
       select generate_series(coalesce($2::int, (select min(year) from chosen_conference)),
                              coalesce($3::int, (select max(year) from chosen_conference))) as year
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
            coalesce(sh.sessions, 0)::int as "sessionCount", coalesce(ch.conferences, 0)::int as "conferenceCount"
       from chosen_topic t cross join years y
       left join session_hits sh on sh.topic_id = t.id and sh.year = y.year
       left join conference_hits ch on ch.topic_id = t.id and ch.year = y.year
      order by t.id, y.year`,
    [query.seriesSlug ?? null, query.fromYear ?? null, query.toYear ?? null, query.topicIds ?? null],
  );
}

/** Jaccard similarity of two topic sets: shared over all; two empty sets are identical. */
export function compareTopicSets(left: Topic[], right: Topic[]) {
  const rightIds = new Set(right.map((topic) => topic.id));
  const leftIds = new Set(left.map((topic) => topic.id));
  const sharedTopics = left.filter((topic) => rightIds.has(topic.id));
  const onlyLeft = left.filter((topic) => !rightIds.has(topic.id));
  const onlyRight = right.filter((topic) => !leftIds.has(topic.id));
  const union = sharedTopics.length + onlyLeft.length + onlyRight.length;
  return { sharedTopics, onlyLeft, onlyRight, similarity: union === 0 ? 1 : sharedTopics.length / union };
}
