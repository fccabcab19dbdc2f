import type { DocumentNode } from 'graphql';
import generatedManifest from './generated/persisted-documents.json' with { type: 'json' };

/**
 * The persisted-documents manifest: "sha256:<hex>" → the document text the
 * hash is of. It lists every operation of this package and of the server's
 * own /insights page; a server with TRUSTED_DOCUMENTS=anonymous runs only
 * these for callers without a key.
 */
export const persistedDocuments: Readonly<Record<string, string>> = generatedManifest;

const HASH_PREFIX = 'sha256:';

/**
 * The hash of a document from this package, as automatic persisted queries
 * send it (`extensions.persistedQuery.sha256Hash`, the bare hex digest).
 *
 * It is the hash of the manifest's text, not of how a client library would
 * print the document, so a server in trusted-documents mode finds it: give
 * it to Apollo Client's PersistedQueryLink as `generateHash` or to urql's
 * persistedExchange as `generateHash: (_, document) => persistedHash(document)`.
 * Throws a TypeError for a document the manifest does not list.
 */
export function persistedHash(document: DocumentNode): string {
  const hash = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  if (typeof hash !== 'string' || !hash.startsWith(HASH_PREFIX) || persistedDocuments[hash] === undefined) {
    const operation = document.definitions.find((definition) => (definition.kind as string) === 'OperationDefinition');
    const name = operation && 'name' in operation ? operation.name?.value : undefined;
    throw new TypeError(`Operation ${name ?? '(anonymous)'} is not in the persisted-documents manifest: use the operations @lekgotla/client exports`);
  }
  return hash.slice(HASH_PREFIX.length);
}
