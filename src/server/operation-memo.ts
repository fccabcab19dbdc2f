import type { DocumentNode, OperationDefinitionNode } from 'graphql';

// Per parsed document (Apollo keeps one per query text), the values of its most
// recent operation and variable sets; long variable sets are worked out afresh.
const VALUES_PER_DOCUMENT = 64;
const LONGEST_KEY = 2048;

/**
 * Remembers what a pure function of a request's document, operation and
 * variables gave, so that a portal sending the same query again (most
 * requests) is not analysed again: the cost, the text limits and the read
 * floor's statement depend on nothing else.
 */
export function operationMemo<T>() {
  const known = new WeakMap<DocumentNode, Map<string, T>>();
  return function remembered(
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown> | undefined,
    work: () => T,
  ): T {
    const key = `${operation.name?.value ?? ''}\u0000${JSON.stringify(variables ?? {})}`;
    const values = known.get(document);
    if (values?.has(key)) return values.get(key)!;
    const value = work();
    if (key.length <= LONGEST_KEY) {
      const kept = values ?? new Map<string, T>();
      if (kept.size >= VALUES_PER_DOCUMENT) kept.clear();
      kept.set(key, value);
      known.set(document, kept);
    }
    return value;
  };
}
