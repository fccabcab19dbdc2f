import type { CodegenConfig } from '@graphql-codegen/cli';
import { addTypenameSelectionDocumentTransform } from '@graphql-codegen/client-preset';

/** The same TypeScript for every output: dates are strings, unknown scalars unknown, enums string unions. */
const typescriptConfig = {
  scalars: { Date: 'string' },
  defaultScalarType: 'unknown',
  useTypeImports: true,
  enumsAsTypes: true,
};

/**
 * Typed documents for the operations the tests send and for the operations
 * portals send. Tests write operations with `graphql(...)` from
 * test/generated, the portal client with `graphql(...)` from
 * client/generated; a schema change that breaks one fails `npm run check`.
 *
 * The client output also writes client/generated/persisted-documents.json,
 * sha256 hash → document text: the manifest the server's trusted-documents
 * mode reads, and the hashes the client sends as automatic persisted queries.
 * It lists the /insights page's operations too (src/insights/operations.graphql),
 * so that page works where anonymous callers may run only listed operations.
 * Every selection asks for __typename: Apollo Client's and urql's caches add
 * it to what they send, and a document with it already is the one they send,
 * so its hash is the one in the manifest.
 */
const config: CodegenConfig = {
  schema: 'src/schema/schema.graphql',
  ignoreNoDocuments: false,
  // Our modules are ESM under NodeNext, where relative imports carry their .js extension.
  importExtension: '.js',
  generates: {
    'test/generated/': {
      documents: ['test/**/*.ts', '!test/generated/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: typescriptConfig,
    },
    'client/generated/': {
      documents: ['client/**/*.ts', '!client/generated/**', '!client/dist/**', '!client/examples/**', 'src/insights/operations.graphql'],
      preset: 'client',
      documentTransforms: [addTypenameSelectionDocumentTransform],
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
      config: typescriptConfig,
    },
  },
};

export default config;
