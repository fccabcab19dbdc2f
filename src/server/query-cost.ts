import type { ApolloServerPlugin } from '@apollo/server';
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLError,
  isCompositeType,
  isListType,
  isObjectType,
  isUnionType,
  Kind,
  typeFromAST,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import { ErrorCode } from '../errors.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../read/page-window.js';
import { operationKey, operationMemo } from './operation-memo.js';

/**
 * How many items a list without paging arguments is taken to hold: a
 * programme's days, a session's participants, a record's citations. They are
 * short (a programme has a few days, a session a handful of participants);
 * were they priced at a page of 20, a programme with its sessions, their
 * commissions and participants (bench shape 1) would be priced at 20⁴.
 */
export const UNPAGED_LIST_SIZE = 5;

export type CostWeights = { searchCost: number };

type Walk = {
  schema: GraphQLSchema;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  weights: CostWeights;
};

/** The page a paged field asks for: its `first` or `last` (the larger if both), capped as the connections cap it. */
function pageSize(walk: Walk, field: GraphQLField<unknown, unknown>, node: Parameters<typeof getArgumentValues>[1]): number | undefined {
  if (!field.args.some((argument) => argument.name === 'first' || argument.name === 'last')) return undefined;
  let values: Record<string, unknown>;
  try {
    values = getArgumentValues(field, node, walk.variables);
  } catch {
    // Arguments execution will refuse, with graphql-js's message; the largest page stands in for them.
    return MAX_PAGE_SIZE;
  }
  const sizes = [values.first, values.last].filter((value): value is number => typeof value === 'number');
  if (sizes.length === 0) return DEFAULT_PAGE_SIZE;
  return Math.min(Math.max(0, ...sizes), MAX_PAGE_SIZE);
}

/**
 * Whether a list is ordered by activity (orderBy other than NAME): the
 * counts it orders by are a grouped scan of the window's participations,
 * priced as one more page read.
 */
function ordersByActivity(walk: Walk, field: GraphQLField<unknown, unknown>, node: Parameters<typeof getArgumentValues>[1]): boolean {
  if (!field.args.some((argument) => argument.name === 'orderBy')) return false;
  try {
    const { orderBy } = getArgumentValues(field, node, walk.variables);
    return orderBy !== undefined && orderBy !== null && orderBy !== 'NAME';
  } catch {
    // Arguments execution will refuse: it reads nothing.
    return false;
  }
}

/**
 * The estimated cost of one selection set on `type`, read `times` times: each
 * object (and each count) read costs 1, scalars come with their record. A
 * list multiplies what it holds by its length: the page of the paged field
 * just above it (`page`), otherwise UNPAGED_LIST_SIZE.
 */
function selectionCost(walk: Walk, type: GraphQLCompositeType, selectionSet: SelectionSetNode, times: number, page: number | undefined): number {
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const condition = selection.typeCondition ? typeFromAST(walk.schema, selection.typeCondition) : type;
      if (condition && isCompositeType(condition)) cost += selectionCost(walk, condition, selection.selectionSet, times, page);
      continue;
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = walk.fragments.get(selection.name.value);
      const condition = fragment && typeFromAST(walk.schema, fragment.typeCondition);
      if (fragment && condition && isCompositeType(condition)) cost += selectionCost(walk, condition, fragment.selectionSet, times, page);
      continue;
    }
    // Introspection is the schema's own, __typename costs nothing, and a union has no fields but __typename.
    if (selection.name.value.startsWith('__') || isUnionType(type)) continue;
    const field = type.getFields()[selection.name.value];
    if (!field) continue;
    if (type === walk.schema.getQueryType() && field.name === 'search') cost += walk.weights.searchCost;
    // A count, and a connection's facets (a few grouped counts of the whole list, each a short list of buckets), cost one read each.
    if (field.name === 'totalCount' || field.name === 'facets') cost += times;
    const returned = getNamedType(field.type);
    if (!selection.selectionSet || !isCompositeType(returned)) continue;
    const length = isListType(getNullableType(field.type)) ? (page ?? UNPAGED_LIST_SIZE) : 1;
    const read = times * length;
    if (ordersByActivity(walk, field, selection)) cost += times * (pageSize(walk, field, selection) ?? DEFAULT_PAGE_SIZE);
    cost += read + selectionCost(walk, returned, selection.selectionSet, read, pageSize(walk, field, selection));
  }
  return cost;
}

/**
 * How many records an operation may read, at most, before it runs: the
 * number a query's cost is compared with (MAX_QUERY_COST). Page sizes come
 * from `first`/`last`, whether written in the query or sent as variables;
 * each `search` adds SEARCH_COST, since it ranks every match of five tables.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  weights: CostWeights,
): number {
  const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : null;
  if (!root || !isObjectType(root)) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return selectionCost({ schema, fragments, variables, weights }, root, operation.selectionSet, 1, undefined);
}

export function tooCostly(cost: number, limit: number): GraphQLError {
  return new GraphQLError(
    `Query cost ${cost} is above the limit of ${limit}: ask for smaller pages (first/last), fewer nested lists or fewer searches.`,
    { extensions: { code: ErrorCode.QUERY_TOO_COSTLY, cost, maxCost: limit, http: { status: 400 } } },
  );
}

/**
 * Refuses, before anything runs, an operation whose estimated cost is above
 * MAX_QUERY_COST. It runs once the operation is known, because the page sizes
 * a client sends as variables decide the cost as much as the query text does.
 */
export function queryCostPlugin(limits: Pick<Config['queryLimits'], 'cost' | 'searchCost'>): ApolloServerPlugin<Context> {
  const costs = operationMemo<number | undefined>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const cost = costs(document, operationKey(operation, request.variables), () => {
            const variables = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
            // Variables that do not fit their types are refused by execution, with graphql-js's own message.
            return variables.errors ? undefined : operationCost(schema, document, operation, variables.coerced, { searchCost: limits.searchCost });
          });
          if (cost !== undefined && cost > limits.cost) throw tooCostly(cost, limits.cost);
        },
      };
    },
  };
}
