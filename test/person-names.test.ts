import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';
import { throughResolvers } from './support/read-paths.js';

/**
 * The name filter forgives honorifics, punctuation, word order and a
 * misspelt surname, but never an initial: "R Singh" is not Dr M Singh, the
 * SAPS Deputy Commissioner who chaired Day 2 of the 2007 conference.
 */
const paths = [
  { path: 'the compiled read floor', query: (text: string) => text, oneStatement: true },
  { path: 'the resolvers', query: throughResolvers, oneStatement: false },
];

describe.each(paths)('people(filter: { name }) through $path', ({ query, oneStatement }) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ environment: { REPORT_SQL_STATEMENTS: 'true' } });
  });
  afterAll(() => app?.close());

  async function namesFound(name: string): Promise<string[]> {
    const { body } = await app.post({
      query: query('query People($name: String) { people(filter: { name: $name }) { nodes { displayName } } }'),
      variables: { name },
    });
    expect(body.errors).toBeUndefined();
    expect((body as { extensions: { sqlStatements: number } }).extensions.sqlStatements === 1).toBe(oneStatement);
    return (body.data as { people: { nodes: Array<{ displayName: string }> } }).people.nodes.map((person) => person.displayName);
  }

  it('finds Dr M Singh by his surname, with or without his initial and title', async () => {
    expect(await namesFound('Singh')).toEqual(['Dr M Singh']);
    expect(await namesFound('M Singh')).toEqual(['Dr M Singh']);
    expect(await namesFound('Dr. M. Singh')).toEqual(['Dr M Singh']);
    expect(await namesFound('singh m')).toEqual(['Dr M Singh']);
  });

  it('never answers "R Singh" with Dr M Singh, a different person', async () => {
    expect(await namesFound('R Singh')).toEqual([]);
    expect(await namesFound('Dr R Singh')).toEqual([]);
  });

  it('forgives a misspelt surname but not a wrong initial: "R Levine" is Prof R M Levin, "K Levine" nobody', async () => {
    expect(await namesFound('Levine')).toEqual(['Prof R M Levin']);
    expect(await namesFound('R Levine')).toEqual(['Prof R M Levin']);
    expect(await namesFound('M Levine')).toEqual(['Prof R M Levin']);
    expect(await namesFound('K Levine')).toEqual([]);
  });

  it('reads a title as a title, never as an initial: "P Levin" is not Prof R M Levin', async () => {
    expect(await namesFound('Prof Levin')).toEqual(['Prof R M Levin']);
    expect(await namesFound('P Levin')).toEqual([]);
  });
});
