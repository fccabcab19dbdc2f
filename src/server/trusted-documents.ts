import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Config } from '../config.js';
import type { Context } from '../context.js';

/** The operations a portal may run: sha256 of the document → the document. */
export type TrustedDocuments = Map<string, string>;

/** The hex digest of a hash as codegen writes it ("sha256:<hex>") or as persisted queries send it ("<hex>"). */
const hexOf = (hash: string) => hash.replace(/^sha256:/, '');

export function readTrustedDocuments(file: string): TrustedDocuments {
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  return new Map(Object.entries(manifest).map(([hash, document]) => [hexOf(hash), document]));
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Lets anonymous callers run only the listed operations, by document or by
 * hash alone; key holders (editors, researchers) keep full access. A listed
 * hash needs no prior registration: its document is filled in from the
 * manifest.
 */
export function trustedDocumentsPlugin(config: Pick<Config, 'trustedDocuments' | 'trustedDocumentsFile'>): ApolloServerPlugin<Context> | undefined {
  if (config.trustedDocuments === 'off') return undefined;
  const documents = readTrustedDocuments(config.trustedDocumentsFile);
  return {
    async requestDidStart({ request, contextValue }) {
      const sent = request.extensions?.persistedQuery?.sha256Hash as string | undefined;
      const hash = sent === undefined ? undefined : hexOf(sent);
      if (hash !== undefined && request.extensions?.persistedQuery) request.extensions.persistedQuery.sha256Hash = hash;
      if (request.query === undefined && hash !== undefined && documents.has(hash)) request.query = documents.get(hash);
      if (contextValue.actor) return;
      return {
        // Refusing here, once the document is known and before execution, gives the caller a proper error response.
        async didResolveOperation({ source }) {
          if (!documents.has(sha256(source))) {
            throw new GraphQLError('This server runs only its published operations for callers without an API key', {
              extensions: { code: 'OPERATION_NOT_TRUSTED', http: { status: 403 } },
            });
          }
        },
      };
    },
  };
}
