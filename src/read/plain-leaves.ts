import { getNamedType, isAbstractType, isEnumType, isObjectType, type GraphQLObjectType, type SelectionSetNode } from 'graphql';
import { collectRootFields, collectSubfields, type CollectedFields, type OperationScope } from './selection.js';

// Leaves that PostgreSQL writes in JSON as JSON.stringify would: strings (dates and ids are strings), integers, booleans.
// A Float may come out as 1e-05 where JavaScript writes 0.00001, and a JSON value as stored, spacing and key order its own.
const PLAIN_SCALARS = new Set(['String', 'ID', 'Int', 'Boolean', 'Date', 'DateTimeISO']);

/**
 * Whether every leaf an operation's selection reaches is one PostgreSQL
 * writes as JSON.stringify would (enums and PLAIN_SCALARS): then the compiled
 * answer's text, its whitespace dropped (src/read/compact-json.ts), is the
 * text JSON.stringify would give its parsed value.
 */
export function onlyPlainLeaves(scope: OperationScope, queryType: GraphQLObjectType, selectionSet: SelectionSetNode): boolean {
  const plainFields = (type: GraphQLObjectType, fields: CollectedFields): boolean => {
    for (const nodes of fields.values()) {
      const name = nodes[0]!.name.value;
      if (name === '__typename') continue;
      const definition = type.getFields()[name];
      if (!definition) return false;
      const named = getNamedType(definition.type);
      if (isEnumType(named)) continue;
      if (isObjectType(named)) {
        if (!plainFields(named, collectSubfields(scope, named, nodes))) return false;
      } else if (isAbstractType(named)) {
        for (const possible of scope.schema.getPossibleTypes(named)) if (!plainFields(possible, collectSubfields(scope, possible, nodes))) return false;
      } else if (!PLAIN_SCALARS.has(named.name)) {
        return false;
      }
    }
    return true;
  };
  return plainFields(queryType, collectRootFields(scope, queryType, selectionSet));
}
