import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Conference, ConferenceSeries } from '../src/entities/index.js';
import { DocumentationStatus } from '../src/entities/enums.js';
import { graphql } from './generated/index.js';
import { startTestApp, type GraphQLResponse, type TestApp } from './support/app.js';

/**
 * Topics and their evidence. CURATED links come from data/corpus/*.yaml with
 * the phrase the curator chose; AUTOMATIC links are taxonomy names and
 * synonyms (data/corpus/topics.yaml) found as phrases in a record's text.
 */

const OPM = 'organisational-performance-management';

/** The 2007 edition's topics: its own and its sessions'. */
const TOPICS_2007 = [
  'assessment-and-development-centres', // "Assessment and Development Centres"
  'coaching-and-mentoring', // "coaching and mentoring"
  'leadership-development', // "Leadership Development Management Framework", the round tables, Commissions 2 and 3
  'learning-and-development', // "training and development, learning"
  'networking-and-peer-learning', // "meet with their peers and to share experiences"
  OPM, // "Organisational Performance Management", Commission 1
  'performance-management', // "proper consultation on Performance Management"
  'professionalism-and-ethics', // "Develops a culture of professional and ethical behaviour"
  'service-delivery', // "service delivery improvement"
  'single-public-service', // Commission 2
  'women-in-leadership', // Commission 3
];

const TopicsSessionEvidence = graphql(`
  query TopicsSessionEvidence($series: String!, $year: Int!) {
    conference(seriesSlug: $series, year: $year) {
      sessions(first: 50) {
        nodes {
          ref
          title
          keyIssues
          description
          topics {
            slug
          }
          topicAssignments {
            topic {
              slug
            }
            origin
            evidence
          }
        }
      }
    }
  }
`);

const TopicsOrganisationEvidence = graphql(`
  query TopicsOrganisationEvidence($name: String!) {
    organisations(filter: { name: $name }) {
      nodes {
        name
        objectives
        priorityAreas
        topics {
          slug
        }
        topicAssignments {
          topic {
            slug
          }
          origin
          evidence
        }
      }
    }
  }
`);

const TopicsPersonTopics = graphql(`
  query TopicsPersonTopics($name: String!) {
    people(filter: { name: $name }) {
      nodes {
        displayName
        topics {
          slug
        }
      }
    }
  }
`);

const TopicsTopicLinks = graphql(`
  query TopicsTopicLinks($slug: String!) {
    topic(slug: $slug) {
      slug
      people {
        displayName
      }
      organisations {
        name
      }
      conferences {
        year
      }
    }
  }
`);

const TopicsTimeline = graphql(`
  query TopicsTimeline($topicSlugs: [String!], $seriesSlug: String, $fromYear: Int, $toYear: Int) {
    topicTimeline(topicSlugs: $topicSlugs, seriesSlug: $seriesSlug, fromYear: $fromYear, toYear: $toYear) {
      topic {
        slug
      }
      year
      sessionCount
      conferenceCount
      known
      documentation
    }
  }
`);

const TopicsTopicTimeline = graphql(`
  query TopicsTopicTimeline($slug: String!, $fromYear: Int, $toYear: Int, $seriesSlug: String) {
    topic(slug: $slug) {
      timeline(fromYear: $fromYear, toYear: $toYear, seriesSlug: $seriesSlug) {
        topic {
          slug
        }
        year
        sessionCount
        conferenceCount
        known
        documentation
      }
    }
  }
`);

const TopicsEditionId = graphql(`
  query TopicsEditionId($series: String!, $year: Int!) {
    conference(seriesSlug: $series, year: $year) {
      id
      topics {
        slug
      }
    }
  }
`);

