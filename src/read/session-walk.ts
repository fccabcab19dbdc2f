import type { OrderedWalk } from './connection-sql.js';
import { namesAParticipation } from './filters-sql.js';

/**
 * Sessions read edition by edition, in the (year, id) order of the
 * conference index, each edition's sessions after it from the index of
 * (conference_id, ordinal, id): PostgreSQL stops once the page is full, where
 * a join would number every matching session (12,810 for a common topic at
 * scale 10) to keep 101. The lateral subquery keeps the planner from turning
 * the walk back into that join.
 */
const editionByEdition = `conference c cross join lateral (select * from "session" s where s.conference_id = c.id offset 0) s`;

/**
 * The same walk testing each session against the topic's sessions hashed
 * once, where the plain walk probes session_topic's index for each session
 * it passes. Wrapped in `is true`, the test stays a hashed subplan where
 * PostgreSQL would turn an `in` back into that probe. Only for a topic id
 * that is the same for every row (a bound slug's): a correlated one could not
 * be hashed.
 */
const editionByEditionHashed = (topic: string) =>
  `conference c cross join lateral (select * from "session" s where s.conference_id = c.id
     and (s.id in (select st.session_id from session_topic st where st.topic_id = ${topic})) is true offset 0) s`;

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
 * (`topic`, the SQL expression of its id, bound once for the statement) only
 * when its sessions are dense enough (topicSessionsWalk), hashing them when
 * that is the cheaper.
 */
export function sessionWalk(filter: Record<string, unknown>, topic: string | undefined): OrderedWalk | undefined {
  if (namesAParticipation(filter)) return undefined;
  return topic === undefined ? { ways: [editionByEdition] } : topicSessionsWalk(topic, { hashable: true });
}

/**
 * The walk for the sessions of the topic whose id is the SQL expression
 * `topic`, taken only when they are dense enough that the page fills early.
 * Walking reads about wanted × sessions ÷ links sessions and joining about
 * links, so the walk wins when links² ≥ wanted × sessions ÷ WALK_ADVANTAGE.
 * A `hashable` topic's links are hashed for the walk while links² < wanted ×
 * sessions, that is while there are fewer of them than sessions walked: the
 * hash reads every link once where probing descends the index once per
 * session walked (100 sessions of the commonest topic, 2,839 sessions walked:
 * scale 1, 1,227 links, 5.6 ms probing and 4.0 hashing; scale 10, 12,810
 * links, 6.2 and 9.9 ms). The links are counted only up to the last bound,
 * from the index.
 */
export function topicSessionsWalk(topic: string, { hashable }: { hashable: boolean }): OrderedWalk {
  // The counts of links below which the join (walk), then the hashed walk (hash), is the cheaper.
  const bounds = (wanted: string) => `select ceil(sqrt((${wanted}) * sessions / ${WALK_ADVANTAGE}))::int as walk,
           ceil(sqrt((${wanted}) * sessions))::int as hash
      from (select greatest(reltuples, 0)::float8 as sessions from pg_class where oid = '"session"'::regclass) planned`;
  return {
    ways: hashable ? [editionByEditionHashed(topic), editionByEdition] : [editionByEdition],
    choose: (wanted) => `(select case when count(links.*) < bound.walk then 0 ${hashable ? 'when count(links.*) < bound.hash then 1 else 2' : 'else 1'} end
        from (${bounds(wanted)}) bound
        left join lateral (select 1 from session_topic st where st.topic_id = ${topic} limit ${hashable ? 'bound.hash' : 'bound.walk'}) links on true
       group by bound.walk, bound.hash)`,
  };
}
