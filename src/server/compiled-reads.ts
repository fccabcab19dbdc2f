import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContextResponseForOperation } from '@apollo/server';
import { getVariableValues } from 'graphql';
import { rolesOf } from '../auth/roles.js';
import type { Context } from '../context.js';
import type { Logger } from '../logger.js';
import { compileOperation, type CompiledStatement } from '../read/compile-operation.js';
import type { StatementRunner } from '../read/run-statement.js';
import { databaseFailure } from './database-errors.js';
import { operationKey, operationMemo } from './operation-memo.js';

/**
 * Answers a query with one SQL statement when the read floor compiles all of
 * it: PostgreSQL builds the answer's JSON, and no resolver runs. Any other
 * operation, and any statement that fails, takes graphql-js's execution,
 * which answers it (or words its errors) as it always has. Plugins before this
 * one (the response cache) still answer first.
 */
export function compiledReadsPlugin(run: StatementRunner, logger: Logger): ApolloServerPlugin<Context> {
  const compiled = operationMemo<CompiledStatement | null>();

  function statementFor({ schema, document, operation, request, contextValue }: GraphQLRequestContextResponseForOperation<Context>): CompiledStatement | null {
    const roles = rolesOf(contextValue.actor);
    // What a request may read depends on its roles, so statements compiled for one set of roles serve only that set.
    const key = `${[...roles].sort().join(',')}\u0000${operationKey(operation, request.variables)}`;
    return compiled(document, key, () => {
      const variables = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
      if (variables.errors) return null;
      return compileOperation(schema, document, operation, variables.coerced, {
        roles,
        onNotCompiled: (reason) => logger.debug(`read floor: ${operation.name?.value ?? 'an operation'} takes the resolvers' path (${reason})`),
      });
    });
  }

  return {
    async requestDidStart() {
      return {
        async responseForOperation(requestContext) {
          if (requestContext.operation.operation !== 'query') return null;
          const statement = statementFor(requestContext);
          if (!statement) return null;
          try {
            const data = await run(statement);
            // A requirement failed (an unknown topic slug): the resolvers answer, with the error.
            if (data === null) return null;
            return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } };
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
