import type { OrderedWalk } from './connection-sql.js';
import { namesAParticipation } from './filters-sql.js';

/**
 * Sessions read edition by edition, in the (year, id) order of the
 * conference index, each edition's sessions after it: PostgreSQL stops once
 * the page is full, where a join would number every matching session (12,810
 * for a common topic at scale 10) to keep 101. The lateral subquery keeps the
 * planner from turning the walk back into that join.
 */
const editionByEdition = `conference c cross join lateral (select * from "session" s where s.conference_id = c.id offset 0) s`;

/**
 * About how many times cheaper it is to test one session of an edition on
 * the walk than to read one of the topic's sessions and sort it: on the
 * scale-1 bench corpus the walk tested 2,839 sessions in 2.6–4.1 ms where the
 * join read and sorted 1,227 in 6–17 ms (docs/performance.md).
 */
const WALK_ADVANTAGE = 3;

/**
 * The walk for a SessionFilter, where it pays: not for a person's or an
 * organisation's sessions, which are few wherever they are, and for a topic
 * (`topic`, the SQL expression of its id) only when its sessions are dense
 * enough (topicSessionsWalk).
 */
export function sessionWalk(filter: Record<string, unknown>, topic: string | undefined): OrderedWalk | undefined {
  if (namesAParticipation(filter)) return undefined;
  return topic === undefined ? { from: editionByEdition } : topicSessionsWalk(topic);
}

/**
 * The walk for the sessions of the topic whose id is the SQL expression
 * `topic`, taken only when they are dense enough that the page fills early.
 * Walking reads about wanted × sessions ÷ matches sessions and joining about
 * matches, so the walk wins when matches² ≥ wanted × sessions ÷
 * WALK_ADVANTAGE; the topic's links are counted only up to that bound, from
 * the index.
 */
export function topicSessionsWalk(topic: string): OrderedWalk {
  return {
    from: editionByEdition,
    dense: (wanted) => `(select count(links.*) >= bound.links
        from (select ceil(sqrt((${wanted}) * greatest(reltuples, 0)::float8 / ${WALK_ADVANTAGE}))::int as links
                from pg_class where oid = '"session"'::regclass) bound
        left join lateral (select 1 from session_topic st where st.topic_id = ${topic} limit bound.links) links on true
       group by bound.links)`,
  };
}
