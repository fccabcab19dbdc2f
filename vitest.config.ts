import { createRequire } from 'node:module';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // SWC, unlike esbuild, emits the decorator metadata that type-graphql and MikroORM read.
  plugins: [swc.vite({ jsc: { transform: { useDefineForClassFields: false } } })],
  resolve: {
    // Node loads graphql's CommonJS build for the server's packages; tests must share that one instance.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['reflect-metadata'],
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Test files share one PostgreSQL server but each gets its own database.
    pool: 'forks',
  },
});
