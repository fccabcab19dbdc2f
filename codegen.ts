import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the operations the tests send. Tests write operations
 * with `graphql(...)` from test/generated; a schema change that breaks one
 * fails `npm run check`.
 */
const config: CodegenConfig = {
  schema: 'src/schema/schema.graphql',
  documents: ['test/**/*.ts', '!test/generated/**'],
  ignoreNoDocuments: false,
  // Our modules are ESM under NodeNext, where relative imports carry their .js extension.
  importExtension: '.js',
  generates: {
    'test/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: { Date: 'string' },
        defaultScalarType: 'unknown',
        useTypeImports: true,
        enumsAsTypes: true,
      },
    },
  },
};

export default config;
