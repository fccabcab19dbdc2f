import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchSpecQuery, SearchSpecQueryVariables } from './generated/graphql.js';
import { graphql } from './generated/index.js';
import { startTestApp, type GraphQLResponse, type TestApp } from './support/app.js';

/**
 * Full-text search over the seed corpus. Every expected hit below is a record
 * whose text (as the corpus records it from data/sources/*.txt) contains the
 * words searched for; the comments quote that text.
 */

const SearchSpec = graphql(`
  query SearchSpec($query: String!, $types: [SearchType!], $first: Int, $after: String) {
    search(query: $query, types: $types, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        endCursor
      }
      edges {
        cursor
        node {
          score
          highlight
          node {
            __typename
            ... on Conference {
              year
            }
            ... on Session {
              ref
            }
            ... on Person {
              displayName
            }
            ... on Organisation {
              name
            }
            ... on Source {
              key
            }
            ... on Position {
              title
              person {
                displayName
              }
            }
          }
        }
      }
    }
  }
`);

const SearchSpecPeopleByName = graphql(`
  query SearchSpecPeopleByName($name: String!) {
    people(filter: { name: $name }) {
      totalCount
      nodes {
        displayName
      }
    }
  }
`);

type Hit = SearchSpecQuery['search']['edges'][number]['node'];

/** A readable name for a hit: its type and natural key. */
function keyOf(hit: Hit): string {
  const node = hit.node;
  switch (node.__typename) {
    case 'Conference':
      return `Conference ${node.year}`;
    case 'Session':
      return `Session ${node.ref}`;
    case 'Person':
      return `Person ${node.displayName}`;
    case 'Organisation':
      return `Organisation ${node.name}`;
    case 'Source':
      return `Source ${node.key}`;
    case 'Position':
      return `Position ${node.title} (${node.person.displayName})`;
    default:
      throw new Error('unexpected hit');
  }
}

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

function dataOf<T>(response: GraphQLResponse<T>): T {
  expect(response.errors).toBeUndefined();
  return response.data!;
}

async function search(variables: SearchSpecQueryVariables) {
  const connection = dataOf(await app.graphql(SearchSpec, { first: 100, ...variables })).search;
  const hits = connection.edges.map((edge) => edge.node);
  return { connection, hits, keys: hits.map(keyOf) };
}

const sorted = (keys: string[]) => [...keys].sort();

