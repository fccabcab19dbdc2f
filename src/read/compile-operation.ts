import type { DocumentNode, FieldNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { Compilation, NotCompiled, type AskedField, type FieldSql } from './compilation.js';
import { activityOrdering, checkActivityWindow, type ActivityOrderValue, type ActivityOwner, type ActivityWindowValue } from './activity-sql.js';
import { connectionJson } from './connection-sql.js';
import { allOf, conferenceConditions, idOf, knownTopicSlug, positionConditions, present, topicIdOf } from './filters-sql.js';
import { participationsRoot } from './participations-sql.js';
import { filteredSessionRows } from './session-rows.js';
import { nameMatches, nameQuery } from './person-names.js';
import { records } from './records.js';
import { collectRootFields, scopeOf } from './selection.js';
import { onlyPlainLeaves } from './plain-leaves.js';
import { searchRoot } from './search-sql.js';
import type { PreparedSearch } from './search-rows.js';
import type { Role } from '../entities/enums.js';
import { compareConferencesRoot } from './comparison-sql.js';
import { changesRoot, claimsRoot } from './history-sql.js';
import { topicTimelineRoot } from './timeline-sql.js';

/**
 * One statement that answers a whole operation: its text, its bound values,
 * the answer's root keys in order, and whether every leaf it reaches is one
 * PostgreSQL writes as JSON.stringify would (src/read/plain-leaves.ts).
 */
export type CompiledStatement = { sql: string; values: unknown[]; keys: string[]; plainLeaves: boolean };

/** Sessions in programme order (editions oldest first), narrowed by the contract's SessionFilter. */
const sessionsRoot: FieldSql = (compilation, _row, field) =>
  connectionJson(compilation, field, filteredSessionRows(compilation, (field.args.filter ?? {}) as Record<string, unknown>));

/** Editions newest first, as researchers browse them, narrowed by the contract's ConferenceFilter. */
const conferencesRoot: FieldSql = (compilation, _row, field) =>
  connectionJson(compilation, field, {
    nodeType: 'Conference',
    row: 'c',
    from: 'conference c join conference_series cs on cs.id = c.series_id',
    where: allOf(conferenceConditions(compilation, (field.args.filter ?? {}) as Record<string, unknown>)),
    order: 'c.year desc, cs.slug, c.id',
  });

/**
 * The FROM clause and order of a root list that `orderBy` may order by
 * activity in the `activity` window (src/read/activity-sql.ts); a backwards
 * window is the resolvers' to refuse.
 */
function ordering(compilation: Compilation, field: AskedField, owner: ActivityOwner, table: string, row: string) {
  const window = field.args.activity as ActivityWindowValue | null | undefined;
  try {
    checkActivityWindow(window, 'activity');
  } catch {
    throw new NotCompiled('an activity window the resolvers refuse');
  }
  return activityOrdering(compilation.params, owner, table, row, field.args.orderBy as ActivityOrderValue | null | undefined, window);
}

/** People by surname, narrowed by the contract's PersonFilter; names match forgivingly (src/read/person-names.ts). */
const peopleRoot: FieldSql = (compilation, _row, field) => {
  const filter = (field.args.filter ?? {}) as Record<string, unknown>;
  const { params } = compilation;
  const conditions: string[] = [];
  if (typeof filter.name === 'string') {
    const name = nameQuery(filter.name);
    conditions.push(
      name === null
        ? 'false'
        : nameMatches('p', params.bind(name.patterns, 'text[]'), params.bind(name.initials, 'text[]'), params.bind(name.fuzzy, 'text')),
    );
  }
  // Organisation, title and rank describe one and the same position.
  const position = positionConditions(compilation, filter, 'pos');
  if (position.length > 0) conditions.push(`exists (select 1 from "position" pos where pos.person_id = p.id and ${position.join(' and ')})`);
  if (present(filter.topicSlug)) {
    conditions.push(`exists (select 1 from participation pa join session_topic st on st.session_id = pa.session_id
      where pa.person_id = p.id and st.topic_id = ${topicIdOf(knownTopicSlug(compilation, filter.topicSlug))})`);
  }
  return connectionJson(compilation, field, { nodeType: 'Person', row: 'p', where: allOf(conditions), ...ordering(compilation, field, 'Person', 'person', 'p') });
};

/** Organisations by name; a name filter matches the name or acronym (ignoring case) or any alias exactly. */
const organisationsRoot: FieldSql = (compilation, _row, field) => {
  const filter = (field.args.filter ?? {}) as Record<string, unknown>;
  const { params } = compilation;
  const conditions: string[] = [];
  if (present(filter.kind)) conditions.push(`o.kind = ${params.bind(filter.kind, 'organisation_kind')}`);
  if (present(filter.sphere)) conditions.push(`o.sphere = ${params.bind(filter.sphere, 'government_sphere')}`);
  if (present(filter.parentId)) conditions.push(`o.parent_id = ${params.bind(idOf(filter.parentId, ['Organisation']).id, 'int')}`);
  if (typeof filter.name === 'string') {
    const pattern = params.bind(`%${filter.name.replace(/[\\%_]/g, '\\$&')}%`, 'text');
    conditions.push(`(o.name ilike ${pattern} or o.acronym ilike ${pattern} or o.aliases && array[${params.bind(filter.name, 'text')}])`);
  }
  return connectionJson(compilation, field, { nodeType: 'Organisation', row: 'o', where: allOf(conditions), ...ordering(compilation, field, 'Organisation', 'organisation', 'o') });
};

/** Topics by name, or by their activity in a window. */
const topicsRoot: FieldSql = (compilation, _row, field) =>
  connectionJson(compilation, field, { nodeType: 'Topic', row: 't', where: 'true', ...ordering(compilation, field, 'Topic', 'topic', 't') });

/** A list of every record of a table in `order`, paged. */
const everything =
  (nodeType: string, table: string, order: string): FieldSql =>
  (compilation, _row, field) =>
    connectionJson(compilation, field, { nodeType, row: 'x', from: `${table} x`, where: 'true', order });

/** One record found by a unique text column. */
const bySlug =
  (typeName: string, column: string, argument: string): FieldSql =>
  (compilation, _row, field) => {
    const record = compilation.alias();
    const { json, joins } = compilation.objectWithJoins(typeName, record, field.nodes);
    return `(select ${json} from ${compilation.tableOf(typeName)} ${record} ${joins}
      where ${record}.${column} = ${compilation.params.bind(field.args[argument], 'text')})`;
  };

/** One topic, by its slug; an unknown slug is the resolvers' to refuse. */
const topicRoot: FieldSql = (compilation, _row, field) => {
  const record = compilation.alias();
  const { json, joins } = compilation.objectWithJoins('Topic', record, field.nodes);
  return `(select ${json} from topic ${record} ${joins} where ${record}.slug = ${knownTopicSlug(compilation, field.args.slug)})`;
};

/** One edition, by its series and year. */
const conferenceRoot: FieldSql = (compilation, _row, field) => {
  const conference = compilation.alias();
  const { params } = compilation;
  const { json, joins } = compilation.objectWithJoins('Conference', conference, field.nodes);
  return `(select ${json} from conference ${conference} ${joins}
    join conference_series cs on cs.id = ${conference}.series_id
    where cs.slug = ${params.bind(field.args.seriesSlug, 'text')} and ${conference}.year = ${params.bind(field.args.year, 'int')})`;
};

/** Any record by its global id; the id names the type, so the statement reads that type's table alone. */
const nodeRoot: FieldSql = (compilation, _row, field) => {
  const { type, id } = idOf(field.args.id);
  const record = compilation.alias();
  const { json, joins } = compilation.objectWithJoins(type, record, field.nodes);
  return `(select ${json} from ${compilation.tableOf(type)} ${record} ${joins}
    where ${record}.id = ${compilation.params.bind(id, 'int')})`;
};

/** Records by global id, in the order asked, null where none has the id. */
const nodesRoot: FieldSql = (compilation, _row, field) => {
  const ids = field.args.ids;
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > 50) throw new NotCompiled('an empty or long id list');
  const elements = ids.map((id) => {
    const { type, id: key } = idOf(id);
    const record = compilation.alias();
    const { json, joins } = compilation.objectWithJoins(type, record, field.nodes);
    return `(select ${json} from ${compilation.tableOf(type)} ${record} ${joins}
      where ${record}.id = ${compilation.params.bind(key, 'int')})`;
  });
  return `json_build_array(${elements.join(', ')})`;
};

