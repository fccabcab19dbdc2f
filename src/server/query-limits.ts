import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import { queryCostPlugin } from './query-cost.js';

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
 * validating (the cost once the variables are known), so an oversized query
 * is refused before any resolver runs.
 */
export function queryLimits(config: Pick<Config, 'queryLimits' | 'introspection' | 'trustedDocuments'>) {
  const limits = config.queryLimits;
  const armor = new ApolloArmor({
    maxDepth: { n: limits.depth, ignoreIntrospection: true },
    maxAliases: { n: limits.aliases },
    // graphql-armor's token plugin fails requests with a 500; graphql-js's own parser limit answers 400.
    maxTokens: { enabled: false },
    // graphql-armor prices only page sizes written in the query, not those sent as variables, and compounds
    // 1.5× per level: it refused "every topic with its first 50 sessions" (188k) yet let six nested lists
    // sized by variables through (969). src/server/query-cost.ts estimates the records read instead.
    costLimit: { enabled: false },
    maxDirectives: { n: limits.directives },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    ...armor,
    hideFieldSuggestions: fieldSuggestionsHidden(config),
    queryCost: queryCostPlugin(limits),
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: limits.tokens },
  };
}