describe('ranking', () => {
  it('finds Commission 2 for "single public service", its title hit above the source that prints it', async () => {
    const { connection, hits, keys } = await search({ query: 'single public service' });
    // "Commission 2 • Leadership Challenges in the Single Public Service" — only the event page prints the programme.
    expect(keys).toEqual(['Session day-1-commission-2', 'Source sms-2007-event-page']);
    expect(connection.totalCount).toBe(2);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it('ranks sessions whose title has the words above records that have them only in body text', async () => {
    const { keys } = await search({ query: 'leadership challenges' });
    // Titles: "Leadership Challenges in the Single Public Service"; "Responding to Leadership Development ... Global challenges".
    expect(keys.slice(0, 2)).toEqual(['Session day-1-commission-2', 'Session day-1-round-table']);
    expect(sorted(keys.slice(2))).toEqual(['Conference 2007', 'Source sms-2007-event-page', 'Source sms-2007-media-statement']);
  });
});

describe('query syntax', () => {
  it('matches a quoted phrase only where its words stand together, unquoted words anywhere', async () => {
    const phrase = await search({ query: '"leadership challenges"' });
    // Only Commission 2's title says "Leadership Challenges" (and the event page that prints it).
    expect(phrase.keys).toEqual(['Session day-1-commission-2', 'Source sms-2007-event-page']);

    const words = await search({ query: 'leadership challenges' });
    expect(sorted(words.keys)).toEqual([
      'Conference 2007', // theme "leadership development", background "key issues and challenges"
      'Session day-1-commission-2',
      'Session day-1-round-table', // "Leadership Development ... Global challenges"
      'Source sms-2007-event-page',
      'Source sms-2007-media-statement', // "leadership development management", "key issues and challenges"
    ]);
  });

  it('takes the union of two words joined by OR', async () => {
    const women = await search({ query: 'women' });
    // "Women in Leadership - SMS Women's Forum" (Commission 3), the forum itself, and the event page.
    expect(sorted(women.keys)).toEqual(['Organisation SMS Women\'s Forum', 'Session day-1-commission-3', 'Source sms-2007-event-page']);
    const audit = await search({ query: 'audit' });
    // The department's "Internal audit" priority area and objective, its Internal Audit section, and its profile.
    expect(sorted(audit.keys)).toEqual([
      'Organisation Internal Audit',
      'Organisation Strategic Executive Management Services',
      'Source semsd-department-profile',
    ]);
    const either = await search({ query: 'women OR audit' });
    expect(either.connection.totalCount).toBe(6);
    expect(sorted(either.keys)).toEqual(sorted([...women.keys, ...audit.keys]));
  });

  it('drops records that contain a word preceded by a minus', async () => {
    const leadership = await search({ query: 'leadership' });
    expect(sorted(leadership.keys)).toEqual([
      'Conference 2007',
      'Session day-1-commission-2',
      'Session day-1-commission-3', // "Women in Leadership"
      'Session day-1-gala-dinner',
      'Session day-1-round-table',
      'Session day-2-round-table',
      'Source sms-2007-event-page', // prints "Women in Leadership"
      'Source sms-2007-media-statement',
    ]);
    const withoutWomen = await search({ query: 'leadership -women' });
    expect(sorted(withoutWomen.keys)).toEqual([
      'Conference 2007',
      'Session day-1-commission-2',
      'Session day-1-gala-dinner',
      'Session day-1-round-table',
      'Session day-2-round-table',
      'Source sms-2007-media-statement',
    ]);
    expect(withoutWomen.keys).not.toContain('Session day-1-commission-3');

    // The phrase is in Commission 2 and in the event page, which also says "Commission".
    expect((await search({ query: '"single public service" -commission' })).keys).toEqual(['Session day-1-commission-2']);
  });

  it('stems English: "mentor" finds the 2007 edition, whose focus says "mentoring"', async () => {
    const { keys, hits } = await search({ query: 'mentor' });
    expect(sorted(keys)).toEqual(['Conference 2007', 'Source sms-2007-event-page', 'Source sms-2007-media-statement']);
    const conference = hits.find((hit) => keyOf(hit) === 'Conference 2007')!;
    // "mentor" is a synonym's stem ("mentoring"), but it finds something as it is: the topic's other synonyms are not looked for.
    expect(conference.highlight).toContain('coaching and <b>mentoring</b> will be discussed');
    expect(sorted((await search({ query: 'Mentors' })).keys)).toEqual(sorted(keys));
  });

  it('ignores case and accents: "LÉVIN", "Lévin" and "levin" find Prof R M Levin', async () => {
    for (const query of ['LÉVIN', 'Lévin', 'levin']) {
      const { keys, hits } = await search({ query });
      // The person, the event page that lists "Prof R M Levin" twice, and, weighing least, the two sessions he took part in.
      expect(keys, query).toEqual(['Person Prof R M Levin', 'Source sms-2007-event-page', 'Session day-1-round-table', 'Session day-1-commission-2']);
      expect(hits[0]!.highlight, query).toBe('Prof R M <b>Levin</b>');
    }
    expect(sorted((await search({ query: 'LEADERSHIP' })).keys)).toEqual(sorted((await search({ query: 'leadership' })).keys));
  });

  it('finds "Auditor-General" and "Auditor General" alike, the hyphen folded in the query and the documents', async () => {
    // The department's objective "Ensure that issues raised by Auditor General are adequately addressed", and its profile.
    const expected = ['Organisation Strategic Executive Management Services', 'Source semsd-department-profile'];
    for (const query of ['Auditor General', 'Auditor-General', 'auditor–general', 'Auditor/General', '"auditor-general"']) {
      expect((await search({ query })).keys, query).toEqual(expected);
    }
    // "Fraser-Moleketi" is two words as well: either half finds her, and so does the whole with a space.
    for (const query of ['Fraser-Moleketi', 'Moleketi', 'fraser moleketi']) {
      expect((await search({ query, types: ['PERSON'] })).keys, query).toEqual(['Person Ms G J Fraser-Moleketi']);
    }
  });

  it('refuses an empty, blank or punctuation-only query with BAD_USER_INPUT', async () => {
    for (const query of ['', '   ', '-', '"" --- ?!', '…']) {
      const response = await app.graphql(SearchSpec, { query });
      expect(response.errors?.map((error) => error.extensions?.code), JSON.stringify(query)).toEqual(['BAD_USER_INPUT']);
      expect(response.data).toBeNull();
    }
  });
});

describe('types', () => {
  it('keeps only the kinds of record asked for', async () => {
    expect((await search({ query: 'Levin', types: ['PERSON'] })).keys).toEqual(['Person Prof R M Levin']);
    expect((await search({ query: 'Levin', types: ['SOURCE'] })).keys).toEqual(['Source sms-2007-event-page']);
    expect((await search({ query: 'women', types: ['SESSION', 'ORGANISATION'] })).keys).toEqual([
      'Session day-1-commission-3',
      "Organisation SMS Women's Forum",
    ]);
    expect((await search({ query: 'mentor', types: ['PERSON'] })).keys).toEqual([]);
  });
});

describe('names', () => {
  const cases: Array<[string, string]> = [
    ['Levin', 'Prof R M Levin'],
    ['levin r', 'Prof R M Levin'],
    ['r m levin', 'Prof R M Levin'],
    ['Prof Levin', 'Prof R M Levin'],
    ['Levine', 'Prof R M Levin'], // misspelt
    ['LÉVIN', 'Prof R M Levin'],
    ['Fraser Moleketi', 'Ms G J Fraser-Moleketi'], // the source writes "Ms GJ Fraser-Moleketi"
    ['Msengana Ndlela', 'Ms L Msengana-Ndlela'],
  ];

  it('finds the right person in search restricted to PERSON', async () => {
    for (const [query, displayName] of cases) {
      const { keys, connection } = await search({ query, types: ['PERSON'] });
      expect(keys, query).toEqual([`Person ${displayName}`]);
      expect(connection.totalCount, query).toBe(1);
    }
  });

  it('finds the right person with the people name filter', async () => {
    for (const [name, displayName] of cases) {
      const people = dataOf(await app.graphql(SearchSpecPeopleByName, { name })).people;
      expect(people.nodes.map((node) => node.displayName), name).toEqual([displayName]);
    }
  });

  it('does not stretch a name to someone else', async () => {
    expect((await search({ query: 'Levinson', types: ['PERSON'] })).keys).toEqual([]);
    expect(dataOf(await app.graphql(SearchSpecPeopleByName, { name: 'Levinson' })).people.nodes).toEqual([]);
  });
});

describe('highlights', () => {
  it('marks each matched word with <b>…</b>', async () => {
    const { hits } = await search({ query: 'single public service' });
    // Commission 2's title, then its key issues "Implications of the Single Public Service" and
    // "Key Challenges and Elements of A Single Public Service and Its Impact on Leadership".
    expect(hits[0]!.highlight).toBe(
      'Leadership Challenges in the <b>Single</b> <b>Public</b> <b>Service</b> — Implications of the <b>Single</b> <b>Public</b> <b>Service</b> Key Challenges and Elements of A <b>Single</b> <b>Public</b> <b>Service</b> and Its Impact on Leadership',
    );
    const person = await search({ query: 'levin r', types: ['PERSON'] });
    expect(person.hits[0]!.highlight).toBe('Prof <b>R</b> M <b>Levin</b>');
  });

  it('shows the whole of a short name, not just its end from the matched word on', async () => {
    const person = await search({ query: 'Fraser Moleketi', types: ['PERSON'] });
    expect(person.hits[0]!.highlight).toBe('Ms G J <b>Fraser</b>-<b>Moleketi</b>');
    const forum = await search({ query: 'women', types: ['ORGANISATION'] });
    expect(forum.keys).toEqual(["Organisation SMS Women's Forum"]);
    expect(forum.hits[0]!.highlight).toBe("SMS <b>Women</b>'s Forum");
  });

  it('shows the matched words of a conference that matched in its background', async () => {
    // The 2007 background: "Demands for services, poverty relief, more inclusion in governance, ..."
    const { keys, hits } = await search({ query: 'poverty', types: ['CONFERENCE'] });
    expect(keys).toEqual(['Conference 2007']);
    expect(hits[0]!.highlight).toContain('<b>poverty</b> relief');
  });
});

describe('paging', () => {
  /** Every record with "management" (or "managers") in its text. */
  const MANAGEMENT = [
    'Conference 2001', // "Senior Management Service Conference 2001", and so on to 2007
    'Conference 2002',
    'Conference 2003',
    'Conference 2004',
    'Conference 2005',
    'Conference 2006',
    'Conference 2007',
    'Organisation Risk Management',
    'Organisation Strategic Executive Management Services',
    'Organisation Strategy Management and Institutional Development',
    'Session day-1-commission-1', // "Organisational Performance Management"
    'Session day-1-gala-dinner', // "Draft Leadership Development Management Strategic Framework"
    'Session day-2-round-table', // "Implications for Public Service Managers"
    'Source semsd-department-profile',
    'Source sms-2007-event-page',
    'Source sms-2007-media-statement',
  ];

  it('walks every hit exactly once with first/after, in the order of one big page', async () => {
    const whole = await search({ query: 'management', first: 100 });
    expect(whole.connection.totalCount).toBe(16);
    expect(sorted(whole.keys)).toEqual(MANAGEMENT);
    expect(whole.connection.pageInfo.hasNextPage).toBe(false);

    const walked: string[] = [];
    const flags: Array<[boolean, boolean, number]> = [];
    let after: string | undefined;
    for (let guard = 0; guard < 10; guard += 1) {
      const page = await search({ query: 'management', first: 5, after });
      walked.push(...page.keys);
      flags.push([page.connection.pageInfo.hasPreviousPage, page.connection.pageInfo.hasNextPage, page.connection.totalCount]);
      if (!page.connection.pageInfo.hasNextPage) break;
      after = page.connection.pageInfo.endCursor!;
    }
    expect(walked).toEqual(whole.keys);
    expect(new Set(walked).size).toBe(16);
    expect(flags).toEqual([
      [false, true, 16],
      [true, true, 16],
      [true, true, 16],
      [true, false, 16],
    ]);
  });

  it('counts every hit even when the page asked for is empty', async () => {
    // As for any other connection (topics(first: 0) says 23 topics and a next page), first: 0 asks only for the count.
    const countOnly = await search({ query: 'management', first: 0 });
    expect(countOnly.keys).toEqual([]);
    expect(countOnly.connection.totalCount).toBe(16);
    expect(countOnly.connection.pageInfo.hasNextPage).toBe(true);
  });

  it('refuses more than 100 hits a page', async () => {
    const response = await app.graphql(SearchSpec, { query: 'management', first: 101 });
    expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('forgiving queries', () => {
  it('corrects a name with two letters swapped: "Ijoema" finds Dr E Ijeoma', async () => {
    const swapped = await search({ query: 'Ijoema' });
    expect(swapped.keys).toEqual((await search({ query: 'Ijeoma' })).keys);
    expect(swapped.keys[0]).toBe('Person Dr E Ijeoma');
    expect((await search({ query: 'Ijoema', types: ['PERSON'] })).keys).toEqual(['Person Dr E Ijeoma']);
    expect((await search({ query: 'Mashgio', types: ['PERSON'] })).keys).toEqual(['Person Commissioner K Mashigo']);
  });

  it('corrects only a word of four letters or more that finds nothing, to a name one slip away', async () => {
    // Two slips from "ijeoma", three from "levin", two from "perez": no one.
    for (const query of ['Ijoemas', 'Levinson', 'Perry']) expect((await search({ query })).keys, query).toEqual([]);
    // "ijo" is too short to correct, and no name is that close by trigrams.
    expect((await search({ query: 'Ijo' })).keys).toEqual([]);
  });

  it('widens a word of the topic taxonomy to its topic: "mentorship" finds coaching and mentoring', async () => {
    // Nothing says "mentorship"; coaching-and-mentoring lists it as a synonym beside "coaching" and "mentoring".
    const { keys } = await search({ query: 'mentorship' });
    expect(sorted(keys)).toEqual(['Conference 2007', 'Source sms-2007-event-page', 'Source sms-2007-media-statement']);
    // Several words stay the narrower question they are: both words, not their topic.
    expect((await search({ query: 'mentorship programme' })).keys).toEqual([]);
  });
});

describe('positions and the people of sessions', () => {
  it('searches positions by title and organisation', async () => {
    // Three Deputy Directors-General: two of the DPSA, one of the South African Police Service.
    const deputies = await search({ query: 'Deputy Director-General', types: ['POSITION'] });
    expect(sorted(deputies.keys)).toEqual([
      'Position Deputy Director-General (Dr E Kornegay)',
      'Position Deputy Director-General (Ms C Clark)',
      'Position Deputy Director-General (Ms M Nchwe)',
    ]);
    // The title and the organisation's acronym together: the DPSA's Director-General and its two deputies, not the police's.
    const dpsa = await search({ query: 'Director-General DPSA', types: ['POSITION'] });
    expect(sorted(dpsa.keys)).toEqual([
      'Position Deputy Director-General (Dr E Kornegay)',
      'Position Deputy Director-General (Ms C Clark)',
      'Position Director-General (Prof R M Levin)',
    ]);
    const levin = dpsa.hits.find((hit) => keyOf(hit) === 'Position Director-General (Prof R M Levin)')!;
    expect(levin.highlight).toBe('<b>Director</b>-<b>General</b> — Department of Public Service and Administration — <b>DPSA</b>');
    // By the organisation's name alone: the two positions at the South African Police Service.
    expect(sorted((await search({ query: 'police', types: ['POSITION'] })).keys)).toEqual([
      'Position Deputy Commissioner (Dr M Singh)',
      'Position Deputy Director-General (Ms M Nchwe)',
    ]);
  });

  it("finds a session by a presenter's name or organisation, below records that hold the words themselves", async () => {
    // Commissioner K Mashigo presented at Commission 3; the session's own text never names him.
    const mashigo = await search({ query: 'Mashigo', types: ['SESSION'] });
    expect(mashigo.keys).toEqual(['Session day-1-commission-3']);
    expect(mashigo.hits[0]!.highlight).toContain('Commissioner K <b>Mashigo</b>, Public Service Commission');
    // Dr E Ijeoma of the University of Pretoria presented at Commission 1.
    expect((await search({ query: 'Pretoria', types: ['SESSION'] })).keys).toEqual(['Session day-1-commission-1']);
    // Over every type, the person and the event page that names him outrank the session he is only the context of.
    const everything = await search({ query: 'Mashigo' });
    expect(everything.keys).toEqual(['Person Commissioner K Mashigo', 'Source sms-2007-event-page', 'Session day-1-commission-3']);
  });
});

