import type { GraphQLObjectType } from 'graphql';
import { NotCompiled, objectTypeOf, type AskedField, type Compilation } from './compilation.js';
import { facetsOf } from './facets-sql.js';
import { collectSubfields } from './selection.js';

/**
 * A connection's `facets` as JSON: for each facet list asked, its buckets
 * over `set` (the SQL of the connection's whole filtered set of ids), each
 * bucket with the fields asked, `count` and the bucket's value under its own
 * name (year, role, kind). Facets not asked are not counted.
 */
export function facetsJson(compilation: Compilation, nodeType: string, facetsType: GraphQLObjectType, nodes: AskedField['nodes'], set: string): string {
  const facets = facetsOf[nodeType];
  if (!facets) throw new NotCompiled(`no facets for ${nodeType}`);
  const pairs = [...collectSubfields(compilation.scope, facetsType, nodes)].map(([key, facetNodes]) => {
    const name = facetNodes[0]!.name.value;
    if (name === '__typename') return `'${key}', '${facetsType.name}'`;
    const facet = facets[name];
    const field = facetsType.getFields()[name];
    if (!facet || !field) throw new NotCompiled(`no SQL for ${facetsType.name}.${name}`);
    const bucketType = objectTypeOf(field.type);
    const bucketPairs = [...collectSubfields(compilation.scope, bucketType, facetNodes)].map(([bucketKey, bucketNodes]) => {
      const bucketField = bucketNodes[0]!.name.value;
      if (bucketField === '__typename') return `'${bucketKey}', '${bucketType.name}'`;
      return `'${bucketKey}', ${bucketField === 'count' ? 'b.count' : 'b.value'}`;
    });
    return `'${key}', coalesce((select json_agg(json_build_object(${bucketPairs.join(', ')}) order by ${facet.order}) from (${facet.buckets(set)}) b), '[]'::json)`;
  });
  return `json_build_object(${pairs.join(', ')})`;
}
