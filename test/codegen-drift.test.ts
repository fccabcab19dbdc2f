import { generate } from '@graphql-codegen/cli';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../codegen.js';

describe('generated typed documents', () => {
  it('are what `npm run codegen` makes from the committed schema, the tests’ operations and the portal client’s', async () => {
    const outputs = (await generate({ ...config, silent: true }, false)) as Array<{ filename: string; content: string }>;
    const root = path.resolve(import.meta.dirname, '..');
    const files = outputs.map((output) => path.relative(root, path.resolve(root, output.filename))).sort();
    expect(files).toEqual([
      'client/generated/gql.ts',
      'client/generated/graphql.ts',
      'client/generated/index.ts',
      'client/generated/persisted-documents.json',
      'test/generated/gql.ts',
      'test/generated/graphql.ts',
      'test/generated/index.ts',
    ]);
    for (const output of outputs) {
      expect(await readFile(path.resolve(root, output.filename), 'utf8'), output.filename).toBe(output.content);
    }
  });
});
