import type { EntityManager } from '@mikro-orm/postgresql';
import { getOperationAST, getVariableValues, parse, type GraphQLSchema } from 'graphql';
import { compileOperation } from '../read/compile-operation.js';
import { createStatementRunner } from '../read/run-statement.js';
import { createSchema } from '../schema/build-schema.js';

// Built once per process, on the first export: the CLI's exports need it as much as the server's.
let schema: Promise<GraphQLSchema> | undefined;

/**
 * Answers an export's GraphQL query as the API does, through the read floor:
 * compiled into one statement and run on the EntityManager's pool. Exports
 * read nothing else, so a file and an API answer cannot disagree. The answer
 * is null when a requirement of the query fails (a topic slug no topic has).
 * A query the read floor does not compile is a bug in the export, not the
 * caller's mistake.
 */
export async function readThroughFloor<T>(em: EntityManager, query: string, variables: Record<string, unknown> = {}): Promise<T | null> {
  const built = await (schema ??= createSchema());
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error('an export query must hold one operation');
  const coerced = getVariableValues(built, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) throw new Error(`an export query's variables do not fit it: ${coerced.errors[0]!.message}`);
  let reason = 'it is not a query';
  const statement = compileOperation(built, document, operation, coerced.coerced, { onNotCompiled: (why) => (reason = why) });
  if (!statement) throw new Error(`the read floor does not compile an export's query (${reason})`);
  // Told to the ORM's query hook as the ORM's own statements are, so that a request's statement count includes it.
  const run = createStatementRunner(() => em.getConnection().getNativeClient(), em.config.get('onQuery'));
  const text = await run(statement);
  return text === null ? null : (JSON.parse(text) as T);
}

/** A requirement of an export's query failed (see readThroughFloor): the export words what its caller asked wrongly. */
export class RequirementFailed extends Error {
  constructor() {
    super("a requirement of an export's query failed");
  }
}

/** A page of a connection as an export's query asks for it. */
export type Connection<Node> = { nodes: Node[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

/**
 * Every node of a connection, page after page: `query` takes `$after` and
 * `page` picks the connection (with nodes and pageInfo) from its answer. A
 * failed requirement is a RequirementFailed.
 */
export async function everyNode<Node>(
  em: EntityManager,
  query: string,
  variables: Record<string, unknown>,
  page: (data: Record<string, unknown>) => Connection<Node>,
): Promise<Node[]> {
  const nodes: Node[] = [];
  let after: string | null = null;
  for (;;) {
    const data = await readThroughFloor<Record<string, unknown>>(em, query, { ...variables, after });
    if (!data) throw new RequirementFailed();
    const { nodes: more, pageInfo } = page(data);
    nodes.push(...more);
    if (!pageInfo.hasNextPage) return nodes;
    after = pageInfo.endCursor;
  }
}
