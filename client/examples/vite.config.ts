import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/**
 * Builds the Apollo Client and urql example pages (`npm run client:examples`)
 * into client/examples/dist: static files any web server can serve, every
 * script bundled from installed packages, nothing fetched from a CDN.
 */
export default defineConfig({
  root: here('.'),
  base: './',
  logLevel: 'warn',
  // The examples import the package as a portal does; in this repository that is its source, so no build of it is needed first.
  resolve: { alias: { '@lekgotla/client': here('../index.ts') } },
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    rollupOptions: { input: { apollo: here('apollo/index.html'), urql: here('urql/index.html') } },
  },
});
