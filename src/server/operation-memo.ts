import type { DocumentNode, OperationDefinitionNode } from 'graphql';

// Per parsed document (Apollo keeps one per query text), the values of its most
// recent operation and variable sets; long variable sets are worked out afresh.
const VALUES_PER_DOCUMENT = 64;
const LONGEST_KEY = 2048;

/** What names a request's operation and variables within its document (see operationMemo). */
export function operationKey(operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): string {
  return `${operation.name?.value ?? ''}\u0000${JSON.stringify(variables ?? {})}`;
}

/**
 * Remembers what a pure function of a request's document, operation and
 * variables gave, so that a portal sending the same query again (most
 * requests) is not analysed again: the cost and the text limits depend on
 * nothing else (`key`: operationKey), the read floor's statement on the
 * caller's roles too (the caller adds them to the key).
 */
export function operationMemo<T>() {
  const known = new WeakMap<DocumentNode, Map<string, T>>();
  return function remembered(document: DocumentNode, key: string, work: () => T): T {
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
