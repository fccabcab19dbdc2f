import { readFile } from 'node:fs/promises';
import { buildSchema, getNamedType, isInputObjectType, isObjectType, type GraphQLInputObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';
import { throughResolvers } from './support/read-paths.js';

/**
 * Form-driven clients send every field of a filter, the empty ones as null.
 * A null criterion must filter by nothing, exactly as leaving it out does, on
 * both read paths: the read floor's one compiled statement and the resolvers.
 */

const schema = buildSchema(await readFile(new URL('../src/schema/schema.graphql', import.meta.url), 'utf8'));

/** Every field that takes a `filter` argument, as `Type.field`, with the input type it takes. */
const filteredFields = Object.values(schema.getTypeMap())
  .filter(isObjectType)
  .filter((type) => !type.name.startsWith('__'))
  .flatMap((type) =>
    Object.values(type.getFields()).flatMap((field) => {
      const filter = field.args.find((argument) => argument.name === 'filter');
      const input = filter && getNamedType(filter.type);
      return input && isInputObjectType(input) ? [{ place: `${type.name}.${field.name}`, input }] : [];
    }),
  );

/**
 * How each filtered list is asked for and what it answers over the seed
 * corpus: its total and first item without a filter, and with one criterion
 * that narrows it (which null fields beside it must not change).
 */
type Place = {
  query: (input: string) => string;
  total: (data: unknown) => number;
  first: (data: unknown) => string | undefined;
  unfiltered: { total: number; first: string };
  narrowed: { criterion: Record<string, unknown>; total: number; first: string };
};

type Page = { totalCount: number; nodes: Array<{ label: string }> };
const rootPage = (name: string) => (data: unknown) => (data as Record<string, Page>)[name]!;

/** A root connection: `name(filter: $filter)` with its total and the label of its first node. */
function root(name: string, label: string, unfiltered: Place['unfiltered'], narrowed: Place['narrowed']): Place {
  const page = rootPage(name);
  return {
    query: (input) => `query Filtered($filter: ${input}) { ${name}(filter: $filter) { totalCount nodes { label: ${label} } } }`,
    total: (data) => page(data).totalCount,
    first: (data) => page(data).nodes[0]?.label,
    unfiltered,
    narrowed,
  };
}

/** The first session of the 2007 programme, the only one at hand. */
const FIRST_SESSION = 'Responding to Leadership Development in the Public Service in consideration of the Global challenges';

const places: Record<string, Place> = {
  'Query.conferences': root(
    'conferences',
    'title',
    { total: 7, first: 'Senior Management Service Conference 2007' },
    { criterion: { fromYear: 2005 }, total: 3, first: 'Senior Management Service Conference 2007' },
  ),
  'Query.sessions': root(
    'sessions',
    'title',
    { total: 8, first: FIRST_SESSION },
    { criterion: { fromYear: 2005 }, total: 8, first: FIRST_SESSION },
  ),
  // Labelled by role: the Day 1 chair opens the list, Dr Nwaila facilitating the round table the Directors-General.
  'Query.participations': root(
    'participations',
    'role',
    { total: 21, first: 'CHAIRPERSON' },
    { criterion: { rank: 'DIRECTOR_GENERAL' }, total: 3, first: 'FACILITATOR' },
  ),
  'Query.people': root('people', 'displayName', { total: 19, first: 'Prof D Argyriades' }, { criterion: { name: 'Levin' }, total: 1, first: 'Prof R M Levin' }),
  'Query.organisations': root('organisations', 'name', { total: 18, first: 'Centre for Public Service Innovation' }, { criterion: { name: 'Public Service' }, total: 3, first: 'Centre for Public Service Innovation' }),
  'Conference.sessions': {
    query: (input) =>
      `query Filtered($filter: ${input}) { conference(seriesSlug: "sms", year: 2007) { sessions(filter: $filter) { totalCount nodes { label: title } } } }`,
    total: (data) => (data as { conference: { sessions: Page } }).conference.sessions.totalCount,
    first: (data) => (data as { conference: { sessions: Page } }).conference.sessions.nodes[0]?.label,
    unfiltered: { total: 8, first: FIRST_SESSION },
    narrowed: { criterion: { kind: 'ROUND_TABLE' }, total: 2, first: FIRST_SESSION },
  },
};

type Answer = { data: unknown; sqlStatements: number };

describe('a filter field sent as null filters by nothing, as leaving it out does', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ environment: { REPORT_SQL_STATEMENTS: 'true' } });
  });
  afterAll(() => app?.close());

  async function ask(query: string, filter: Record<string, unknown> | null): Promise<Answer> {
    const { status, body } = await app.post({ query, variables: { filter } });
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    return { data: body.data, sqlStatements: (body as { extensions: { sqlStatements: number } }).extensions.sqlStatements };
  }

  it('covers every field of the schema that takes a filter', () => {
    expect(filteredFields.map(({ place }) => place).sort()).toEqual(Object.keys(places).sort());
  });

  describe.each(filteredFields.map(({ place, input }) => [place, input] as const))('%s', (place, input: GraphQLInputObjectType) => {
    const shape = places[place]!;
    const fields = Object.keys(input.getFields());
    const paths = [
      { path: 'the compiled read floor', query: shape.query(input.name), statements: (count: number) => expect(count).toBe(1) },
      { path: 'the resolvers', query: throughResolvers(shape.query(input.name)), statements: (count: number) => expect(count).toBeGreaterThan(1) },
    ];

    it.each(paths)('answers unfiltered and narrowed as written here, through $path', async ({ query, statements }) => {
      const unfiltered = await ask(query, null);
      statements(unfiltered.sqlStatements);
      expect([shape.total(unfiltered.data), shape.first(unfiltered.data) ?? '']).toEqual([shape.unfiltered.total, shape.unfiltered.first]);
      const narrowed = await ask(query, shape.narrowed.criterion);
      expect([shape.total(narrowed.data), shape.first(narrowed.data) ?? '']).toEqual([shape.narrowed.total, shape.narrowed.first]);
    });

    describe.each(fields)(`${input.name}.%s: null`, (field) => {
      it.each(paths)('alone answers as no filter does, through $path', async ({ query, statements }) => {
        const answer = await ask(query, { [field]: null });
        statements(answer.sqlStatements);
        expect([shape.total(answer.data), shape.first(answer.data) ?? '']).toEqual([shape.unfiltered.total, shape.unfiltered.first]);
      });

      it.each(paths)('beside another criterion answers as that criterion alone does, through $path', async ({ query }) => {
        const criterion = shape.narrowed.criterion;
        const answer = await ask(query, field in criterion ? criterion : { ...criterion, [field]: null });
        expect([shape.total(answer.data), shape.first(answer.data) ?? '']).toEqual([shape.narrowed.total, shape.narrowed.first]);
      });
    });

    it.each(paths)('with every field null at once answers as no filter does, through $path', async ({ query }) => {
      const answer = await ask(query, Object.fromEntries(fields.map((field) => [field, null])));
      expect([shape.total(answer.data), shape.first(answer.data) ?? '']).toEqual([shape.unfiltered.total, shape.unfiltered.first]);
    });
  });

  it('reads a null written in the query as a null sent in variables: sessions from 2005 with toYear null are the 2007 programme', async () => {
    const query = '{ sessions(filter: { fromYear: 2005, toYear: null }) { totalCount nodes { title } } }';
    for (const text of [query, throughResolvers(query)]) {
      const { body } = await app.post({ query: text });
      expect(body.errors).toBeUndefined();
      const sessions = (body.data as { sessions: { totalCount: number; nodes: Array<{ title: string }> } }).sessions;
      expect([sessions.totalCount, sessions.nodes[0]?.title]).toEqual([8, FIRST_SESSION]);
    }
  });

  it('reads people(filter: { name: null }) as every person, without an error', async () => {
    const query = '{ people(filter: { name: null }) { totalCount } }';
    for (const text of [query, throughResolvers(query)]) {
      const { body } = await app.post({ query: text });
      expect(body.errors).toBeUndefined();
      expect((body.data as { people: { totalCount: number } }).people.totalCount).toBe(19);
    }
  });
});
