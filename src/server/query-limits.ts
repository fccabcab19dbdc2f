import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, Kind, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';
import type { Config } from '../config.js';
import type { Context } from '../context.js';

/**
 * How many `search` fields an operation runs: they sit on the root type, at
 * its top level or in fragments spread there.
 */
function searchesIn(selectionSet: SelectionSetNode, context: ValidationContext, spread = new Set<string>()): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === 'search') count += 1;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += searchesIn(selection.selectionSet, context, spread);
    } else if (!spread.has(selection.name.value)) {
      spread.add(selection.name.value);
      const fragment = context.getFragment(selection.name.value);
      if (fragment) count += searchesIn(fragment.selectionSet, context, spread);
    }
  }
  return count;
}

/**
 * A search ranks every matching record of five tables, where any other
 * field reads a page: each one adds `searchCost` to the cost graphql-armor
 * computed for the operation, and the sum must stay within the limit.
 */
function searchCostRule(limits: Config['queryLimits'], armorCosts: WeakMap<ValidationContext, number>): ValidationRule {
  return (context) => ({
    OperationDefinition: {
      leave(operation) {
        const base = armorCosts.get(context);
        armorCosts.delete(context);
        // graphql-armor refused the operation already, or it is not a query of the root type that has search.
        if (base === undefined || operation.operation !== 'query') return;
        const total = base + limits.searchCost * searchesIn(operation.selectionSet, context);
        if (total > limits.cost) {
          context.reportError(new GraphQLError(`Syntax Error: Query Cost limit of ${limits.cost} exceeded, found ${total}.`, { nodes: [operation] }));
        }
      },
    },
  });
}

/**
 * Field suggestions ("Did you mean …") reveal the schema: they go when
 * introspection does, and for anonymous callers when they may run only the
 * trusted documents. graphql-armor's mask, applied per caller.
 */
function fieldSuggestionsHidden(config: Pick<Config, 'introspection' | 'trustedDocuments'>): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const hidden = !config.introspection || (config.trustedDocuments === 'anonymous' && !contextValue.actor);
      if (!hidden) return;
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) error.message = error.message.replace(/Did you mean ".+"/g, '[Suggestion hidden]');
        },
      };
    },
  };
}

/**
 * Depth, alias, token, cost and directive limits, checked while parsing and
 * validating, so an oversized query is refused before any resolver runs.
 */
export function queryLimits(config: Pick<Config, 'queryLimits' | 'introspection' | 'trustedDocuments'>) {
  const limits = config.queryLimits;
  // graphql-armor hands over the cost it computed for each operation; the search cost is added to it.
  const armorCosts = new WeakMap<ValidationContext, number>();
  const armor = new ApolloArmor({
    maxDepth: { n: limits.depth, ignoreIntrospection: true },
    maxAliases: { n: limits.aliases },
    // graphql-armor's token plugin fails requests with a 500; graphql-js's own parser limit answers 400.
    maxTokens: { enabled: false },
    costLimit: {
      maxCost: limits.cost,
      ignoreIntrospection: true,
      onAccept: [(context, details: { n: number }) => context && armorCosts.set(context, details.n)],
    },
    maxDirectives: { n: limits.directives },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    ...armor,
    hideFieldSuggestions: fieldSuggestionsHidden(config),
    validationRules: [...armor.validationRules, searchCostRule(limits, armorCosts)],
    parseOptions: { maxTokens: limits.tokens },
  };
}
