import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { GraphQLFormattedError, OperationDefinitionNode } from 'graphql';
import generatedManifest from './generated/persisted-documents.json' with { type: 'json' };

/**
 * A small typed client for intranet portals: no framework, only `fetch`.
 *
 * Every operation is sent first as its persisted hash alone (automatic
 * persisted queries, APQ), a query as a GET the browser and proxies may
 * cache. When the server does not know the hash yet it answers
 * PERSISTED_QUERY_NOT_FOUND, and the client sends the full document once,
 * by POST, which registers it; later GETs by hash find it.
 *
 * Documents must come from client/generated (`graphql()` in
 * client/operations.ts): the client preset gives each one its hash
 * (`__meta__.hash`, "sha256:<hex>") and lists hash → document text in
 * client/generated/persisted-documents.json, the text the hash is of.
 */

/** The codes the server gives its errors (src/errors.ts, Apollo Server's own), and the client's for failures without a GraphQL answer. */
export type LekgotlaErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'INTERNAL_SERVER_ERROR'
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'BAD_REQUEST'
  | 'PERSISTED_QUERY_NOT_FOUND'
  | 'PERSISTED_QUERY_NOT_SUPPORTED'
  | 'OPERATION_RESOLUTION_FAILURE'
  | 'OPERATION_NOT_TRUSTED'
  /** The server answered, but not with a GraphQL response (a proxy's error page, say). */
  | 'HTTP_ERROR'
  /** No answer at all: the server is unreachable, or a browser refused the answer (CORS). */
  | 'NETWORK_ERROR';

/** A request the server refused or failed, with the code of its first error. */
export class LekgotlaError extends Error {
  override readonly name = 'LekgotlaError';
  constructor(
    message: string,
    /** The first error's `extensions.code`; a code this client does not know is passed on as it is. */
    readonly code: LekgotlaErrorCode | (string & {}),
    /** Every error the server sent (empty for HTTP_ERROR and NETWORK_ERROR). */
    readonly errors: readonly GraphQLFormattedError[] = [],
    /** The HTTP status of the answer, when there was one. */
    readonly status?: number,
    /** The part of the answer the server could give, if any. */
    readonly data?: unknown,
  ) {
    super(message);
  }
}

export type LekgotlaClientOptions = {
  /** The GraphQL endpoint, e.g. "https://lekgotla.intranet.example/graphql". */
  endpoint: string;
  /** A key, sent as "Authorization: Bearer <key>": key holders' answers are private and never shared by caches. */
  apiKey?: string;
  /** A fetch of your own (to add headers, log, or test); the global one by default. */
  fetch?: typeof globalThis.fetch;
  /** hash ("sha256:<hex>") → document text; the generated client/generated/persisted-documents.json by default. */
  persistedDocuments?: Readonly<Record<string, string>>;
};

/** Variables may be left out when the operation has no required one. */
type VariablesArgument<Variables> = Record<string, never> extends Variables ? [variables?: Variables] : [variables: Variables];

export type LekgotlaClient = {
  /** Runs a generated operation and resolves with its typed data; rejects with a LekgotlaError. */
  request<Result, Variables>(document: TypedDocumentNode<Result, Variables>, ...variables: VariablesArgument<Variables>): Promise<Result>;
};

type GraphQLResponseBody = { data?: unknown; errors?: GraphQLFormattedError[] };

const HASH_PREFIX = 'sha256:';

/** What the client needs of a generated document: its name, whether it reads or writes, its hash and its text. */
function persistedOperation(document: TypedDocumentNode<unknown, unknown>, manifest: Readonly<Record<string, string>>) {
  const hash = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => (definition.kind as string) === 'OperationDefinition',
  );
  if (typeof hash !== 'string' || !operation) {
    throw new TypeError('Not a persisted operation: pass a query or mutation made with graphql() from client/generated');
  }
  const text = manifest[hash];
  if (text === undefined || !hash.startsWith(HASH_PREFIX)) {
    throw new TypeError(`Operation ${operation.name?.value ?? '(anonymous)'} (${hash}) is not in the persisted-documents manifest: run npm run codegen`);
  }
  return {
    operationName: operation.name?.value,
    isQuery: operation.operation === 'query',
    // APQ's sha256Hash is the bare hex digest of the text.
    sha256Hash: hash.slice(HASH_PREFIX.length),
    text,
  };
}

function codeOf(error: GraphQLFormattedError | undefined): string | undefined {
  const code = error?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

export function createLekgotlaClient(options: LekgotlaClientOptions): LekgotlaClient {
  const { endpoint, apiKey } = options;
  const manifest = options.persistedDocuments ?? (generatedManifest as Record<string, string>);
  // Called as a plain function: browsers' fetch refuses to run with another `this`.
  const fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const baseHeaders: Record<string, string> = {
    accept: 'application/graphql-response+json, application/json;q=0.9',
    ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
  };

  async function send(url: string, init: RequestInit): Promise<{ status: number; body: GraphQLResponseBody }> {
    let response: Response;
    try {
      response = await fetchFn(url, init);
    } catch (error) {
      throw new LekgotlaError(`Could not reach ${endpoint}: ${error instanceof Error ? error.message : String(error)}`, 'NETWORK_ERROR');
    }
    const type = response.headers.get('content-type') ?? '';
    if (!/^application\/(graphql-response\+)?json/.test(type)) {
      throw new LekgotlaError(`${endpoint} answered HTTP ${response.status} with ${type || 'no content type'}, not a GraphQL response`, 'HTTP_ERROR', [], response.status);
    }
    return { status: response.status, body: (await response.json()) as GraphQLResponseBody };
  }

  return {
    async request<Result, Variables>(document: TypedDocumentNode<Result, Variables>, ...[variables]: VariablesArgument<Variables>) {
      const { operationName, isQuery, sha256Hash, text } = persistedOperation(document as TypedDocumentNode<unknown, unknown>, manifest);
      const extensions = { persistedQuery: { version: 1, sha256Hash } };

      const post = (body: Record<string, unknown>) =>
        send(endpoint, {
          method: 'POST',
          headers: { ...baseHeaders, 'content-type': 'application/json' },
          body: JSON.stringify({ operationName, variables, ...body }),
        });

      let answer: { status: number; body: GraphQLResponseBody };
      if (isQuery) {
        const url = new URL(endpoint);
        if (operationName) url.searchParams.set('operationName', operationName);
        if (variables !== undefined) url.searchParams.set('variables', JSON.stringify(variables));
        url.searchParams.set('extensions', JSON.stringify(extensions));
        // A header no simple request may carry: Apollo's CSRF prevention lets the GET through, browsers preflight it.
        answer = await send(url.toString(), { method: 'GET', headers: { ...baseHeaders, 'apollo-require-preflight': 'true' } });
      } else {
        answer = await post({ extensions });
      }

      const first = codeOf(answer.body.errors?.[0]);
      if (first === 'PERSISTED_QUERY_NOT_FOUND' || first === 'PERSISTED_QUERY_NOT_SUPPORTED') {
        answer = await post({ query: text, extensions });
      }

      const { errors, data } = answer.body;
      if (errors?.length) {
        throw new LekgotlaError(errors.map((error) => error.message).join('; '), codeOf(errors[0]) ?? 'INTERNAL_SERVER_ERROR', errors, answer.status, data ?? undefined);
      }
      if (data === undefined || data === null) {
        throw new LekgotlaError(`${endpoint} answered HTTP ${answer.status} without data or errors`, 'HTTP_ERROR', [], answer.status);
      }
      return data as Result;
    },
  };
}
