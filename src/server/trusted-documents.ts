import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Config } from '../config.js';
import type { Context } from './context.js';

/** The operations a portal may run: sha256 of the document → the document. */
export type TrustedDocuments = Map<string, string>;

export function readTrustedDocuments(file: string): TrustedDocuments {
  return new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>));
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
      const hash = request.extensions?.persistedQuery?.sha256Hash as string | undefined;
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
