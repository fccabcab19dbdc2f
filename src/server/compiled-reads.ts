import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContextResponseForOperation } from '@apollo/server';
import { getVariableValues, type FieldNode } from 'graphql';
import { rolesOf } from '../auth/roles.js';
import type { Context } from '../context.js';
import type { Logger } from '../logger.js';
import { compileOperation, type CompiledStatement } from '../read/compile-operation.js';
import type { StatementRunner } from '../read/run-statement.js';
import { dataOf } from './compiled-answer.js';
import type { PreparedSearch } from '../read/search-rows.js';
import { prepareSearches, searchFieldsOf, unprepared, type SearchField } from '../read/search-sql.js';
import { scopeOf } from '../read/selection.js';
import { databaseFailure } from './database-errors.js';
import { operationKey, operationMemo } from './operation-memo.js';

/** An operation the read floor compiles: its statement (searches unprepared), its coerced variables and its searches. */
type Compiled = { statement: CompiledStatement; variables: Record<string, unknown>; searches: SearchField[] };

/**
 * Answers a query with one SQL statement when the read floor compiles all of
 * it: PostgreSQL builds the answer's JSON, and no resolver runs. Any other
 * operation, and any statement that fails, takes graphql-js's execution,
 * which answers it (or words its errors) as it always has. Plugins before this
 * one (the response cache) still answer first. A search first reads its plan
 * (which words find nothing, which way it ranks: src/read/search-sql.ts), the
 * statement it runs on the resolvers' path before its page.
 */
export function compiledReadsPlugin(run: StatementRunner, logger: Logger): ApolloServerPlugin<Context> {
  // Whether an operation compiles depends on it, its variables and the roles alone; so does a statement without search.
  const compiled = operationMemo<Compiled | null>();
  // A search's statement also depends on its plan, read from the data for every request: the plan is part of its key.
  const planned = operationMemo<CompiledStatement | null>();

  async function statementFor(requestContext: GraphQLRequestContextResponseForOperation<Context>): Promise<CompiledStatement | null> {
    const { schema, document, operation, request, contextValue } = requestContext;
    const roles = rolesOf(contextValue.actor);
    // What a request may read depends on its roles, so statements compiled for one set of roles serve only that set.
    const key = `${[...roles].sort().join(',')}\u0000${operationKey(operation, request.variables)}`;
    const compile = (variables: Record<string, unknown>, searches: ReadonlyMap<FieldNode, PreparedSearch>) =>
      compileOperation(schema, document, operation, variables, {
        roles,
        searches,
        onNotCompiled: (reason) => logger.debug(`read floor: ${operation.name?.value ?? 'an operation'} takes the resolvers' path (${reason})`),
      });
    const shape = compiled(document, key, () => {
      const variables = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
      if (variables.errors) return null;
      const queryType = schema.getQueryType();
      const searches = queryType ? searchFieldsOf(scopeOf(schema, document, variables.coerced), queryType, operation) : [];
      // Searches stand in unprepared, so that an operation the floor does not compile reads no plan.
      const statement = compile(variables.coerced, unprepared(searches));
      return statement && { statement, variables: variables.coerced, searches };
    });
    if (!shape || shape.searches.length === 0) return shape?.statement ?? null;
    const prepared = await prepareSearches(contextValue.em, shape.searches);
    return planned(document, `${key}\u0000${JSON.stringify([...prepared.values()])}`, () => compile(shape.variables, prepared));
  }

  return {
    async requestDidStart() {
      return {
        async responseForOperation(requestContext) {
          if (requestContext.operation.operation !== 'query') return null;
          try {
            const statement = await statementFor(requestContext);
            if (!statement) return null;
            const text = await run(statement);
            // A requirement failed (an unknown topic slug): the resolvers answer, with the error.
            if (text === null) return null;
            return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: dataOf(statement, text) } } };
          } catch (error) {
            // An outage is the resolvers' to report (503 DATABASE_UNAVAILABLE); anything else is a read floor bug to see in the log.
            if (!databaseFailure(error)) {
              logger.warn(`compiled read failed, answering through the resolvers: ${error instanceof Error ? error.message : String(error)}`);
            }
            return null;
          }
        },
      };
    },
  };
}
