import type { FieldSql, RecordSql } from './compilation.js';
import { toOne } from './field-sql.js';
import { idOf } from './filters-sql.js';
import { relations } from './relations.js';

/** The ids of a conference's topics (its own and its sessions'), in the order Conference.topics lists them; `conference` must not be `r`. */
const topicIdsOf = (conference: string) =>
  `array(select r.id from (${relations.topicsOfConference.source}) r where r.owner = ${conference}.id order by ${relations.topicsOfConference.order})`;

/** The topics of the id array `ids` that `keep` (a condition on the element `u.id`) keeps, as JSON, in the array's order. */
const topicsOf =
  (ids: (row: string) => string, keep: (row: string) => string): FieldSql =>
  (compilation, row, field) => {
    const topic = compilation.alias();
    const { json, joins } = compilation.objectWithJoins('Topic', topic, field.nodes);
    return `coalesce((select json_agg(${json} order by u.n) from unnest(${ids(row)}) with ordinality u(id, n)
      join topic ${topic} on ${topic}.id = u.id ${joins} where ${keep(row)}), '[]'::json)`;
  };

/** Jaccard similarity of the two topic sets: shared over all; two empty sets are identical. */
const similarity = (row: string) =>
  `case when ${row}.together = 0 then 1::float8 else ${row}.shared::float8 / ${row}.together end`;

/** A ConferenceComparison, read from the row comparisonJson builds. */
export const conferenceComparisonRecord: RecordSql = {
  table: 'conference',
  fields: {
    left: toOne('Conference', 'left_id'),
    right: toOne('Conference', 'right_id'),
    sharedTopics: topicsOf((row) => `${row}.left_topics`, (row) => `u.id = any(${row}.right_topics)`),
    onlyLeft: topicsOf((row) => `${row}.left_topics`, (row) => `not u.id = any(${row}.right_topics)`),
    onlyRight: topicsOf((row) => `${row}.right_topics`, (row) => `not u.id = any(${row}.left_topics)`),
    similarity: (_compilation, row) => similarity(row),
    comparable: (_compilation, row) => `(cardinality(${row}.referenced) = 0)`,
    knownSimilarity: (_compilation, row) => `case when cardinality(${row}.referenced) = 0 then ${similarity(row)} end`,
    // An edition only referenced has topics only where another source mentions them: a similarity would measure the gaps.
    reason: (_compilation, row) => `case cardinality(${row}.referenced)
      when 0 then null
      when 1 then ${row}.referenced[1] || ' is only referenced, so its topics are not fully known and the editions cannot be compared'
      else array_to_string(${row}.referenced, ' and ') || ' are only referenced, so their topics are not fully known and the editions cannot be compared' end`,
  },
};

/**
 * Query.compareConferences: two editions' topics side by side, from one row
 * holding both editions' topic ids and the titles of those only referenced
 * (an edition compared with itself named once). Ids the resolvers refuse,
 * and ids no edition has, are theirs to word.
 */
export const compareConferencesRoot: FieldSql = (compilation, _row, field) => {
  const { params } = compilation;
  const leftId = params.bind(idOf(field.args.leftId, ['Conference']).id, 'int');
  const rightId = params.bind(idOf(field.args.rightId, ['Conference']).id, 'int');
  compilation.require(`exists (select 1 from conference known where known.id = ${leftId})`);
  compilation.require(`exists (select 1 from conference known where known.id = ${rightId})`);
  const comparison = compilation.alias();
  const { json, joins } = compilation.objectWithJoins('ConferenceComparison', comparison, field.nodes);
  return `(select ${json} from (
      select le.id as left_id, re.id as right_id, sets.left_topics, sets.right_topics,
             (select count(*) from unnest(sets.left_topics) x where x = any(sets.right_topics))::int as shared,
             (select count(*) from (select unnest(sets.left_topics) union select unnest(sets.right_topics)) x)::int as together,
             array_remove(array[case when le.documentation <> 'DOCUMENTED' then le.title end,
                                case when re.id <> le.id and re.documentation <> 'DOCUMENTED' then re.title end], null) as referenced
        from conference le, conference re, lateral (select ${topicIdsOf('le')} as left_topics, ${topicIdsOf('re')} as right_topics) sets
       where le.id = ${leftId} and re.id = ${rightId}
    ) ${comparison} ${joins})`;
};
