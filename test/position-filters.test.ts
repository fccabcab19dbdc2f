import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PositionRank, rankOfTitle, rankOfTitleSql } from '../src/entities/position-rank.js';
import { startTestApp, type TestApp } from './support/app.js';
import { createTestDatabase } from './support/databases.js';
import { throughResolvers } from './support/read-paths.js';

/**
 * Which rank a title gives its post: the one table both read paths apply
 * (src/entities/position-rank.ts). Every row is a title as a source might
 * word it, with the rank a researcher filtering by rank expects.
 */
const RANKS: ReadonlyArray<readonly [string, PositionRank | null]> = [
  ['Director-General', PositionRank.DIRECTOR_GENERAL],
  ['Director General', PositionRank.DIRECTOR_GENERAL],
  ['director-general: Free State', PositionRank.DIRECTOR_GENERAL],
  ['Acting Director-General', PositionRank.DIRECTOR_GENERAL],
  ['DG', PositionRank.DIRECTOR_GENERAL],
  ['Deputy Director-General', PositionRank.DEPUTY_DIRECTOR_GENERAL],
  ['Acting Deputy Director-General: Corporate Services', PositionRank.DEPUTY_DIRECTOR_GENERAL],
  ['DDG', PositionRank.DEPUTY_DIRECTOR_GENERAL],
  ['Chief Director', PositionRank.CHIEF_DIRECTOR],
  ['Chief Director: Leadership Development', PositionRank.CHIEF_DIRECTOR],
  ['Director', PositionRank.DIRECTOR],
  ['Director: Human Resources', PositionRank.DIRECTOR],
  ['Deputy Director', null],
  ['Executive Director', null],
  ['Directorate Manager', null],
  ['Minister of Public Service and Administration', PositionRank.MINISTER],
  ['Deputy Minister', PositionRank.DEPUTY_MINISTER],
  ['Premier of Gauteng', PositionRank.PREMIER],
  ['MEC for Health', PositionRank.MEC],
  ['Member of the Executive Council', PositionRank.MEC],
  ['Commissioner', PositionRank.COMMISSIONER],
  ['National Commissioner', PositionRank.COMMISSIONER],
  ['Deputy Commissioner', PositionRank.DEPUTY_COMMISSIONER],
  ['Deputy National Commissioner', PositionRank.DEPUTY_COMMISSIONER],
  ['Chief Executive Officer', PositionRank.CHIEF_EXECUTIVE_OFFICER],
  ['Acting CEO', PositionRank.CHIEF_EXECUTIVE_OFFICER],
  ['Municipal Manager', PositionRank.MUNICIPAL_MANAGER],
  ['City Manager', PositionRank.MUNICIPAL_MANAGER],
  ['Executive Mayor', PositionRank.MAYOR],
  ['Mayor', PositionRank.MAYOR],
  ['Deputy Mayor', null],
  ['Senior Lecturer', null],
  ['', null],
];

describe('the rank a position title gives', () => {
  it.each(RANKS)('"%s" is %s', (title, rank) => {
    expect(rankOfTitle(title)).toBe(rank);
  });

  it("is the same in the read floor's SQL, for every title of the table", async () => {
    const database = await createTestDatabase(inject('serverUrl'));
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ rank: string | null }>(
        `select ${rankOfTitleSql('t.title')} as rank from unnest($1::text[]) with ordinality t(title, n) order by t.n`,
        [RANKS.map(([title]) => title)],
      );
      expect(rows.map((row) => row.rank)).toEqual(RANKS.map(([, rank]) => rank));
    } finally {
      await client.end();
      await database.drop();
    }
  });
});

const ROUND_TABLE = 'Responding to Leadership Development in the Public Service in consideration of the Global challenges';
const SINGLE_SERVICE = 'Leadership Challenges in the Single Public Service';
const WOMEN = "Women in Leadership - SMS Women's Forum";
const PIPELINE = 'The leadership pipeline in the Public Service: Implications for Public Service Managers';

