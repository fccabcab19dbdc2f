import type { CodegenConfig } from '@graphql-codegen/cli';

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
      documents: ['client/**/*.ts', '!client/generated/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
      config: typescriptConfig,
    },
  },
};

export default config;