const roots: Record<string, FieldSql> = {
  conference: conferenceRoot,
  conferences: conferencesRoot,
  conferenceSeries: (compilation, _row, field) => {
    const series = compilation.alias();
    const { json, joins } = compilation.objectWithJoins('ConferenceSeries', series, field.nodes);
    return `coalesce((select json_agg(${json} order by ${series}.name, ${series}.id) from conference_series ${series} ${joins}), '[]'::json)`;
  },
  sessions: sessionsRoot,
  people: peopleRoot,
  participations: participationsRoot,
  organisations: organisationsRoot,
  topics: topicsRoot,
  topic: topicRoot,
  sources: everything('Source', 'source', 'x.title, x.id'),
  document: bySlug('Document', 'key', 'key'),
  node: nodeRoot,
  nodes: nodesRoot,
  topicTimeline: topicTimelineRoot,
  compareConferences: compareConferencesRoot,
  changes: changesRoot,
  claims: claimsRoot,
  search: searchRoot,
};

/**
 * Compiles a query into one SQL statement whose single value is the answer's
 * `data`, or returns null when some part of it is not compiled by the read
 * floor (graphql-js's execution then answers it). The value is null when a
 * requirement of the compilation fails (an unknown topic slug): the resolvers
 * then answer, with the error. A field only some roles may read is compiled
 * only when `roles` holds one of them. A search compiles only with its
 * preparation in `searches` (src/read/search-sql.ts, prepareSearches).
 */
