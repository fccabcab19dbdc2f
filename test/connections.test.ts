import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionsConferencesPageQueryVariables } from './generated/graphql.js';
import { graphql } from './generated/index.js';
import { startTestApp, type GraphQLResponse, type TestApp } from './support/app.js';

/**
 * Relay paging over the seed corpus: the 23 topics of data/corpus/topics.yaml,
 * the seven SMS editions (2007 described by its event page and media
 * statement, 2001 to 2006 known from "has run since ... 2001" and "tag A"),
 * the eight sessions of the 2007 programme and the organisations the sources
 * name.
 */

/** Every topic of the taxonomy, by name. */
const TOPICS_BY_NAME = [
  'assessment-and-development-centres', // Assessment and development centres
  'capacity-building', // Capacity building
  'coaching-and-mentoring', // Coaching and mentoring
  'communication', // Communication
  'council-support', // Council support
  'fraud-and-corruption', // Fraud and corruption
  'governance-and-accountability', // Governance and accountability
  'intergovernmental-relations', // Intergovernmental relations
  'internal-audit', // Internal audit
  'leadership-development', // Leadership development
  'learning-and-development', // Learning and development
  'mayoral-support', // Mayoral support
  'monitoring-and-evaluation', // Monitoring and evaluation
  'networking-and-peer-learning', // Networking and peer learning
  'organisational-performance-management', // Organisational performance management
  'performance-management', // Performance management
  'professionalism-and-ethics', // Professionalism and ethics
  'public-participation', // Public participation
  'risk-management', // Risk management
  'service-delivery', // Service delivery
  'single-public-service', // Single Public Service
  'special-focus-groups', // Special focus groups
  'women-in-leadership', // Women in leadership
];

/** The 2007 programme as printed: Day 1's round table, the breakaway and its four commissions, the gala dinner, then Day 2's round table. */
const PROGRAMME_2007 = [
  'day-1-round-table',
  'day-1-breakaway-commissions',
  'day-1-commission-1',
  'day-1-commission-2',
  'day-1-commission-3',
  'day-1-commission-4',
  'day-1-gala-dinner',
  'day-2-round-table',
];

const ConnectionsTopicsPage = graphql(`
  query ConnectionsTopicsPage($first: Int, $after: String) {
    topics(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        cursor
        node {
          slug
        }
      }
    }
  }
`);

const ConnectionsTopicsPageUncounted = graphql(`
  query ConnectionsTopicsPageUncounted($first: Int, $after: String) {
    topics(first: $first, after: $after) {
      pageInfo {
        hasNextPage
        hasPreviousPage
        endCursor
      }
      nodes {
        slug
      }
    }
  }
`);

const ConnectionsTopicsCountInFragment = graphql(`
  query ConnectionsTopicsCountInFragment {
    topics(first: 2) {
      ...TopicsTotal
      nodes {
        slug
      }
    }
  }
  fragment TopicsTotal on TopicConnection {
    total: totalCount
  }
`);

const ConnectionsConferencesPage = graphql(`
  query ConnectionsConferencesPage($first: Int, $after: String, $last: Int, $before: String, $filter: ConferenceFilter) {
    conferences(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        cursor
        node {
          year
        }
      }
    }
  }
`);

const ConnectionsProgrammePage = graphql(`
  query ConnectionsProgrammePage($series: String!, $year: Int!, $first: Int, $after: String) {
    conference(seriesSlug: $series, year: $year) {
      sessions(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          hasPreviousPage
          endCursor
        }
        nodes {
          ref
        }
      }
    }
  }
`);

const ConnectionsSessions = graphql(`
  query ConnectionsSessions($filter: SessionFilter) {
    sessions(filter: $filter, first: 100) {
      totalCount
      nodes {
        ref
        title
      }
    }
  }
`);

const ConnectionsPeople = graphql(`
  query ConnectionsPeople($filter: PersonFilter) {
    people(filter: $filter, first: 100) {
      totalCount
      nodes {
        displayName
      }
    }
  }
`);

const ConnectionsOrganisations = graphql(`
  query ConnectionsOrganisations($filter: OrganisationFilter) {
    organisations(filter: $filter, first: 100) {
      totalCount
      nodes {
        id
        name
      }
    }
  }
`);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