const Participations = `query PositionFiltersParticipations($filter: ParticipationFilter, $first: Int, $after: String, $last: Int) {
  participations(filter: $filter, first: $first, after: $after, last: $last) {
    totalCount
    nodes { role person { displayName } position { title rank acting organisation { name } } session { title } day { number } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;
const Sessions = `query PositionFiltersSessions($filter: SessionFilter) { sessions(filter: $filter) { totalCount nodes { title } } }`;
const People = `query PositionFiltersPeople($filter: PersonFilter) { people(filter: $filter) { totalCount nodes { displayName } } }`;
const Organisation = `query PositionFiltersOrganisation($name: String!) { organisations(filter: { name: $name }) { nodes { id } } }`;

type Page<T> = { totalCount: number; nodes: T[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null } };
type ParticipationNode = {
  role: string;
  person: { displayName: string };
  position: { title: string; rank: string | null; acting: boolean; organisation: { name: string } | null } | null;
  session: { title: string } | null;
  day: { number: number } | null;
};

describe('filters on the position someone took part in, on both read paths', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ environment: { REPORT_SQL_STATEMENTS: 'true' } });
  });
  afterAll(() => app?.close());

  /** The data of a query, asserted the same through the read floor (one statement) and through the resolvers. */
  async function ask<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const compiled = await app.post({ query, variables });
    const resolved = await app.post({ query: throughResolvers(query), variables });
    expect(compiled.body.errors).toBeUndefined();
    expect(resolved.body.errors).toBeUndefined();
    expect((compiled.body as { extensions: { sqlStatements: number } }).extensions.sqlStatements).toBe(1);
    const { __type, ...data } = resolved.body.data as Record<string, unknown>;
    expect(__type).toEqual({ name: 'Query' });
    expect(compiled.body.data).toEqual(data);
    return compiled.body.data as T;
  }

  const participations = async (variables: Record<string, unknown>) => (await ask<{ participations: Page<ParticipationNode> }>(Participations, variables)).participations;
  const sessionTitles = async (filter: Record<string, unknown>) => {
    const { sessions } = await ask<{ sessions: Page<{ title: string }> }>(Sessions, { filter });
    return { total: sessions.totalCount, titles: sessions.nodes.map((node) => node.title) };
  };
  const peopleNames = async (filter: Record<string, unknown>) =>
    (await ask<{ people: Page<{ displayName: string }> }>(People, { filter })).people.nodes.map((node) => node.displayName);
  // Asked once per name: the response cache answers a repeated query without a statement.
  const organisationIds = new Map<string, Promise<string>>();
  const organisationId = (name: string) => {
    if (!organisationIds.has(name)) {
      organisationIds.set(name, ask<{ organisations: { nodes: Array<{ id: string }> } }>(Organisation, { name }).then((data) => data.organisations.nodes[0]!.id));
    }
    return organisationIds.get(name)!;
  };
  const who = (nodes: ParticipationNode[]) => nodes.map((node) => [node.person.displayName, node.role, node.session?.title ?? `Day ${node.day?.number}`]);

  it('three Directors-General took part in 2007, each in a session of their own; Prof Levin, on a panel without a stated position, only once', async () => {
    const page = await participations({ filter: { rank: 'DIRECTOR_GENERAL' } });
    expect(page.totalCount).toBe(3);
    expect(who(page.nodes)).toEqual([
      ['Dr C Nwaila', 'FACILITATOR', ROUND_TABLE],
      ['Prof R M Levin', 'PRESENTER', SINGLE_SERVICE],
      ['Ms X Sibeko', 'FACILITATOR', WOMEN],
    ]);
    expect(page.nodes.map((node) => [node.position!.title, node.position!.rank, node.position!.organisation!.name])).toEqual([
      ['Director-General', 'DIRECTOR_GENERAL', 'Free State Provincial Government'],
      ['Director-General', 'DIRECTOR_GENERAL', 'Department of Public Service and Administration'],
      ['Director-General', 'DIRECTOR_GENERAL', 'Sport and Recreation South Africa'],
    ]);
  });

  it('the facets of a filtered participations list count that list: the three Directors-General of 2007', async () => {
    const { participations } = await ask<{ participations: { totalCount: number; facets: Record<string, unknown> } }>(
      `query DirectorsGeneralFacets { participations(filter: { rank: DIRECTOR_GENERAL }, first: 1) {
        totalCount facets { byYear { year count } byRole { role count } byOrganisationKind { kind count } }
      } }`,
      {},
    );
    expect(participations.totalCount).toBe(3);
    expect(participations.facets).toEqual({
      byYear: [{ year: 2007, count: 3 }],
      byRole: [
        { role: 'FACILITATOR', count: 2 },
        { role: 'PRESENTER', count: 1 },
      ],
      byOrganisationKind: [
        { kind: 'NATIONAL_DEPARTMENT', count: 2 },
        { kind: 'PROVINCIAL_GOVERNMENT', count: 1 },
      ],
    });
  });

  it('a Deputy Director-General is not a Director-General: the Day 1 chair comes first, then the sessions in programme order', async () => {
    const page = await participations({ filter: { rank: 'DEPUTY_DIRECTOR_GENERAL' } });
    expect(who(page.nodes)).toEqual([
      ['Ms C Clark', 'CHAIRPERSON', 'Day 1'],
      ['Ms M Nchwe', 'FACILITATOR', SINGLE_SERVICE],
      ['Dr E Kornegay', 'FACILITATOR', PIPELINE],
    ]);
  });

  it('an acting post has the rank of its title: Mr Mthethwa, Acting Chief Executive Officer of the CPSI', async () => {
    const page = await participations({ filter: { rank: 'CHIEF_EXECUTIVE_OFFICER' } });
    expect(page.nodes.map((node) => [node.person.displayName, node.position!.acting, node.position!.organisation!.name])).toEqual([
      ['Mr L Mthethwa', true, 'Centre for Public Service Innovation'],
    ]);
  });

  it('a title part ignores case and hyphens: "director general" finds the Directors-General and their deputies', async () => {
    const page = await participations({ filter: { positionTitle: 'director general', role: 'FACILITATOR' } });
    expect(who(page.nodes)).toEqual([
      ['Dr C Nwaila', 'FACILITATOR', ROUND_TABLE],
      ['Ms M Nchwe', 'FACILITATOR', SINGLE_SERVICE],
      ['Ms X Sibeko', 'FACILITATOR', WOMEN],
      ['Dr E Kornegay', 'FACILITATOR', PIPELINE],
    ]);
    expect((await participations({ filter: { positionTitle: 'DIRECTOR-GENERAL' } })).totalCount).toBe(6);
    expect((await participations({ filter: { positionTitle: 'Director General', rank: 'DIRECTOR_GENERAL' } })).totalCount).toBe(3);
  });

  it('narrows by person, organisation, topic, series and years', async () => {
    const levin = (await ask<{ people: { nodes: Array<{ id: string }> } }>(`query PositionFiltersLevin { people(filter: { name: "Levin" }) { nodes { id } } }`, {})).people
      .nodes[0]!.id;
    expect(who((await participations({ filter: { personId: levin } })).nodes)).toEqual([
      ['Prof R M Levin', 'PANELLIST', ROUND_TABLE],
      ['Prof R M Levin', 'PRESENTER', SINGLE_SERVICE],
    ]);
    const saps = await organisationId('South African Police Service');
    expect(who((await participations({ filter: { organisationId: saps } })).nodes)).toEqual([
      ['Ms M Nchwe', 'FACILITATOR', SINGLE_SERVICE],
      ['Dr M Singh', 'CHAIRPERSON', 'Day 2'],
    ]);
    // A day's chair is in no session, so in none about a topic.
    expect((await participations({ filter: { organisationId: saps, topicSlug: 'leadership-development' } })).totalCount).toBe(1);
    expect((await participations({ filter: { seriesSlug: 'sms', fromYear: 2007, toYear: 2007 } })).totalCount).toBe(21);
    expect((await participations({ filter: { fromYear: 2008 } })).totalCount).toBe(0);
    expect((await participations({ filter: { seriesSlug: 'no-such-series' } })).totalCount).toBe(0);
  });

  it('pages forwards and backwards through the list', async () => {
    const first = await participations({ filter: { rank: 'DIRECTOR_GENERAL' }, first: 2 });
    expect([first.nodes.map((node) => node.person.displayName), first.pageInfo.hasNextPage]).toEqual([['Dr C Nwaila', 'Prof R M Levin'], true]);
    const next = await participations({ filter: { rank: 'DIRECTOR_GENERAL' }, first: 2, after: first.pageInfo.endCursor });
    expect([next.nodes.map((node) => node.person.displayName), next.pageInfo.hasNextPage, next.pageInfo.hasPreviousPage]).toEqual([['Ms X Sibeko'], false, true]);
    const last = await participations({ filter: { rank: 'DEPUTY_DIRECTOR_GENERAL' }, last: 1 });
    expect([last.nodes.map((node) => node.person.displayName), last.pageInfo.hasPreviousPage]).toEqual([['Dr E Kornegay'], true]);
  });

  it('sessions: rank, title, role and organisation hold for one and the same participation', async () => {
    expect(await sessionTitles({ rank: 'DIRECTOR_GENERAL' })).toEqual({ total: 3, titles: [ROUND_TABLE, SINGLE_SERVICE, WOMEN] });
    expect(await sessionTitles({ rank: 'DIRECTOR_GENERAL', role: 'PRESENTER' })).toEqual({ total: 1, titles: [SINGLE_SERVICE] });
    // Prof Levin sat on the round table's panel with no position stated, beside Dr Nwaila, a Director-General facilitating.
    expect(await sessionTitles({ rank: 'DIRECTOR_GENERAL', role: 'PANELLIST' })).toEqual({ total: 0, titles: [] });
    const dpsa = await organisationId('Department of Public Service and Administration');
    expect(await sessionTitles({ organisationId: dpsa, rank: 'DEPUTY_DIRECTOR_GENERAL' })).toEqual({ total: 1, titles: [PIPELINE] });
    expect(await sessionTitles({ organisationId: dpsa, positionTitle: 'director-general', role: 'PRESENTER' })).toEqual({ total: 1, titles: [SINGLE_SERVICE] });
    expect(await sessionTitles({ positionTitle: 'senior lecturer' })).toEqual({ total: 1, titles: ['Organisational Performance Management'] });
  });

  it('people: organisation, title and rank hold for one and the same position', async () => {
    expect(await peopleNames({ rank: 'DIRECTOR_GENERAL' })).toEqual(['Prof R M Levin', 'Dr C Nwaila', 'Ms X Sibeko']);
    expect(await peopleNames({ positionTitle: 'commissioner' })).toEqual(['Commissioner K Mashigo', 'Dr M Singh']);
    const saps = await organisationId('South African Police Service');
    expect(await peopleNames({ organisationId: saps, rank: 'DEPUTY_COMMISSIONER' })).toEqual(['Dr M Singh']);
    expect(await peopleNames({ organisationId: saps, rank: 'DEPUTY_DIRECTOR_GENERAL' })).toEqual(['Ms M Nchwe']);
    const dpsa = await organisationId('Department of Public Service and Administration');
    expect(await peopleNames({ organisationId: dpsa, positionTitle: 'commissioner' })).toEqual([]);
  });
});

describe('bad position criteria', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  it('an unknown rank is a validation error naming the value, written in the query or sent as a variable', async () => {
    const written = await app.post({ query: '{ participations(filter: { rank: DG }) { totalCount } }' });
    expect(written.status).toBe(400);
    expect(written.body.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([
      ['GRAPHQL_VALIDATION_FAILED', 'Value "DG" does not exist in "PositionRank" enum.'],
    ]);
    const sent = await app.post({ query: Participations, variables: { filter: { rank: 'DG' } } });
    expect(sent.status).toBe(400);
    expect(sent.body.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([
      ['BAD_USER_INPUT', expect.stringContaining('Value "DG" does not exist in "PositionRank" enum.')],
    ]);
  });

  it.each([
    ['participations', Participations, 'participations'],
    ['sessions', Sessions, 'sessions'],
    ['people', People, 'people'],
  ])('a title part without a letter or digit is BAD_USER_INPUT naming filter.positionTitle, in %s, on both paths', async (_name, query, root) => {
    for (const [text, positionTitle] of [
      [query, ''],
      [throughResolvers(query), ' - '],
    ] as const) {
      const { body } = await app.post({ query: text, variables: { filter: { positionTitle } } });
      expect(body.data).toBeNull();
      expect(body.errors?.map((error) => [error.extensions?.code, error.extensions?.argumentName, error.path, error.message])).toEqual([
        ['BAD_USER_INPUT', 'filter.positionTitle', [root], `filter.positionTitle must hold a letter or a digit: "${positionTitle}" has none`],
      ]);
    }
  });
});
