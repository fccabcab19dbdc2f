import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Config } from '../config.js';

/**
 * Depth, alias, token, cost and directive limits, checked while parsing and
 * validating, so an oversized query is refused before any resolver runs.
 * Field suggestions ("did you mean …") would reveal the schema, so they go
 * when introspection does.
 */
export function queryLimits(config: Pick<Config, 'queryLimits' | 'introspection'>) {
  const limits = config.queryLimits;
  const armor = new ApolloArmor({
    maxDepth: { n: limits.depth, ignoreIntrospection: true },
    maxAliases: { n: limits.aliases },
    // graphql-armor's token plugin fails requests with a 500; graphql-js's own parser limit answers 400.
    maxTokens: { enabled: false },
    costLimit: { maxCost: limits.cost, ignoreIntrospection: true },
    maxDirectives: { n: limits.directives },
    blockFieldSuggestion: { enabled: !config.introspection },
  }).protect();
  return { ...armor, parseOptions: { maxTokens: limits.tokens } };
}
