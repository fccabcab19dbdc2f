import { TOPIC_PROGRAMME } from '../db/topic-programme-sql.js';
import type { Compilation } from './compilation.js';
import type { ConnectionRows } from './connection-sql.js';
import { allOf, filterTopicId, namesAParticipation, sessionConditions } from './filters-sql.js';

/** Sessions in programme order: editions oldest first (by year, then id), then each session's place. */
const programmeOrder = 'c.year, c.id, s.ordinal, s.id';

/**
 * Sessions read edition by edition, in the (year, id) order of the
 * conference index, each edition's sessions after it from the index of
 * (conference_id, ordinal, id): PostgreSQL stops once the page is full, where
 * a join would number every matching session to keep a page. The lateral
 * subquery keeps the planner from turning the walk back into that join.
 */
const editionByEdition = `conference c cross join lateral (select * from "session" s where s.conference_id = c.id offset 0) s`;

/**
 * The sessions of the topic whose id is the SQL expression `topic`, as its
 * programme lists them (src/db/topic-programme-sql.ts): a page is a range of
 * the programme's index, and the session and edition are joined only for the
 * conditions that read them (left joins to rows that always exist, which
 * PostgreSQL drops when nothing reads them). `conditions` read the edition's
 * year from `programme.edition_year`, which the index holds.
 */
function programmeRows(topic: string, conditions: readonly string[]): ConnectionRows {
  return {
    nodeType: 'Session',
    row: 's',
    id: 'programme.session_id',
    from: `${TOPIC_PROGRAMME} programme left join "session" s on s.id = programme.session_id
      left join conference c on c.id = programme.conference_id`,
    where: allOf([`programme.topic_id = ${topic}`, ...conditions]),
    order: 'programme.edition_year, programme.conference_id, programme.session_ordinal, programme.session_id',
  };
}

/** The sessions of a topic record in `row`. */
export const sessionsOfTopicRows = (row: string): ConnectionRows => programmeRows(`${row}.id`, []);

/**
 * Sessions narrowed by the contract's SessionFilter, read the cheapest way:
 * a topic's from its programme; a person's or an organisation's (few wherever
 * they are) by joining their participations and sorting; any other list by
 * walking the editions in order.
 */
export function filteredSessionRows(compilation: Compilation, filter: Record<string, unknown>): ConnectionRows {
  const topic = filterTopicId(compilation, filter);
  if (topic !== undefined && !namesAParticipation(filter)) {
    return programmeRows(topic, sessionConditions(compilation, filter, { year: 'programme.edition_year' }));
  }
  const rows: ConnectionRows = {
    nodeType: 'Session',
    row: 's',
    from: '"session" s join conference c on c.id = s.conference_id',
    where: allOf(sessionConditions(compilation, filter, { year: 'c.year', linkedTopic: topic })),
    order: programmeOrder,
  };
  return namesAParticipation(filter) ? rows : { ...rows, walk: editionByEdition };
}
