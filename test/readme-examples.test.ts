import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';
import { documentedExamples } from './support/markdown-examples.js';

const readme = new URL('../README.md', import.meta.url);
const examples = await documentedExamples(readme);

describe('the README', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('shows example queries with their answers: the 2007 edition, OPM presenters, one person, earlier editions', () => {
    expect(examples.map((example) => Object.keys(example.expected as object))).toEqual([
      ['conference'],
      ['sessions'],
      ['people'],
      ['conference'],
    ]);
  });

  it.each(examples.map((example) => [example.line, example] as const))(
    'example at README.md line %i answers exactly as documented',
    async (_line, example) => {
      const response = await app.post({ query: example.query });
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data).toEqual(example.expected);
    },
  );
});
