import { readFile } from 'node:fs/promises';
import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationCost } from '../src/server/query-cost.js';
import { startTestApp, type TestApp } from './support/app.js';
import { throughResolvers } from './support/read-paths.js';
import { wholeSurface } from './read-equivalence.queries.js';

/**
 * Researchers rank organisations, people and topics by what they did in a
 * window of editions (orderBy, activity), read each one's counts
 * (activity(window:)), and see facets of whole session and participation
 * lists. The seed corpus is the 2007 SMS conference; both read paths must
 * answer alike, the read floor in one statement.
 */

type Answer = { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }>; statements: number };

const paths = ['the compiled read floor', 'the resolvers'] as const;
type Path = (typeof paths)[number];

const MOST_ACTIVE_ORGANISATIONS = `query MostActive($window: ActivityWindow, $first: Int, $after: String, $last: Int, $before: String) {
  organisations(orderBy: PARTICIPATIONS_DESC, activity: $window, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node { acronym name activity(window: $window) { participations sessions people editions } } }
  }
}`;

type Organisations = {
  organisations: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    edges: Array<{ cursor: string; node: { acronym: string | null; name: string; activity: Record<string, number> } }>;
  };
};

const YEAR_2007 = { fromYear: 2007, toYear: 2007 };

/** The 2007 programme's organisations by participations, then name: DPSA chaired day 1 and sent a panellist and a presenter. */
const RANKED_2007 = [
  ['Department of Public Service and Administration', { participations: 3, sessions: 2, people: 3, editions: 1 }],
  ['South African Police Service', { participations: 2, sessions: 1, people: 2, editions: 1 }],
  ['Centre for Public Service Innovation', { participations: 1, sessions: 1, people: 1, editions: 1 }],
  ['Free State Provincial Government', { participations: 1, sessions: 1, people: 1, editions: 1 }],
  ['Public Service Commission', { participations: 1, sessions: 1, people: 1, editions: 1 }],
  ['Sport and Recreation South Africa', { participations: 1, sessions: 1, people: 1, editions: 1 }],
  ['University of Pretoria', { participations: 1, sessions: 1, people: 1, editions: 1 }],
  // Nothing counted: last, by name.
  ['Communications', { participations: 0, sessions: 0, people: 0, editions: 0 }],
] as const;