function dataOf<T>(response: GraphQLResponse<T>): T {
  expect(response.errors).toBeUndefined();
  return response.data!;
}

function errorCodes(response: GraphQLResponse<unknown>) {
  return response.errors?.map((error) => error.extensions?.code);
}

async function conferences(variables: ConnectionsConferencesPageQueryVariables) {
  const page = dataOf(await app.graphql(ConnectionsConferencesPage, variables)).conferences;
  return { ...page, years: page.edges.map((edge) => edge.node.year) };
}

async function organisationId(name: string) {
  const nodes = dataOf(await app.graphql(ConnectionsOrganisations, { filter: { name } })).organisations.nodes;
  expect(nodes.map((node) => node.name)).toEqual([name]);
  return nodes[0]!.id;
}

describe('topics, first/after', () => {
  it('walks every topic exactly once, in name order, five at a time', async () => {
    const seen: string[] = [];
    const pages: Array<{ slugs: string[]; hasNextPage: boolean; hasPreviousPage: boolean; totalCount: number }> = [];
    let after: string | undefined;
    for (let guard = 0; guard < 10; guard += 1) {
      const page = dataOf(await app.graphql(ConnectionsTopicsPage, { first: 5, after })).topics;
      const slugs = page.edges.map((edge) => edge.node.slug);
      seen.push(...slugs);
      pages.push({ slugs, hasNextPage: page.pageInfo.hasNextPage, hasPreviousPage: page.pageInfo.hasPreviousPage, totalCount: page.totalCount });
      expect(page.pageInfo.startCursor).toBe(page.edges[0]!.cursor);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)!.cursor);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    expect(seen).toEqual(TOPICS_BY_NAME);
    expect(new Set(seen).size).toBe(23);
    expect(pages).toEqual([
      { slugs: TOPICS_BY_NAME.slice(0, 5), hasNextPage: true, hasPreviousPage: false, totalCount: 23 },
      { slugs: TOPICS_BY_NAME.slice(5, 10), hasNextPage: true, hasPreviousPage: true, totalCount: 23 },
      { slugs: TOPICS_BY_NAME.slice(10, 15), hasNextPage: true, hasPreviousPage: true, totalCount: 23 },
      { slugs: TOPICS_BY_NAME.slice(15, 20), hasNextPage: true, hasPreviousPage: true, totalCount: 23 },
      {
        slugs: ['single-public-service', 'special-focus-groups', 'women-in-leadership'],
        hasNextPage: false,
        hasPreviousPage: true,
        totalCount: 23,
      },
    ]);
  });

  it('gives 20 topics when no page size is asked for, and says 3 more follow', async () => {
    const page = dataOf(await app.graphql(ConnectionsTopicsPage, {})).topics;
    expect(page.totalCount).toBe(23);
    expect(page.edges.map((edge) => edge.node.slug)).toEqual(TOPICS_BY_NAME.slice(0, 20));
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.pageInfo.hasPreviousPage).toBe(false);
    const rest = dataOf(await app.graphql(ConnectionsTopicsPage, { after: page.pageInfo.endCursor })).topics;
    expect(rest.edges.map((edge) => edge.node.slug)).toEqual(['single-public-service', 'special-focus-groups', 'women-in-leadership']);
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });

  it('pages the same without totalCount, which it then does not count: 5, 5, 5, 5, 3 topics', async () => {
    const pages: Array<{ slugs: string[]; hasNextPage: boolean; hasPreviousPage: boolean }> = [];
    let after: string | null | undefined;
    do {
      const page = dataOf(await app.graphql(ConnectionsTopicsPageUncounted, { first: 5, after })).topics;
      pages.push({ slugs: page.nodes.map((node) => node.slug), ...page.pageInfo });
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined;
    } while (after);
    expect(pages.map((page) => page.slugs.length)).toEqual([5, 5, 5, 5, 3]);
    expect(pages.flatMap((page) => page.slugs)).toEqual(TOPICS_BY_NAME);
    expect(pages.map((page) => [page.hasPreviousPage, page.hasNextPage])).toEqual([
      [false, true],
      [true, true],
      [true, true],
      [true, true],
      [true, false],
    ]);
  });

  it('counts when totalCount is asked for in a fragment, under an alias', async () => {
    const page = dataOf(await app.graphql(ConnectionsTopicsCountInFragment, {})).topics;
    expect(page.total).toBe(23);
    expect(page.nodes.map((node) => node.slug)).toEqual(TOPICS_BY_NAME.slice(0, 2));
  });

  it('allows first: 100 and refuses first: 101 and last: 101 with BAD_USER_INPUT', async () => {
    const all = dataOf(await app.graphql(ConnectionsTopicsPage, { first: 100 })).topics;
    expect(all.edges.map((edge) => edge.node.slug)).toEqual(TOPICS_BY_NAME);
    expect(all.pageInfo.hasNextPage).toBe(false);

    const tooMany = await app.graphql(ConnectionsTopicsPage, { first: 101 });
    expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);
    expect(tooMany.data).toBeNull();

    const tooManyBackwards = await app.graphql(ConnectionsConferencesPage, { last: 101 });
    expect(errorCodes(tooManyBackwards)).toEqual(['BAD_USER_INPUT']);

    const nested = await app.graphql(ConnectionsProgrammePage, { series: 'sms', year: 2007, first: 101 });
    expect(errorCodes(nested)).toEqual(['BAD_USER_INPUT']);
  });

  it('hands out opaque cursors that are not plain numbers, and refuses made-up ones', async () => {
    const page = dataOf(await app.graphql(ConnectionsTopicsPage, { first: 100 })).topics;
    const cursors = page.edges.map((edge) => edge.cursor);
    expect(new Set(cursors).size).toBe(23);
    for (const cursor of cursors) {
      expect(typeof cursor).toBe('string');
      expect(cursor).not.toMatch(/^[0-9]+$/);
      expect(Number.isNaN(Number(cursor))).toBe(true);
    }
    expect(errorCodes(await app.graphql(ConnectionsTopicsPage, { first: 5, after: 'garbage' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await app.graphql(ConnectionsTopicsPage, { first: 5, after: '3' }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('conferences, newest first, both ways', () => {
  it('gives the two oldest editions for last: 2', async () => {
    const page = await conferences({ last: 2 });
    expect(page.years).toEqual([2002, 2001]);
    expect(page.totalCount).toBe(7);
    expect(page.pageInfo.hasNextPage).toBe(false);
    expect(page.pageInfo.hasPreviousPage).toBe(true);
  });

  it('pages forward with after and backward with before, and between two cursors', async () => {
    const all = await conferences({ first: 100 });
    expect(all.years).toEqual([2007, 2006, 2005, 2004, 2003, 2002, 2001]);
    const cursorOf = new Map(all.edges.map((edge) => [edge.node.year, edge.cursor]));

    const firstTwo = await conferences({ first: 2 });
    expect(firstTwo.years).toEqual([2007, 2006]);
    expect(firstTwo.pageInfo.hasPreviousPage).toBe(false);
    expect(firstTwo.pageInfo.hasNextPage).toBe(true);

    const nextTwo = await conferences({ first: 2, after: firstTwo.pageInfo.endCursor! });
    expect(nextTwo.years).toEqual([2005, 2004]);
    expect(nextTwo.pageInfo.hasPreviousPage).toBe(true);
    expect(nextTwo.pageInfo.hasNextPage).toBe(true);

    const beforeThe2003 = await conferences({ last: 2, before: cursorOf.get(2003)! });
    expect(beforeThe2003.years).toEqual([2005, 2004]);
    expect(beforeThe2003.pageInfo.hasPreviousPage).toBe(true);
    expect(beforeThe2003.pageInfo.hasNextPage).toBe(true);

    const between = await conferences({ after: cursorOf.get(2006)!, before: cursorOf.get(2002)! });
    expect(between.years).toEqual([2005, 2004, 2003]);

    const firstOfBetween = await conferences({ first: 1, after: cursorOf.get(2006)!, before: cursorOf.get(2002)! });
    expect(firstOfBetween.years).toEqual([2005]);

    const afterTheLast = await conferences({ first: 2, after: cursorOf.get(2001)! });
    expect(afterTheLast.years).toEqual([]);
    expect(afterTheLast.pageInfo.hasNextPage).toBe(false);
  });

  it('walks backwards from the oldest edition to the newest with last/before', async () => {
    const pages: number[][] = [];
    let before: string | undefined;
    let hasPreviousPage = true;
    while (hasPreviousPage && pages.length < 5) {
      const page = await conferences({ last: 3, before });
      pages.push(page.years);
      hasPreviousPage = page.pageInfo.hasPreviousPage;
      before = page.pageInfo.startCursor!;
    }
    expect(pages).toEqual([[2003, 2002, 2001], [2006, 2005, 2004], [2007]]);
  });

  it('filters by a year range, inclusive at both ends', async () => {
    const range = await conferences({ filter: { fromYear: 2002, toYear: 2004 } });
    expect(range.years).toEqual([2004, 2003, 2002]);
    expect(range.totalCount).toBe(3);
    expect(range.pageInfo.hasNextPage).toBe(false);
  });

  it('combines filters: year range with documentation, series with a start year, topic with a start year', async () => {
    // 2002 to 2004 are known only by reference: none is DOCUMENTED.
    expect((await conferences({ filter: { fromYear: 2002, toYear: 2004, documentation: 'DOCUMENTED' } })).years).toEqual([]);
    expect((await conferences({ filter: { fromYear: 2002, toYear: 2004, documentation: 'REFERENCED' } })).years).toEqual([2004, 2003, 2002]);
    expect((await conferences({ filter: { seriesSlug: 'sms', fromYear: 2005 } })).years).toEqual([2007, 2006, 2005]);
    // "consulted members on professional aspects of the SMS" (2002); "a culture of professional and ethical behaviour" (2007).
    expect((await conferences({ filter: { topicSlug: 'professionalism-and-ethics' } })).years).toEqual([2007, 2002]);
    expect((await conferences({ filter: { topicSlug: 'professionalism-and-ethics', fromYear: 2003 } })).years).toEqual([2007]);
    // Paging applies to the filtered list.
    const lastOfRange = await conferences({ last: 1, filter: { fromYear: 2002, toYear: 2004 } });
    expect(lastOfRange.years).toEqual([2002]);
    expect(lastOfRange.totalCount).toBe(3);
  });
});

describe('nested connections', () => {
  it('pages through the 2007 programme in printed order', async () => {
    const refs: string[] = [];
    const flags: Array<[boolean, boolean]> = [];
    let after: string | undefined;
    for (let guard = 0; guard < 5; guard += 1) {
      const page = dataOf(await app.graphql(ConnectionsProgrammePage, { series: 'sms', year: 2007, first: 3, after })).conference!.sessions;
      expect(page.totalCount).toBe(8);
      refs.push(...page.nodes.map((node) => node.ref));
      flags.push([page.pageInfo.hasPreviousPage, page.pageInfo.hasNextPage]);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    expect(refs).toEqual(PROGRAMME_2007);
    expect(flags).toEqual([
      [false, true],
      [true, true],
      [true, false],
    ]);
  });
});

describe('filters that combine', () => {
  it('sessions by topic and role', async () => {
    const leadership = dataOf(await app.graphql(ConnectionsSessions, { filter: { topicSlug: 'leadership-development' } })).sessions;
    expect(leadership.nodes.map((node) => node.ref)).toEqual([
      'day-1-round-table',
      'day-1-commission-2',
      'day-1-commission-3',
      'day-1-gala-dinner',
      'day-2-round-table',
    ]);

    // Panels sat only at the two round tables.
    const panels = dataOf(await app.graphql(ConnectionsSessions, { filter: { topicSlug: 'leadership-development', role: 'PANELLIST' } })).sessions;
    expect(panels.totalCount).toBe(2);
    expect(panels.nodes).toEqual([
      { ref: 'day-1-round-table', title: 'Responding to Leadership Development in the Public Service in consideration of the Global challenges' },
      { ref: 'day-2-round-table', title: 'The leadership pipeline in the Public Service: Implications for Public Service Managers' },
    ]);

    // "Presenter: Prof R M Levin" (Commission 2) and "Presenter: Commissioner K Mashigo" (Commission 3).
    const presented = dataOf(await app.graphql(ConnectionsSessions, { filter: { topicSlug: 'leadership-development', role: 'PRESENTER' } })).sessions;
    expect(presented.nodes).toEqual([
      { ref: 'day-1-commission-2', title: 'Leadership Challenges in the Single Public Service' },
      { ref: 'day-1-commission-3', title: "Women in Leadership - SMS Women's Forum" },
    ]);

    const roundTables = dataOf(await app.graphql(ConnectionsSessions, { filter: { topicSlug: 'leadership-development', kind: 'ROUND_TABLE' } })).sessions;
    expect(roundTables.nodes.map((node) => node.ref)).toEqual(['day-1-round-table', 'day-2-round-table']);

    // No programme of 2001 to 2006 is at hand.
    const earlier = dataOf(await app.graphql(ConnectionsSessions, { filter: { topicSlug: 'leadership-development', fromYear: 2001, toYear: 2006 } })).sessions;
    expect(earlier.totalCount).toBe(0);
    expect(earlier.nodes).toEqual([]);
  });

  it('people by organisation and topic', async () => {
    const saps = await organisationId('South African Police Service');
    // Ms M Nchwe (Deputy Director-General, SAPS) and Dr M Singh (Deputy Commissioner, SAPS).
    const ofSaps = dataOf(await app.graphql(ConnectionsPeople, { filter: { organisationId: saps } })).people;
    expect(ofSaps.nodes.map((node) => node.displayName)).toEqual(['Ms M Nchwe', 'Dr M Singh']);
    // Only Ms Nchwe took part in a session on leadership development (Commission 2); Dr Singh chaired Day 2.
    const ofSapsOnLeadership = dataOf(await app.graphql(ConnectionsPeople, { filter: { organisationId: saps, topicSlug: 'leadership-development' } })).people;
    expect(ofSapsOnLeadership.totalCount).toBe(1);
    expect(ofSapsOnLeadership.nodes.map((node) => node.displayName)).toEqual(['Ms M Nchwe']);

    const dpsa = await organisationId('Department of Public Service and Administration');
    const ofDpsaOnTheSingleService = dataOf(await app.graphql(ConnectionsPeople, { filter: { organisationId: dpsa, topicSlug: 'single-public-service' } })).people;
    expect(ofDpsaOnTheSingleService.nodes.map((node) => node.displayName)).toEqual(['Prof R M Levin']);

    const byNameAndTopic = dataOf(await app.graphql(ConnectionsPeople, { filter: { name: 'Clark', topicSlug: 'single-public-service' } })).people;
    expect(byNameAndTopic.nodes).toEqual([]);
  });

  it('organisations by kind and parent', async () => {
    const department = await organisationId('Strategic Executive Management Services');
    const sections = dataOf(await app.graphql(ConnectionsOrganisations, { filter: { kind: 'ORGANISATIONAL_UNIT', parentId: department } })).organisations;
    expect(sections.totalCount).toBe(9);
    expect(sections.nodes.map((node) => node.name)).toEqual([
      'Communications',
      "Executive Mayor's Office",
      'Intergovernmental Relations',
      'Internal Audit',
      'Office of the Chief Whip',
      'Office of the Speaker',
      'Risk Management',
      'Special Focus',
      'Strategy Management and Institutional Development',
    ]);
    const departmentsUnderIt = dataOf(await app.graphql(ConnectionsOrganisations, { filter: { kind: 'NATIONAL_DEPARTMENT', parentId: department } })).organisations;
    expect(departmentsUnderIt.totalCount).toBe(0);
    const nationalDepartments = dataOf(await app.graphql(ConnectionsOrganisations, { filter: { kind: 'NATIONAL_DEPARTMENT', sphere: 'NATIONAL' } })).organisations;
    expect(nationalDepartments.nodes.map((node) => node.name)).toEqual(['Department of Public Service and Administration', 'Sport and Recreation South Africa']);
  });
});
