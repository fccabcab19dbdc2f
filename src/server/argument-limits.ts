import type { ApolloServerPlugin } from '@apollo/server';
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLError,
  isInputObjectType,
  isListType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ASTNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { ErrorCode } from '../errors.js';
import type { Context } from '../context.js';
import { operationKey, operationMemo } from './operation-memo.js';
import { LONGEST_PAGE_TEXT } from '../resolvers/draft.types.js';

/** The most characters a text argument takes unless it is listed in `TEXT_LIMITS`: ids, slugs, cursors, names, search. */
export const DEFAULT_TEXT_LIMIT = 200;

/** Text arguments that take more than the default, by schema coordinate. */
export const TEXT_LIMITS: Readonly<Record<string, number>> = {
  'Mutation.mergePeople(note:)': 2000,
  'Mutation.deleteCitation(excerpt:)': 2000,
  // A page's whole text; the endpoint's JSON body limit (100 kB) bounds it as well.
  'ExtractDraftInput.text': LONGEST_PAGE_TEXT,
  'ExtractDraftInput.corpus': LONGEST_PAGE_TEXT,
};

type TextProblem = { argument: string; coordinate: string; length?: number; limit?: number };

/** A text problem and the field (as the query names it) whose argument has it. */
type FieldTextProblem = { field: string; problem: TextProblem };

function refusal({ field, problem }: FieldTextProblem): GraphQLError {
  const where = `${field}(${problem.argument}:)`;
  const message =
    problem.limit === undefined
      ? `${where} contains a null character, which no text may hold`
      : `${where} takes at most ${problem.limit} characters; ${problem.length} were sent`;
  return new GraphQLError(message, {
    extensions: {
      code: ErrorCode.BAD_USER_INPUT,
      argumentName: problem.argument,
      ...(problem.limit === undefined ? {} : { maxLength: problem.limit }),
      http: { status: 400 },
    },
  });
}

/**
 * The first problem with the text inside one argument's value. Fields of a
 * write's input objects are bounded by their own class-validator constraints
 * (see src/resolvers/mutations/*.inputs.ts), so only their null characters
 * are looked for here.
 */
function textProblem(
  value: unknown,
  type: GraphQLInputType,
  place: { argument: string; coordinate: string; lengthChecked: boolean },
): TextProblem | undefined {
  if (value === null || value === undefined) return undefined;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    for (const item of value as unknown[]) {
      const problem = textProblem(item, nullable.ofType, place);
      if (problem) return problem;
    }
    return undefined;
  }
  if (isInputObjectType(nullable)) {
    for (const [name, field] of Object.entries(nullable.getFields())) {
      const problem = textProblem((value as Record<string, unknown>)[name], field.type, {
        argument: `${place.argument}.${name}`,
        coordinate: `${nullable.name}.${name}`,
        lengthChecked: place.lengthChecked,
      });
      if (problem) return problem;
    }
    return undefined;
  }
  if (typeof value !== 'string') return undefined;
  if (value.includes('\u0000')) return { argument: place.argument, coordinate: place.coordinate };
  const limit = TEXT_LIMITS[place.coordinate] ?? DEFAULT_TEXT_LIMIT;
  if (place.lengthChecked && value.length > limit) return { ...place, length: value.length, limit };
  return undefined;
}

/** The operation and the fragments it reaches, each once: the parts of the document that will run. */
function partsToRun(document: DocumentNode, operation: OperationDefinitionNode): ASTNode[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const parts: ASTNode[] = [operation];
  const reached = new Set<string>();
  for (let index = 0; index < parts.length; index++) {
    visit(parts[index]!, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (fragment && !reached.has(spread.name.value)) {
          reached.add(spread.name.value);
          parts.push(fragment);
        }
      },
    });
  }
  return parts;
}

/** The first text argument of the operation that is too long or holds a null character. */
function findTextProblem(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): FieldTextProblem | undefined {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  // Variables that do not fit their types are refused by execution, with graphql-js's own message.
  if (coerced.errors) return undefined;
  const isWrite = operation.operation === 'mutation';
  let found: FieldTextProblem | undefined;
  for (const part of partsToRun(document, operation)) {
    const typeInfo = new TypeInfo(schema);
    visit(
      part,
      visitWithTypeInfo(typeInfo, {
        Field(node) {
          const parent = typeInfo.getParentType();
          const field = typeInfo.getFieldDef();
          if (found || !parent || !field || field.args.length === 0) return;
          const values = getArgumentValues(field, node, coerced.coerced);
          for (const argument of field.args) {
            const problem = textProblem(values[argument.name], argument.type, {
              argument: argument.name,
              coordinate: `${parent.name}.${field.name}(${argument.name}:)`,
              // A write's input objects carry their own limits; its plain arguments are bounded here.
              lengthChecked: !isWrite || !isInputObjectType(getNamedType(argument.type)),
            });
            if (problem) {
              found = { field: node.name.value, problem };
              return;
            }
          }
        },
      }),
    );
    if (found) return found;
  }
  return undefined;
}

/**
 * Refuses, before anything runs, an operation with a text argument longer
 * than its limit or holding a null character (which PostgreSQL cannot store):
 * a 96 KB search would otherwise cost the database seconds per alias.
 */
export function argumentLimitsPlugin(): ApolloServerPlugin<Context> {
  const problems = operationMemo<FieldTextProblem | undefined>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          const problem = operation && problems(document, operationKey(operation, request.variables), () => findTextProblem(schema, document, operation, request.variables));
          if (problem) throw refusal(problem);
        },
      };
    },
  };
}
