import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { getVariableValues } from 'graphql';
import type { Logger } from '../logger.js';
import { compileOperation } from '../read/compile-operation.js';
import type { StatementRunner } from '../read/run-statement.js';
import type { Context } from '../context.js';

/**
 * Answers a query with one SQL statement when the read floor compiles all of
 * it: PostgreSQL builds the answer's JSON, and no resolver runs. Any other
 * operation, and any statement that fails, takes graphql-js's execution,
 * which answers it (or words its errors) as it always has. Plugins before this
 * one (the response cache) still answer first.
 */
export function compiledReadsPlugin(run: StatementRunner, logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ schema, document, operation, request }) {
          if (operation.operation !== 'query') return null;
          const variables = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          if (variables.errors) return null;
          const statement = compileOperation(schema, document, operation, variables.coerced, (reason) =>
            logger.debug(`read floor: ${operation.name?.value ?? 'an operation'} takes the resolvers' path (${reason})`),
          );
          if (!statement) return null;
          try {
            const data = await run(statement);
            return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } };
          } catch (error) {
            logger.warn(`compiled read failed, answering through the resolvers: ${error instanceof Error ? error.message : String(error)}`);
            return null;
          }
        },
      };
    },
  };
}