const TopicsCompare = graphql(`
  query TopicsCompare($leftId: ID!, $rightId: ID!) {
    compareConferences(leftId: $leftId, rightId: $rightId) {
      left {
        year
      }
      right {
        year
      }
      sharedTopics {
        slug
      }
      onlyLeft {
        slug
      }
      onlyRight {
        slug
      }
      similarity
      comparable
      knownSimilarity
      reason
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

type Assignment = { topic: { slug: string }; origin: string; evidence: string };

/** The assignments of one origin as [slug, evidence], by slug. */
function assignments(list: Assignment[], origin: 'CURATED' | 'AUTOMATIC') {
  return list
    .filter((assignment) => assignment.origin === origin)
    .map((assignment) => [assignment.topic.slug, assignment.evidence] as const)
    .sort(([left], [right]) => left.localeCompare(right));
}

async function session(ref: string) {
  const sessions = dataOf(await app.graphql(TopicsSessionEvidence, { series: 'sms', year: 2007 })).conference!.sessions.nodes;
  return sessions.find((candidate) => candidate.ref === ref)!;
}

async function organisation(name: string) {
  const nodes = dataOf(await app.graphql(TopicsOrganisationEvidence, { name })).organisations.nodes;
  const found = nodes.find((candidate) => candidate.name === name);
  expect(found, name).toBeDefined();
  return found!;
}

async function editionId(year: number) {
  return dataOf(await app.graphql(TopicsEditionId, { series: 'sms', year })).conference!.id;
}

type Row = { topic: { slug: string }; year: number; sessionCount: number; conferenceCount: number; known: boolean; documentation: string };
/** Timeline rows as [slug, year, sessions, conferences, known, documentation], by slug then year. */
function table(rows: Row[]) {
  return rows
    .map((row) => [row.topic.slug, row.year, row.sessionCount, row.conferenceCount, row.known, row.documentation] as const)
    .sort((left, right) => left[0].localeCompare(right[0]) || left[1] - right[1]);
}

describe('evidence for a session', () => {
  it("gives Commission 1 its curated topics with the curator's phrases", async () => {
    const commission1 = await session('day-1-commission-1');
    expect(commission1.title).toBe('Organisational Performance Management');
    expect(assignments(commission1.topicAssignments, 'CURATED')).toEqual([
      [OPM, 'Organisational Performance Management'],
      ['service-delivery', 'Key Steps to Improving Service Delivery Through OPM'],
    ]);
  });

  it('gives Commission 1 automatic topics whose evidence is a phrase of its own text', async () => {
    const commission1 = await session('day-1-commission-1');
    expect(assignments(commission1.topicAssignments, 'AUTOMATIC')).toEqual([
      [OPM, 'organisational performance management'], // the title
      ['performance-management', 'performance management'], // "Organisational Performance Management"
      ['service-delivery', 'improving service delivery'], // "Key Steps to Improving Service Delivery Through OPM"
    ]);
    const text = [commission1.title, ...commission1.keyIssues, commission1.description ?? ''].join('\n').toLowerCase();
    for (const [, evidence] of assignments(commission1.topicAssignments, 'AUTOMATIC')) expect(text, evidence).toContain(evidence);
    expect(commission1.topics.map((topic) => topic.slug)).toEqual([OPM, 'performance-management', 'service-delivery']);
  });

  it('gives Commission 2 the single public service and leadership development, both ways', async () => {
    const commission2 = await session('day-1-commission-2');
    expect(assignments(commission2.topicAssignments, 'CURATED')).toEqual([
      ['leadership-development', 'Leadership Challenges'],
      ['single-public-service', 'Leadership Challenges in the Single Public Service'],
    ]);
    expect(assignments(commission2.topicAssignments, 'AUTOMATIC')).toEqual([
      ['leadership-development', 'leadership challenges'],
      ['single-public-service', 'single public service'],
    ]);
  });

  it('gives the breakaway and the empty Commission 4 no topics', async () => {
    expect((await session('day-1-breakaway-commissions')).topicAssignments).toEqual([]);
    expect((await session('day-1-commission-4')).topicAssignments).toEqual([]);
  });
});

describe('evidence for an organisation', () => {
  it("matches the municipal department's priority areas and objectives to the taxonomy", async () => {
    const department = await organisation('Strategic Executive Management Services');
    const automatic = assignments(department.topicAssignments, 'AUTOMATIC');
    expect(automatic).toEqual([
      ['communication', 'marketing, advocacy and events management'],
      ['council-support', 'council and administrative support'], // priority area
      ['fraud-and-corruption', 'fraud and corruption'],
      ['governance-and-accountability', 'accountable and transparent governance'],
      ['intergovernmental-relations', 'intergovernmental relations'], // priority area
      ['internal-audit', 'independent objective assurance'],
      ['mayoral-support', 'mayoral support services'], // priority area
      ['monitoring-and-evaluation', 'performance monitoring and evaluation'],
      [OPM, 'organisational performance management'], // priority area
      ['performance-management', 'performance management systems'],
      ['public-participation', 'participation, interaction and partnership'],
      ['risk-management', 'risk management'], // priority area
      ['service-delivery', 'putting people first'],
      ['special-focus-groups', 'special focus groupings'],
    ]);
    const text = [...department.objectives, ...department.priorityAreas].join('\n').toLowerCase();
    for (const [, evidence] of automatic) expect(text, evidence).toContain(evidence);
    // The priority areas themselves name these three topics.
    const areas = department.priorityAreas.map((area) => area.toLowerCase());
    expect(areas).toContain('risk management');
    expect(areas).toContain('internal audit');
    expect(areas).toContain('intergovernmental relations');
    expect(department.topics.map((topic) => topic.slug)).toEqual([
      'communication',
      'council-support',
      'fraud-and-corruption',
      'governance-and-accountability',
      'intergovernmental-relations',
      'internal-audit',
      'mayoral-support',
      'monitoring-and-evaluation',
      OPM,
      'performance-management',
      'public-participation',
      'risk-management',
      'service-delivery',
      'special-focus-groups',
    ]);
  });

  it("links the department's sections by their names", async () => {
    const risk = await organisation('Risk Management');
    expect(assignments(risk.topicAssignments, 'CURATED')).toEqual([['risk-management', 'Risk Management']]);
    expect(assignments(risk.topicAssignments, 'AUTOMATIC')).toEqual([['risk-management', 'risk management']]);
    const speaker = await organisation('Office of the Speaker');
    expect(assignments(speaker.topicAssignments, 'CURATED')).toEqual([]);
    expect(assignments(speaker.topicAssignments, 'AUTOMATIC')).toEqual([['council-support', 'office of the speaker']]);
  });
});

describe('topics of people, and people and organisations of topics', () => {
  it("gives a person the topics of the sessions they took part in", async () => {
    const topicsOf = async (name: string) =>
      dataOf(await app.graphql(TopicsPersonTopics, { name })).people.nodes.map((person) => [person.displayName, person.topics.map((topic) => topic.slug)]);
    // Day 1 round table (leadership development) and Commission 2 (single public service, leadership challenges).
    expect(await topicsOf('Levin')).toEqual([['Prof R M Levin', ['leadership-development', 'single-public-service']]]);
    // Presented Commission 1.
    expect(await topicsOf('Ijeoma')).toEqual([['Dr E Ijeoma', [OPM, 'performance-management', 'service-delivery']]]);
    // Chaired Day 1 (not a session) and sat on the Day 2 round table on the leadership pipeline.
    expect(await topicsOf('Clark')).toEqual([['Ms C Clark', ['leadership-development']]]);
    // Only chaired Day 2.
    expect(await topicsOf('Singh')).toEqual([['Dr M Singh', []]]);
  });

  it('lists the people and organisations of a topic', async () => {
    const links = async (slug: string) => dataOf(await app.graphql(TopicsTopicLinks, { slug })).topic!;
    expect(await links('single-public-service')).toEqual({
      slug: 'single-public-service',
      people: [{ displayName: 'Prof R M Levin' }, { displayName: 'Ms M Nchwe' }],
      organisations: [{ name: 'Department of Public Service and Administration' }, { name: 'South African Police Service' }],
      conferences: [{ year: 2007 }],
    });
    expect(await links(OPM)).toEqual({
      slug: OPM,
      people: [{ displayName: 'Dr E Ijeoma' }, { displayName: 'Mr L Mthethwa' }],
      // CPSI and the University of Pretoria through Commission 1; the department through its priority area.
      organisations: [
        { name: 'Centre for Public Service Innovation' },
        { name: 'Strategic Executive Management Services' },
        { name: 'University of Pretoria' },
      ],
      conferences: [{ year: 2007 }],
    });
    expect(await links('women-in-leadership')).toEqual({
      slug: 'women-in-leadership',
      people: [{ displayName: 'Commissioner K Mashigo' }, { displayName: 'Ms X Sibeko' }],
      organisations: [{ name: 'Public Service Commission' }, { name: "SMS Women's Forum" }, { name: 'Sport and Recreation South Africa' }],
      conferences: [{ year: 2007 }],
    });
    expect(await links('risk-management')).toEqual({
      slug: 'risk-management',
      people: [],
      organisations: [{ name: 'Risk Management' }, { name: 'Strategic Executive Management Services' }],
      conferences: [],
    });
    expect(await links('professionalism-and-ethics')).toEqual({
      slug: 'professionalism-and-ethics',
      people: [],
      organisations: [],
      conferences: [{ year: 2007 }, { year: 2002 }],
    });
  });
});

describe('timelines', () => {
  it('gives one row per topic per year of the range, known only for documented 2007: the referenced 2001–2006 and edition-less 2008 are unknown', async () => {
    const rows = dataOf(
      await app.graphql(TopicsTimeline, {
        topicSlugs: ['leadership-development', 'professionalism-and-ethics', 'risk-management'],
        seriesSlug: 'sms',
        fromYear: 2001,
        toYear: 2008,
      }),
    ).topicTimeline;
    expect(table(rows)).toEqual([
      ['leadership-development', 2001, 0, 0, false, 'REFERENCED'],
      ['leadership-development', 2002, 0, 0, false, 'REFERENCED'],
      ['leadership-development', 2003, 0, 0, false, 'REFERENCED'],
      ['leadership-development', 2004, 0, 0, false, 'REFERENCED'],
      ['leadership-development', 2005, 0, 0, false, 'REFERENCED'],
      ['leadership-development', 2006, 0, 0, false, 'REFERENCED'],
      // Both round tables, Commissions 2 and 3 and the gala dinner; the edition itself.
      ['leadership-development', 2007, 5, 1, true, 'DOCUMENTED'],
      ['leadership-development', 2008, 0, 0, false, 'NO_EDITION'],
      ['professionalism-and-ethics', 2001, 0, 0, false, 'REFERENCED'],
      // "consulted members on professional aspects of the SMS"
      ['professionalism-and-ethics', 2002, 0, 1, false, 'REFERENCED'],
      ['professionalism-and-ethics', 2003, 0, 0, false, 'REFERENCED'],
      ['professionalism-and-ethics', 2004, 0, 0, false, 'REFERENCED'],
      ['professionalism-and-ethics', 2005, 0, 0, false, 'REFERENCED'],
      ['professionalism-and-ethics', 2006, 0, 0, false, 'REFERENCED'],
      // "Develops a culture of professional and ethical behaviour", an objective of the edition, not of a session.
      ['professionalism-and-ethics', 2007, 0, 1, true, 'DOCUMENTED'],
      ['professionalism-and-ethics', 2008, 0, 0, false, 'NO_EDITION'],
      // Only the municipal department and its section carry risk management: no conference or session does.
      ['risk-management', 2001, 0, 0, false, 'REFERENCED'],
      ['risk-management', 2002, 0, 0, false, 'REFERENCED'],
      ['risk-management', 2003, 0, 0, false, 'REFERENCED'],
      ['risk-management', 2004, 0, 0, false, 'REFERENCED'],
      ['risk-management', 2005, 0, 0, false, 'REFERENCED'],
      ['risk-management', 2006, 0, 0, false, 'REFERENCED'],
      ['risk-management', 2007, 0, 0, true, 'DOCUMENTED'],
      ['risk-management', 2008, 0, 0, false, 'NO_EDITION'],
    ]);
    expect(rows).toHaveLength(24);
  });

  it('knows nothing in a series that does not exist: unknown rows for a year range, no rows without one', async () => {
    const ranged = dataOf(
      await app.graphql(TopicsTimeline, {
        topicSlugs: ['leadership-development', 'professionalism-and-ethics'],
        seriesSlug: 'no-such-series',
        fromYear: 2001,
        toYear: 2003,
      }),
    ).topicTimeline;
    expect(table(ranged)).toEqual([
      ['leadership-development', 2001, 0, 0, false, 'NO_EDITION'],
      ['leadership-development', 2002, 0, 0, false, 'NO_EDITION'],
      ['leadership-development', 2003, 0, 0, false, 'NO_EDITION'],
      ['professionalism-and-ethics', 2001, 0, 0, false, 'NO_EDITION'],
      ['professionalism-and-ethics', 2002, 0, 0, false, 'NO_EDITION'],
      ['professionalism-and-ethics', 2003, 0, 0, false, 'NO_EDITION'],
    ]);
    const open = dataOf(await app.graphql(TopicsTimeline, { topicSlugs: ['leadership-development'], seriesSlug: 'no-such-series' })).topicTimeline;
    expect(open).toEqual([]);
  });

  it('spans the years of the series when no range is given', async () => {
    const rows = dataOf(await app.graphql(TopicsTimeline, { topicSlugs: ['leadership-development'] })).topicTimeline;
    expect(table(rows)).toEqual([
      ['leadership-development', 2001, 0, 0, false, 'REFERENCED'],
      ['leadership-development', 2002, 0, 0, false, 'REFERENCED'],
      ['leadership-development', 2003, 0, 0, false, 'REFERENCED'],
      ['leadership-development', 2004, 0, 0, false, 'REFERENCED'],
      ['leadership-development', 2005, 0, 0, false, 'REFERENCED'],
      ['leadership-development', 2006, 0, 0, false, 'REFERENCED'],
      ['leadership-development', 2007, 5, 1, true, 'DOCUMENTED'],
    ]);
  });

  it('calls a year partly documented, and not known, when a documented edition shares it with a referenced one', async () => {
    const em = app.lekgotla.database.orm.em.fork();
    const series = em.create(ConferenceSeries, { slug: 'provincial-test', name: 'A Provincial Conference' });
    em.create(Conference, { series, year: 2007, title: 'A Provincial Conference 2007', documentation: DocumentationStatus.REFERENCED });
    await em.flush();
    try {
      const rows = dataOf(await app.graphql(TopicsTimeline, { topicSlugs: ['leadership-development'], fromYear: 2006, toYear: 2007 })).topicTimeline;
      expect(table(rows)).toEqual([
        ['leadership-development', 2006, 0, 0, false, 'REFERENCED'],
        // The SMS edition's five sessions are counted; the provincial edition's are not known.
        ['leadership-development', 2007, 5, 1, false, 'PARTLY_DOCUMENTED'],
      ]);
      const sms = dataOf(await app.graphql(TopicsTimeline, { topicSlugs: ['leadership-development'], seriesSlug: 'sms', fromYear: 2007, toYear: 2007 })).topicTimeline;
      expect(table(sms)).toEqual([['leadership-development', 2007, 5, 1, true, 'DOCUMENTED']]);
    } finally {
      await em.nativeDelete(Conference, { series: { slug: 'provincial-test' } });
      await em.nativeDelete(ConferenceSeries, { slug: 'provincial-test' });
    }
  });

  it('refuses a range that ends before it starts', async () => {
    const response = await app.graphql(TopicsTimeline, { topicSlugs: ['leadership-development'], fromYear: 2008, toYear: 2001 });
    expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });

  it("gives a topic's own timeline from 2000 to 2008 as nine rows, the years without an edition unknown", async () => {
    const rows = dataOf(await app.graphql(TopicsTopicTimeline, { slug: 'professionalism-and-ethics', fromYear: 2000, toYear: 2008 })).topic!.timeline;
    expect(table(rows)).toEqual([
      ['professionalism-and-ethics', 2000, 0, 0, false, 'NO_EDITION'],
      ['professionalism-and-ethics', 2001, 0, 0, false, 'REFERENCED'],
      ['professionalism-and-ethics', 2002, 0, 1, false, 'REFERENCED'],
      ['professionalism-and-ethics', 2003, 0, 0, false, 'REFERENCED'],
      ['professionalism-and-ethics', 2004, 0, 0, false, 'REFERENCED'],
      ['professionalism-and-ethics', 2005, 0, 0, false, 'REFERENCED'],
      ['professionalism-and-ethics', 2006, 0, 0, false, 'REFERENCED'],
      ['professionalism-and-ethics', 2007, 0, 1, true, 'DOCUMENTED'],
      ['professionalism-and-ethics', 2008, 0, 0, false, 'NO_EDITION'],
    ]);
    const single = dataOf(await app.graphql(TopicsTopicTimeline, { slug: 'single-public-service', fromYear: 2000, toYear: 2008, seriesSlug: 'sms' })).topic!.timeline;
    expect(single.map((row) => [row.year, row.sessionCount, row.conferenceCount, row.known])).toEqual([
      [2000, 0, 0, false],
      [2001, 0, 0, false],
      [2002, 0, 0, false],
      [2003, 0, 0, false],
      [2004, 0, 0, false],
      [2005, 0, 0, false],
      [2006, 0, 0, false],
      [2007, 1, 1, true],
      [2008, 0, 0, false],
    ]);
  });
});

describe('comparing editions', () => {
  it('cannot compare 2007 with the referenced 2002, though the recorded topics share one out of eleven', async () => {
    const [left, right] = [await editionId(2007), await editionId(2002)];
    const comparison = dataOf(await app.graphql(TopicsCompare, { leftId: left, rightId: right })).compareConferences;
    const slugs = (topics: Array<{ slug: string }>) => topics.map((topic) => topic.slug);
    expect(comparison.left.year).toBe(2007);
    expect(comparison.right.year).toBe(2002);
    expect(slugs(comparison.sharedTopics)).toEqual(['professionalism-and-ethics']);
    expect(slugs(comparison.onlyLeft)).toEqual([
      'assessment-and-development-centres',
      'coaching-and-mentoring',
      'leadership-development',
      'learning-and-development',
      'networking-and-peer-learning',
      OPM,
      'performance-management',
      'service-delivery',
      'single-public-service',
      'women-in-leadership',
    ]);
    expect(slugs(comparison.onlyRight)).toEqual([]);
    const shared = comparison.sharedTopics.length;
    const union = shared + comparison.onlyLeft.length + comparison.onlyRight.length;
    expect(union).toBe(TOPICS_2007.length);
    expect(comparison.similarity).toBeCloseTo(shared / union, 12);
    expect(comparison.similarity).toBeCloseTo(1 / 11, 12);
    expect([comparison.comparable, comparison.knownSimilarity, comparison.reason]).toEqual([
      false,
      null,
      'Senior Management Service Conference 2002 is only referenced, so its topics are not fully known and the editions cannot be compared',
    ]);

    const reversed = dataOf(await app.graphql(TopicsCompare, { leftId: right, rightId: left })).compareConferences;
    expect(slugs(reversed.onlyLeft)).toEqual([]);
    expect(slugs(reversed.onlyRight)).toEqual(slugs(comparison.onlyLeft));
    expect(reversed.similarity).toBeCloseTo(1 / 11, 12);
    expect([reversed.comparable, reversed.knownSimilarity]).toEqual([false, null]);
  });

  it('says that two referenced editions cannot be compared, rather than calling them dissimilar', async () => {
    const comparison = dataOf(await app.graphql(TopicsCompare, { leftId: await editionId(2001), rightId: await editionId(2003) })).compareConferences;
    // Nothing is recorded of either edition's topics: the deprecated similarity says 1 (two empty sets), which means nothing.
    expect([comparison.sharedTopics, comparison.onlyLeft, comparison.onlyRight, comparison.similarity]).toEqual([[], [], [], 1]);
    expect([comparison.comparable, comparison.knownSimilarity, comparison.reason]).toEqual([
      false,
      null,
      'Senior Management Service Conference 2001 and Senior Management Service Conference 2003 are only referenced, so their topics are not fully known and the editions cannot be compared',
    ]);
    const withItself = dataOf(await app.graphql(TopicsCompare, { leftId: await editionId(2001), rightId: await editionId(2001) })).compareConferences;
    expect([withItself.comparable, withItself.knownSimilarity, withItself.reason]).toEqual([
      false,
      null,
      'Senior Management Service Conference 2001 is only referenced, so its topics are not fully known and the editions cannot be compared',
    ]);
  });

  it('gives an edition similarity 1 with itself', async () => {
    const id = await editionId(2007);
    const comparison = dataOf(await app.graphql(TopicsCompare, { leftId: id, rightId: id })).compareConferences;
    expect(comparison.sharedTopics.map((topic) => topic.slug)).toEqual(TOPICS_2007);
    expect(comparison.onlyLeft).toEqual([]);
    expect(comparison.onlyRight).toEqual([]);
    expect(comparison.similarity).toBe(1);
    expect([comparison.comparable, comparison.knownSimilarity, comparison.reason]).toEqual([true, 1, null]);
    const conference = dataOf(await app.graphql(TopicsEditionId, { series: 'sms', year: 2007 })).conference!;
    expect(conference.topics.map((topic) => topic.slug)).toEqual(TOPICS_2007);
  });
});