export function compileOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  options: { roles?: ReadonlySet<Role>; searches?: ReadonlyMap<FieldNode, PreparedSearch>; onNotCompiled?: (reason: string) => void } = {},
): CompiledStatement | null {
  const queryType = schema.getQueryType();
  if (operation.operation !== 'query' || !queryType) return null;
  const compilation = new Compilation(scopeOf(schema, document, variables), records, options.roles, options.searches);
  try {
    const pairs: string[] = [];
    const keys: string[] = [];
    for (const [key, nodes] of collectRootFields(compilation.scope, queryType, operation.selectionSet)) {
      const name = nodes[0]!.name.value;
      pairs.push(`'${key}', ${name === '__typename' ? `'${queryType.name}'` : rootField(compilation, name, nodes)}`);
      keys.push(key);
    }
    if (pairs.length === 0) return null;
    const answer = `json_build_object(${pairs.join(', ')})`;
    const data = compilation.requirements.length === 0 ? answer : `case when ${compilation.requirements.join(' and ')} then ${answer} end`;
    return {
      sql: `select ${data} as data`,
      values: compilation.params.values,
      keys,
      plainLeaves: onlyPlainLeaves(compilation.scope, queryType, operation.selectionSet),
    };
  } catch (error) {
    if (error instanceof NotCompiled) {
      options.onNotCompiled?.(error.message);
      return null;
    }
    throw error;
  }

  function rootField(compilation: Compilation, name: string, nodes: AskedField['nodes']): string {
    const sql = roots[name];
    if (!sql) throw new NotCompiled(`no SQL for Query.${name}`);
    return sql(compilation, '', compilation.ask(queryType!, nodes));
  }
}
