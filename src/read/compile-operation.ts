import { Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { Compilation, NotCompiled, type AskedField, type FieldSql } from './compilation.js';
import { connectionJson } from './connection-sql.js';
import { allOf, conferenceConditions, idOf, sessionConditions } from './filters-sql.js';
import { records } from './records.js';
import { collectRootFields } from './selection.js';

/** One statement that answers a whole operation: its text, its bound values. */
export type CompiledStatement = { sql: string; values: unknown[] };

/** Sessions in programme order (editions oldest first), narrowed by the contract's SessionFilter. */
const sessionsRoot: FieldSql = (compilation, _row, field) =>
  connectionJson(compilation, field, {
    nodeType: 'Session',
    row: 's',
    from: '"session" s join conference c on c.id = s.conference_id',
    where: allOf(sessionConditions(compilation, (field.args.filter ?? {}) as Record<string, unknown>)),
    order: 'c.year, c.id, s.ordinal, s.id',
  });

/** Editions newest first, as researchers browse them, narrowed by the contract's ConferenceFilter. */
const conferencesRoot: FieldSql = (compilation, _row, field) =>
  connectionJson(compilation, field, {
    nodeType: 'Conference',
    row: 'c',
    from: 'conference c join conference_series cs on cs.id = c.series_id',
    where: allOf(conferenceConditions(compilation, (field.args.filter ?? {}) as Record<string, unknown>)),
    order: 'c.year desc, cs.slug, c.id',
  });

/** One edition, by its series and year. */
const conferenceRoot: FieldSql = (compilation, _row, field) => {
  const conference = compilation.alias();
  const { params } = compilation;
  return `(select ${compilation.object('Conference', conference, field.nodes)} from conference ${conference}
    join conference_series cs on cs.id = ${conference}.series_id
    where cs.slug = ${params.bind(field.args.seriesSlug, 'text')} and ${conference}.year = ${params.bind(field.args.year, 'int')})`;
};

/** Any record by its global id; the id names the type, so the statement reads that type's table alone. */
const nodeRoot: FieldSql = (compilation, _row, field) => {
  const { type, id } = idOf(field.args.id);
  const record = compilation.alias();
  return `(select ${compilation.object(type, record, field.nodes)} from ${compilation.tableOf(type)} ${record}
    where ${record}.id = ${compilation.params.bind(id, 'int')})`;
};

const roots: Record<string, FieldSql> = { conference: conferenceRoot, conferences: conferencesRoot, sessions: sessionsRoot, node: nodeRoot };

/**
 * Compiles a query into one SQL statement whose single value is the answer's
 * `data`, or returns null when some part of it is not compiled by the read
 * floor (graphql-js's execution then answers it).
 */
export function compileOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): CompiledStatement | null {
  const queryType = schema.getQueryType();
  if (operation.operation !== 'query' || !queryType) return null;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  const compilation = new Compilation({ schema, fragments, variables }, records);
  try {
    const pairs: string[] = [];
    for (const [key, nodes] of collectRootFields(compilation.scope, queryType, operation.selectionSet)) {
      const name = nodes[0]!.name.value;
      pairs.push(`'${key}', ${name === '__typename' ? `'${queryType.name}'` : rootField(compilation, name, nodes)}`);
    }
    if (pairs.length === 0) return null;
    return { sql: `select json_build_object(${pairs.join(', ')}) as data`, values: compilation.params.values };
  } catch (error) {
    if (error instanceof NotCompiled) return null;
    throw error;
  }

  function rootField(compilation: Compilation, name: string, nodes: AskedField['nodes']): string {
    const sql = roots[name];
    if (!sql) throw new NotCompiled(`no SQL for Query.${name}`);
    return sql(compilation, '', compilation.ask(queryType!, nodes));
  }
}