describe('activity counts and facets', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ environment: { REPORT_SQL_STATEMENTS: 'true' } });
  });
  afterAll(() => app.close());

  async function ask(path: Path, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
    const { body } = await app.post({ query: path === 'the resolvers' ? throughResolvers(query) : query, variables });
    const data = body.data ? Object.fromEntries(Object.entries(body.data).filter(([key]) => key !== '__type')) : (body.data as null | undefined);
    return { data, errors: body.errors, statements: (body as { extensions: { sqlStatements: number } }).extensions.sqlStatements };
  }

  describe.each(paths)('through %s', (path) => {
    it('ranks the organisations that sent the most people to 2007, DPSA first, ties by name', async () => {
      const { data, errors } = await ask(path, MOST_ACTIVE_ORGANISATIONS, { window: YEAR_2007, first: 8 });
      expect(errors).toBeUndefined();
      const { organisations } = data as Organisations;
      expect(organisations.totalCount).toBe(18);
      expect(organisations.edges.map(({ node }) => [node.name, node.activity])).toEqual(RANKED_2007);
      expect(organisations.pageInfo.hasNextPage).toBe(true);
    });

    it('pages through the whole activity order with cursors, without repeating or skipping anyone', async () => {
      const whole = (await ask(path, MOST_ACTIVE_ORGANISATIONS, { window: YEAR_2007, first: 100 })).data as Organisations;
      const paged: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const page = (await ask(path, MOST_ACTIVE_ORGANISATIONS, { window: YEAR_2007, first: 5, after })).data as Organisations;
        paged.push(...page.organisations.edges.map(({ node }) => node.name));
        pages += 1;
        if (!page.organisations.pageInfo.hasNextPage) break;
        after = page.organisations.pageInfo.endCursor;
      }
      expect(pages).toBe(4);
      expect(paged).toHaveLength(18);
      expect(new Set(paged).size).toBe(18);
      expect(paged).toEqual(whole.organisations.edges.map(({ node }) => node.name));
      expect(paged.slice(0, 3)).toEqual(['Department of Public Service and Administration', 'South African Police Service', 'Centre for Public Service Innovation']);
    });

    it('pages backwards through the same order: the last two are the last two of the whole list', async () => {
      const whole = (await ask(path, MOST_ACTIVE_ORGANISATIONS, { window: YEAR_2007, first: 100 })).data as Organisations;
      const last = (await ask(path, MOST_ACTIVE_ORGANISATIONS, { window: YEAR_2007, last: 2 })).data as Organisations;
      expect(last.organisations.edges.map(({ node }) => node.name)).toEqual(whole.organisations.edges.slice(-2).map(({ node }) => node.name));
      expect(last.organisations.edges.map(({ cursor }) => cursor)).toEqual(whole.organisations.edges.slice(-2).map(({ cursor }) => cursor));
    });

    it('counts only presenters when the window names the role: DPSA, the PSC and the University of Pretoria presented', async () => {
      const { data } = await ask(
        path,
        `query Presenters($window: ActivityWindow) {
          organisations(orderBy: SESSIONS_DESC, activity: $window, first: 4) { nodes { name activity(window: $window) { sessions participations } } }
        }`,
        { window: { role: 'PRESENTER', seriesSlug: 'sms' } },
      );
      expect(data).toEqual({
        organisations: {
          nodes: [
            { name: 'Department of Public Service and Administration', activity: { sessions: 1, participations: 1 } },
            { name: 'Public Service Commission', activity: { sessions: 1, participations: 1 } },
            { name: 'University of Pretoria', activity: { sessions: 1, participations: 1 } },
            { name: 'Centre for Public Service Innovation', activity: { sessions: 0, participations: 0 } },
          ],
        },
      });
    });

    it('orders by name, as before, when the window counts nothing (another series)', async () => {
      const { data } = await ask(path, `{ organisations(orderBy: PARTICIPATIONS_DESC, activity: { seriesSlug: "no-such-series" }, first: 2) { nodes { name } } }`);
      expect(data).toEqual({ organisations: { nodes: [{ name: 'Centre for Public Service Innovation' }, { name: 'Communications' }] } });
    });

    it('ranks people and topics too: Clark and Levin had two roles each; leadership development had five sessions', async () => {
      const { data } = await ask(
        path,
        `{
          people(orderBy: PARTICIPATIONS_DESC, first: 3) { nodes { displayName activity { participations sessions } } }
          topics(orderBy: SESSIONS_DESC, first: 2) { nodes { slug activity { sessions participations people editions } } }
        }`,
      );
      expect(data).toEqual({
        people: {
          nodes: [
            // Clark chaired day 1 (a day, not a session) and sat on a panel.
            { displayName: 'Ms C Clark', activity: { participations: 2, sessions: 1 } },
            { displayName: 'Prof R M Levin', activity: { participations: 2, sessions: 2 } },
            { displayName: 'Prof D Argyriades', activity: { participations: 1, sessions: 1 } },
          ],
        },
        topics: {
          nodes: [
            { slug: 'leadership-development', activity: { sessions: 5, participations: 17, people: 16, editions: 1 } },
            { slug: 'organisational-performance-management', activity: { sessions: 1, participations: 2, people: 2, editions: 1 } },
          ],
        },
      });
    });

    it('counts the facets of the whole filtered session list, not the page: round tables by role and kind of organisation', async () => {
      const { data } = await ask(
        path,
        `query Facets($filter: SessionFilter) {
          sessions(filter: $filter, first: 1) {
            totalCount
            nodes { title }
            facets { byYear { year count } byKind { kind count } byRole { role count } byOrganisationKind { kind count } }
          }
        }`,
        { filter: { kind: 'ROUND_TABLE' } },
      );
      expect(data).toEqual({
        sessions: {
          totalCount: 2,
          nodes: [{ title: 'Responding to Leadership Development in the Public Service in consideration of the Global challenges' }],
          facets: {
            byYear: [{ year: 2007, count: 2 }],
            byKind: [{ kind: 'ROUND_TABLE', count: 2 }],
            byRole: [
              { role: 'FACILITATOR', count: 2 },
              { role: 'PANELLIST', count: 2 },
            ],
            byOrganisationKind: [
              { kind: 'NATIONAL_DEPARTMENT', count: 1 },
              { kind: 'PROVINCIAL_GOVERNMENT', count: 1 },
            ],
          },
        },
      });
    });

    it('orders facet buckets by count, largest first, then by name: the 2007 sessions by format', async () => {
      const { data } = await ask(path, `{ sessions { facets { byKind { kind count } } } }`);
      expect(data).toEqual({
        sessions: {
          facets: {
            byKind: [
              { kind: 'COMMISSION', count: 4 },
              { kind: 'ROUND_TABLE', count: 2 },
              { kind: 'BREAKAWAY', count: 1 },
              { kind: 'GALA_DINNER', count: 1 },
            ],
          },
        },
      });
    });

    it("counts the facets of a person's participations: Clark chaired and sat on a panel in 2007, for the DPSA", async () => {
      const { data } = await ask(
        path,
        `{ people(filter: { name: "Clark" }) { nodes { participations(first: 1) { totalCount facets { byYear { year count } byRole { role count } byOrganisationKind { kind count } } } } } }`,
      );
      expect(data).toEqual({
        people: {
          nodes: [
            {
              participations: {
                totalCount: 2,
                facets: {
                  byYear: [{ year: 2007, count: 2 }],
                  byRole: [
                    { role: 'CHAIRPERSON', count: 1 },
                    { role: 'PANELLIST', count: 1 },
                  ],
                  byOrganisationKind: [{ kind: 'NATIONAL_DEPARTMENT', count: 1 }],
                },
              },
            },
          ],
        },
      });
    });

    it('refuses a window whose fromYear is after its toYear, naming both fields, on the list and on a record', async () => {
      const listed = await ask(path, `{ organisations(orderBy: SESSIONS_DESC, activity: { fromYear: 2008, toYear: 2007 }) { nodes { name } } }`);
      expect(listed.data).toBeNull();
      expect(listed.errors?.map(({ message, extensions }) => [message, extensions?.code])).toEqual([
        ['activity.fromYear 2008 is after activity.toYear 2007', 'BAD_USER_INPUT'],
      ]);
      const counted = await ask(path, `{ topic(slug: "leadership-development") { activity(window: { fromYear: 2010, toYear: 2001 }) { sessions } } }`);
      expect(counted.errors?.map(({ message, extensions }) => [message, extensions?.code])).toEqual([
        ['window.fromYear 2010 is after window.toYear 2001', 'BAD_USER_INPUT'],
      ]);
    });

    it('treats null window fields and a null orderBy as absent', async () => {
      const { data } = await ask(
        path,
        `query Nulls($window: ActivityWindow) { organisations(orderBy: null, activity: $window, first: 1) { nodes { name activity(window: $window) { participations } } } }`,
        { window: { fromYear: null, toYear: null, seriesSlug: null, role: null } },
      );
      expect(data).toEqual({ organisations: { nodes: [{ name: 'Centre for Public Service Innovation', activity: { participations: 1 } }] } });
    });
  });

  it("answers read-equivalence's activity query through the resolvers as the read floor's recorded answer", async () => {
    const { query, variables, name } = wholeSurface.find((candidate) => candidate.name.startsWith('activity orders'))!;
    const answers = JSON.parse(await readFile(new URL('./fixtures/read-equivalence/answers.json', import.meta.url), 'utf8')) as Record<string, string>;
    const { data, errors } = await ask('the resolvers', query, variables);
    expect(errors).toBeUndefined();
    expect(JSON.stringify({ data })).toBe(answers[name]!.trim());
  });

  it('answers a ranked page with counts and facets in one statement through the read floor', async () => {
    const { statements, errors } = await ask(
      'the compiled read floor',
      `query All($window: ActivityWindow) {
        organisations(orderBy: PARTICIPATIONS_DESC, activity: $window, first: 18) { nodes { name activity(window: $window) { participations } sessions { facets { byYear { year count } } } } }
        sessions { facets { byRole { role count } } }
      }`,
      { window: YEAR_2007 },
    );
    expect(errors).toBeUndefined();
    expect(statements).toBe(1);
  });

  it('answers a ranked page with counts in as many statements for 18 organisations as for 2 through the resolvers', async () => {
    const statementsFor = async (first: number) =>
      (await ask('the resolvers', `query Ranked($first: Int) { organisations(orderBy: SESSIONS_DESC, first: $first) { nodes { name activity { sessions people } } } }`, { first }))
        .statements;
    expect(await statementsFor(18)).toBe(await statementsFor(2));
  });

  it("answers every organisation's session facets in as many statements for 18 organisations as for 2 through the resolvers", async () => {
    const statementsFor = async (first: number) => {
      const answer = await ask(
        'the resolvers',
        `query Faceted($first: Int) { organisations(first: $first) { nodes { sessions { facets { byYear { year count } byRole { role count } } } } } }`,
        { first },
      );
      expect(answer.errors).toBeUndefined();
      return answer.statements;
    };
    expect(await statementsFor(18)).toBe(await statementsFor(2));
  });
});

const schema = buildSchema(await readFile(new URL('../src/schema/schema.graphql', import.meta.url), 'utf8'));

describe('the query cost of activity orders and facets', () => {
  const cost = (query: string) => {
    const document = parse(query);
    return operationCost(schema, document, document.definitions[0] as OperationDefinitionNode, {}, { searchCost: 1000 });
  };

  it('prices an activity order as one more page read, the counting scan', () => {
    expect(cost('{ organisations(first: 20, orderBy: PARTICIPATIONS_DESC) { nodes { name } } }')).toBe(cost('{ organisations(first: 20) { nodes { name } } }') + 20);
    expect(cost('{ organisations(first: 20, orderBy: NAME) { nodes { name } } }')).toBe(cost('{ organisations(first: 20) { nodes { name } } }'));
  });

  it('prices facets as a count and short bucket lists, not as pages', () => {
    // The connection 1, facets 1 (the object) + 1 (its counts), byYear 5 buckets.
    expect(cost('{ sessions { facets { byYear { year count } } } }')).toBe(8);
  });
});
