import {
  getDirectiveValues,
  type DocumentNode,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  Kind,
  typeFromAST,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type InlineFragmentNode,
  type SelectionSetNode,
} from 'graphql';

/** What compiling a selection needs from its operation: the schema, the fragments and the variables' values. */
export type OperationScope = {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
};

/** The scope of an operation of `document` with its coerced `variables`. */
export function scopeOf(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): OperationScope {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  return { schema, fragments, variables };
}

/** The field nodes a selection asks of one object type, by response key, in the order GraphQL answers them. */
export type CollectedFields = Map<string, FieldNode[]>;

function included(scope: OperationScope, node: FieldNode | InlineFragmentNode | { directives?: FieldNode['directives'] }): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, node, scope.variables);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node, scope.variables);
  return include?.if !== false;
}

function appliesTo(scope: OperationScope, fragment: FragmentDefinitionNode | InlineFragmentNode, type: GraphQLObjectType): boolean {
  if (!fragment.typeCondition) return true;
  const condition = typeFromAST(scope.schema, fragment.typeCondition);
  if (condition === type) return true;
  return condition !== undefined && isAbstractType(condition) && scope.schema.isSubType(condition, type);
}

function collectInto(scope: OperationScope, type: GraphQLObjectType, selectionSet: SelectionSetNode, fields: CollectedFields, visited: Set<string>) {
  for (const selection of selectionSet.selections) {
    if (!included(scope, selection)) continue;
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      const nodes = fields.get(key);
      if (nodes) nodes.push(selection);
      else fields.set(key, [selection]);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (appliesTo(scope, selection, type)) collectInto(scope, type, selection.selectionSet, fields, visited);
    } else {
      const name = selection.name.value;
      const fragment = scope.fragments[name];
      if (visited.has(name) || !fragment || !appliesTo(scope, fragment, type)) continue;
      visited.add(name);
      collectInto(scope, type, fragment.selectionSet, fields, visited);
    }
  }
}

/**
 * The fields that `nodes` (one field asked for, possibly several times, as
 * GraphQL merges them) select on `type`: fragments expanded, @skip and
 * @include applied, in graphql-js's order, so that answers built from it keep
 * the key order graphql-js would give them.
 */
export function collectSubfields(scope: OperationScope, type: GraphQLObjectType, nodes: readonly FieldNode[]): CollectedFields {
  const fields: CollectedFields = new Map();
  const visited = new Set<string>();
  for (const node of nodes) if (node.selectionSet) collectInto(scope, type, node.selectionSet, fields, visited);
  return fields;
}

/** The fields of an operation's root selection set. */
export function collectRootFields(scope: OperationScope, type: GraphQLObjectType, selectionSet: SelectionSetNode): CollectedFields {
  const fields: CollectedFields = new Map();
  collectInto(scope, type, selectionSet, fields, new Set());
  return fields;
}
