import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import { sendError } from './http-errors.js';

/** The operations a portal may run: sha256 of the document → the document. */
export type TrustedDocuments = Map<string, string>;

/** The hex digest of a hash as codegen writes it ("sha256:<hex>") or as persisted queries send it ("<hex>"). */
const hexOf = (hash: string) => hash.replace(/^sha256:/, '');

export function readTrustedDocuments(file: string): TrustedDocuments {
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  return new Map(Object.entries(manifest).map(([hash, document]) => [hexOf(hash), document]));
}

/** The persisted-query extension of a POST body or of a GET's `extensions` parameter, if it can be read. */
function persistedQueryOf(body: unknown, query: unknown): unknown {
  if (body && typeof body === 'object' && 'extensions' in body) {
    const extensions = (body as { extensions?: unknown }).extensions;
    return extensions && typeof extensions === 'object' ? (extensions as { persistedQuery?: unknown }).persistedQuery : undefined;
  }
  if (typeof query !== 'string') return undefined;
  try {
    return (JSON.parse(query) as { persistedQuery?: unknown } | null)?.persistedQuery;
  } catch {
    // Apollo refuses extensions that are not JSON itself.
    return undefined;
  }
}

/**
 * Refuses a persisted query whose hash is not a string (an array, a
 * number) with 400, before Apollo looks it up as a key: a client mistake,
 * which would otherwise fail inside the server.
 */
export const persistedQueryShape: RequestHandler = (request, response, next) => {
  const persisted = persistedQueryOf(request.body, request.query.extensions);
  if (persisted && typeof persisted === 'object' && typeof (persisted as { sha256Hash?: unknown }).sha256Hash !== 'string') {
    sendError(response, 400, 'BAD_REQUEST', 'extensions.persistedQuery.sha256Hash must be the hex digest of the document, as a string');
    return;
  }
  next();
};

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
      // persistedQueryShape has refused any other kind of hash.
      const sent: unknown = request.extensions?.persistedQuery?.sha256Hash;
      const hash = typeof sent === 'string' ? hexOf(sent) : undefined;
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
