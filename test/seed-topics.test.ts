import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import type { SeedTopicsSessionsQueryVariables } from './generated/graphql.js';
import { startTestApp, type TestApp } from './support/app.js';

/**
 * Topics tie records together across sources: the 2007 conference, its
 * sessions and the district department that lists "organisational
 * performance management" among its IDP priority areas.
 */

const OPM = 'organisational-performance-management';

/** The 2007 edition's topics: its own (focus, background, objectives) and its sessions'. */
const TOPICS_2007 = [
  'assessment-and-development-centres', // "Assessment and Development Centres"
  'coaching-and-mentoring', // "coaching and mentoring"
  'leadership-development', // "Leadership Development Management Framework", the round tables, the gala dinner
  'learning-and-development', // "training and development, learning"
  'networking-and-peer-learning', // "meet with their peers and to share experiences"
  OPM, // "Organisational Performance Management", Commission 1
  'performance-management', // "proper consultation on Performance Management"
  'professionalism-and-ethics', // "a culture of professional and ethical behaviour"
  'service-delivery', // "service delivery improvement", Commission 1's key issues
  'single-public-service', // Commission 2
  'women-in-leadership', // Commission 3
];
/** The 2002 edition's only topic: it "consulted members on professional aspects of the SMS". */
const TOPICS_2002 = ['professionalism-and-ethics'];

const SeedTopicsTopic = graphql(`
  query SeedTopicsTopic($slug: String!) {
    topic(slug: $slug) {
      slug
      name
      sessions(first: 50) {
        totalCount
        nodes {
          ref
          title
        }
      }
      conferences {
        year
      }
      organisations {
        name
        kind
      }
      people {
        displayName
      }
    }
  }
`);

const SeedTopicsTimeline = graphql(`
  query SeedTopicsTimeline($topicSlugs: [String!], $seriesSlug: String, $fromYear: Int, $toYear: Int) {
    topicTimeline(topicSlugs: $topicSlugs, seriesSlug: $seriesSlug, fromYear: $fromYear, toYear: $toYear) {
      year
      sessionCount
      conferenceCount
      topic {
        slug
      }
    }
  }
`);

const SeedTopicsEditionIds = graphql(`
  query SeedTopicsEditionIds($series: String!) {
    conferences(filter: { seriesSlug: $series }, first: 20) {
      nodes {
        id
        year
        topics {
          slug
        }
      }
    }
  }
`);

const SeedTopicsCompare = graphql(`
  query SeedTopicsCompare($leftId: ID!, $rightId: ID!) {
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
    }
  }
`);

const SeedTopicsSessions = graphql(`
  query SeedTopicsSessions($filter: SessionFilter) {
    sessions(filter: $filter, first: 50) {
      totalCount
      nodes {
        ref
        title
      }
    }
  }
`);

const SeedTopicsPeople = graphql(`
  query SeedTopicsPeople($name: String, $topicSlug: String) {
    people(filter: { name: $name, topicSlug: $topicSlug }) {
      nodes {
        id
        displayName
        topics {
          slug
        }
      }
    }
  }
`);

const SeedTopicsOrganisation = graphql(`
  query SeedTopicsOrganisation($name: String!) {
    organisations(filter: { name: $name }) {
      nodes {
        id
        name
        topics {
          slug
        }
      }
    }
  }
`);

const SeedTopicsAssignments = graphql(`
  query SeedTopicsAssignments($series: String!, $year: Int!) {
    conference(seriesSlug: $series, year: $year) {
      sessions(first: 50) {
        nodes {
          ref
          title
          description
          keyIssues
          topicAssignments {
            evidence
            origin
            topic {
              slug
              name
              synonyms
            }
          }
        }
      }
    }
  }
`);

const SeedTopicsConferencesByTopic = graphql(`
  query SeedTopicsConferencesByTopic($topicSlug: String!) {
    conferences(filter: { topicSlug: $topicSlug }) {
      totalCount
      nodes {
        year
      }
    }
  }
`);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

async function topic(slug: string) {
  const response = await app.graphql(SeedTopicsTopic, { slug });
  expect(response.errors).toBeUndefined();
  return response.data!.topic!;
}

async function editions() {
  const response = await app.graphql(SeedTopicsEditionIds, { series: 'sms' });
  expect(response.errors).toBeUndefined();
  return new Map(response.data!.conferences.nodes.map((conference) => [conference.year, conference]));
}

async function sessionTitles(filter: SeedTopicsSessionsQueryVariables['filter']) {
  const response = await app.graphql(SeedTopicsSessions, { filter });
  expect(response.errors).toBeUndefined();
  const { totalCount, nodes } = response.data!.sessions;
  return { totalCount, titles: nodes.map((session) => session.title) };
}

async function personId(name: string) {
  const response = await app.graphql(SeedTopicsPeople, { name });
  expect(response.errors).toBeUndefined();
  expect(response.data!.people.nodes).toHaveLength(1);
  return response.data!.people.nodes[0]!.id;
}

async function organisationId(name: string) {
  const response = await app.graphql(SeedTopicsOrganisation, { name });
  expect(response.errors).toBeUndefined();
  expect(response.data!.organisations.nodes).toHaveLength(1);
  return response.data!.organisations.nodes[0]!.id;
}

const COMMISSION_1 = 'Organisational Performance Management';
const COMMISSION_2 = 'Leadership Challenges in the Single Public Service';
const COMMISSION_3 = "Women in Leadership - SMS Women's Forum";
const DAY_1_ROUND_TABLE = 'Responding to Leadership Development in the Public Service in consideration of the Global challenges';
const DAY_2_ROUND_TABLE = 'The leadership pipeline in the Public Service: Implications for Public Service Managers';

describe('organisational performance management links a commission, a conference and a municipal department', () => {
  it('is the topic of Commission 1 and of no other session', async () => {
    const opm = await topic(OPM);
    expect(opm.name).toBe('Organisational performance management');
    expect(opm.sessions).toEqual({ totalCount: 1, nodes: [{ ref: 'day-1-commission-1', title: COMMISSION_1 }] });
  });

  it('is a topic of the 2007 conference only', async () => {
    expect((await topic(OPM)).conferences).toEqual([{ year: 2007 }]);
  });

  it("links the SEMS department (an IDP priority area) and the organisations of Commission 1's facilitator and presenter", async () => {
    expect((await topic(OPM)).organisations).toEqual([
      { name: 'Centre for Public Service Innovation', kind: 'PUBLIC_ENTITY' },
      { name: 'Strategic Executive Management Services', kind: 'MUNICIPAL_DEPARTMENT' },
      { name: 'University of Pretoria', kind: 'UNIVERSITY' },
    ]);
  });

  it("counts Commission 1's facilitator and presenter among its people", async () => {
    expect((await topic(OPM)).people).toEqual([{ displayName: 'Dr E Ijeoma' }, { displayName: 'Mr L Mthethwa' }]);
  });

  it('finds the same two people through people(filter: {topicSlug})', async () => {
    const response = await app.graphql(SeedTopicsPeople, { topicSlug: OPM });
    expect(response.errors).toBeUndefined();
    expect(response.data!.people.nodes.map((person) => person.displayName)).toEqual(['Dr E Ijeoma', 'Mr L Mthethwa']);
  });

  it("is among the SEMS department's own topics", async () => {
    const response = await app.graphql(SeedTopicsOrganisation, { name: 'Strategic Executive Management Services' });
    expect(response.errors).toBeUndefined();
    const slugs = response.data!.organisations.nodes[0]!.topics.map((each) => each.slug);
    expect(slugs).toContain(OPM);
    expect(slugs).toContain('internal-audit');
    expect(slugs).toContain('risk-management');
    expect(slugs).not.toContain('leadership-development');
  });
});

describe('leadership development runs through the 2007 programme', () => {
  it('is the topic of both round tables, Commissions 2 and 3 and the gala dinner, in programme order', async () => {
    const leadership = await topic('leadership-development');
    expect(leadership.sessions.totalCount).toBe(5);
    expect(leadership.sessions.nodes.map((session) => session.ref)).toEqual([
      'day-1-round-table',
      'day-1-commission-2',
      'day-1-commission-3',
      'day-1-gala-dinner',
      'day-2-round-table',
    ]);
  });

  it('gives Prof R M Levin the topics of the round table he sat on and the commission he presented', async () => {
    const response = await app.graphql(SeedTopicsPeople, { name: 'Levin' });
    expect(response.errors).toBeUndefined();
    expect(response.data!.people.nodes[0]!.topics.map((each) => each.slug).sort()).toEqual([
      'leadership-development',
      'single-public-service',
    ]);
  });

  it("justifies every curated session topic with a phrase from that session's own title, key issues or description", async () => {
    const response = await app.graphql(SeedTopicsAssignments, { series: 'sms', year: 2007 });
    expect(response.errors).toBeUndefined();
    const unsupported = response.data!.conference!.sessions.nodes.flatMap((session) =>
      session.topicAssignments
        .filter((assignment) => assignment.origin === 'CURATED')
        .filter((assignment) => {
          const text = [session.title, session.description ?? '', ...session.keyIssues].join('\n').toLowerCase();
          return !text.includes(assignment.evidence.toLowerCase());
        })
        .map((assignment) => `${session.ref}: ${assignment.topic.slug}: "${assignment.evidence}"`),
    );
    expect(unsupported).toEqual([]);
  });

  it('gives every automatically matched session topic one of that topic\'s own phrases (its name or a synonym) as evidence', async () => {
    const response = await app.graphql(SeedTopicsAssignments, { series: 'sms', year: 2007 });
    expect(response.errors).toBeUndefined();
    const unexplained = response.data!.conference!.sessions.nodes.flatMap((session) =>
      session.topicAssignments
        .filter((assignment) => assignment.origin === 'AUTOMATIC')
        .filter(({ topic, evidence }) => ![topic.name.toLowerCase(), ...topic.synonyms].includes(evidence))
        .map((assignment) => `${session.ref}: ${assignment.topic.slug}: "${assignment.evidence}"`),
    );
    expect(unexplained).toEqual([]);
  });

  it('tags Commission 1 with OPM and service delivery (curated and matched) and with performance management (matched in its title)', async () => {
    const response = await app.graphql(SeedTopicsAssignments, { series: 'sms', year: 2007 });
    expect(response.errors).toBeUndefined();
    const commission1 = response.data!.conference!.sessions.nodes.find((session) => session.ref === 'day-1-commission-1')!;
    const assignments = commission1.topicAssignments.map((assignment) => [assignment.topic.slug, assignment.origin, assignment.evidence]);
    expect(assignments.filter(([, origin]) => origin === 'CURATED').sort()).toEqual([
      [OPM, 'CURATED', 'Organisational Performance Management'],
      ['service-delivery', 'CURATED', 'Key Steps to Improving Service Delivery Through OPM'],
    ]);
    expect(assignments.filter(([, origin]) => origin === 'AUTOMATIC').map(([slug]) => slug).sort()).toEqual([
      OPM,
      'performance-management',
      'service-delivery',
    ]);
    expect(assignments).toContainEqual(['performance-management', 'AUTOMATIC', 'performance management']);
  });
});

describe('topics over time', () => {
  it('gives organisational performance management one row per year 2001..2007, zero until 2007', async () => {
    const response = await app.graphql(SeedTopicsTimeline, { topicSlugs: [OPM], seriesSlug: 'sms' });
    expect(response.errors).toBeUndefined();
    expect(response.data!.topicTimeline.map(({ year, sessionCount, conferenceCount, topic }) => [topic.slug, year, sessionCount, conferenceCount])).toEqual([
      [OPM, 2001, 0, 0],
      [OPM, 2002, 0, 0],
      [OPM, 2003, 0, 0],
      [OPM, 2004, 0, 0],
      [OPM, 2005, 0, 0],
      [OPM, 2006, 0, 0],
      [OPM, 2007, 1, 1],
    ]);
  });

  it('shows professionalism in 2002 and 2007 (conference-level, no sessions) and leadership development in five 2007 sessions', async () => {
    const response = await app.graphql(SeedTopicsTimeline, {
      topicSlugs: ['professionalism-and-ethics', 'leadership-development'],
      seriesSlug: 'sms',
      fromYear: 2001,
      toYear: 2007,
    });
    expect(response.errors).toBeUndefined();
    const rows = response.data!.topicTimeline
      .map(({ year, sessionCount, conferenceCount, topic }) => [topic.slug, year, sessionCount, conferenceCount] as const)
      .sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1]);
    expect(rows).toEqual([
      ['leadership-development', 2001, 0, 0],
      ['leadership-development', 2002, 0, 0],
      ['leadership-development', 2003, 0, 0],
      ['leadership-development', 2004, 0, 0],
      ['leadership-development', 2005, 0, 0],
      ['leadership-development', 2006, 0, 0],
      ['leadership-development', 2007, 5, 1],
      ['professionalism-and-ethics', 2001, 0, 0],
      ['professionalism-and-ethics', 2002, 0, 1],
      ['professionalism-and-ethics', 2003, 0, 0],
      ['professionalism-and-ethics', 2004, 0, 0],
      ['professionalism-and-ethics', 2005, 0, 0],
      ['professionalism-and-ethics', 2006, 0, 0],
      ['professionalism-and-ethics', 2007, 0, 1],
    ]);
  });

  it('finds the editions about professionalism (2007 and 2002) and about women in leadership (2007, through Commission 3)', async () => {
    const professionalism = await app.graphql(SeedTopicsConferencesByTopic, { topicSlug: 'professionalism-and-ethics' });
    expect(professionalism.errors).toBeUndefined();
    expect(professionalism.data!.conferences).toEqual({ totalCount: 2, nodes: [{ year: 2007 }, { year: 2002 }] });
    const women = await app.graphql(SeedTopicsConferencesByTopic, { topicSlug: 'women-in-leadership' });
    expect(women.errors).toBeUndefined();
    expect(women.data!.conferences).toEqual({ totalCount: 1, nodes: [{ year: 2007 }] });
  });
});

describe('comparing editions by topic', () => {
  it('gives the 2007 edition its own and its sessions\' topics, and the 2002 edition professionalism only', async () => {
    const byYear = await editions();
    expect(byYear.get(2007)!.topics.map((each) => each.slug).sort()).toEqual(TOPICS_2007);
    expect(byYear.get(2002)!.topics.map((each) => each.slug)).toEqual(TOPICS_2002);
    expect(byYear.get(2003)!.topics).toEqual([]);
  });

  it('2007 vs 2002 shares professionalism; the rest is 2007 only; similarity is shared / union = 1/11', async () => {
    const byYear = await editions();
    const response = await app.graphql(SeedTopicsCompare, { leftId: byYear.get(2007)!.id, rightId: byYear.get(2002)!.id });
    expect(response.errors).toBeUndefined();
    const comparison = response.data!.compareConferences;
    const slugs = (topics: Array<{ slug: string }>) => topics.map((each) => each.slug).sort();

    const shared = TOPICS_2007.filter((slug) => TOPICS_2002.includes(slug));
    const onlyLeft = TOPICS_2007.filter((slug) => !TOPICS_2002.includes(slug));
    const onlyRight = TOPICS_2002.filter((slug) => !TOPICS_2007.includes(slug));
    const union = new Set([...TOPICS_2007, ...TOPICS_2002]).size;

    expect(comparison.left).toEqual({ year: 2007 });
    expect(comparison.right).toEqual({ year: 2002 });
    expect(slugs(comparison.sharedTopics)).toEqual(['professionalism-and-ethics']);
    expect(slugs(comparison.sharedTopics)).toEqual(shared);
    expect(slugs(comparison.onlyLeft)).toEqual(onlyLeft);
    expect(slugs(comparison.onlyRight)).toEqual([]);
    expect(onlyRight).toEqual([]);
    expect(union).toBe(11);
    expect(comparison.similarity).toBeCloseTo(1 / 11, 10);
  });

  it('2002 vs 2003 shares nothing (2003 has no topics): similarity 0', async () => {
    const byYear = await editions();
    const response = await app.graphql(SeedTopicsCompare, { leftId: byYear.get(2002)!.id, rightId: byYear.get(2003)!.id });
    expect(response.errors).toBeUndefined();
    expect(response.data!.compareConferences).toEqual({
      left: { year: 2002 },
      right: { year: 2003 },
      sharedTopics: [],
      onlyLeft: [{ slug: 'professionalism-and-ethics' }],
      onlyRight: [],
      similarity: 0,
    });
  });

  it('an edition compared with itself has similarity 1', async () => {
    const byYear = await editions();
    const response = await app.graphql(SeedTopicsCompare, { leftId: byYear.get(2007)!.id, rightId: byYear.get(2007)!.id });
    expect(response.errors).toBeUndefined();
    expect(response.data!.compareConferences.similarity).toBe(1);
    expect(response.data!.compareConferences.sharedTopics.map((each) => each.slug).sort()).toEqual(TOPICS_2007);
  });
});

describe('sessions by topic and role', () => {
  it('leadership development + PRESENTER: Commissions 2 and 3', async () => {
    expect(await sessionTitles({ topicSlug: 'leadership-development', role: 'PRESENTER' })).toEqual({
      totalCount: 2,
      titles: [COMMISSION_2, COMMISSION_3],
    });
  });

  it('organisational performance management + PRESENTER: Commission 1', async () => {
    expect(await sessionTitles({ topicSlug: OPM, role: 'PRESENTER' })).toEqual({ totalCount: 1, titles: [COMMISSION_1] });
  });

  it('leadership development + PANELLIST: the two round tables', async () => {
    expect(await sessionTitles({ topicSlug: 'leadership-development', role: 'PANELLIST' })).toEqual({
      totalCount: 2,
      titles: [DAY_1_ROUND_TABLE, DAY_2_ROUND_TABLE],
    });
  });

  it('women in leadership + FACILITATOR: Commission 3', async () => {
    expect(await sessionTitles({ topicSlug: 'women-in-leadership', role: 'FACILITATOR' })).toEqual({ totalCount: 1, titles: [COMMISSION_3] });
  });

  it('single public service + PANELLIST: none, Commission 2 had a facilitator and a presenter only', async () => {
    expect(await sessionTitles({ topicSlug: 'single-public-service', role: 'PANELLIST' })).toEqual({ totalCount: 0, titles: [] });
  });

  it('leadership development + CHAIRPERSON: none, chairs chair days, not sessions', async () => {
    expect(await sessionTitles({ topicSlug: 'leadership-development', role: 'CHAIRPERSON' })).toEqual({ totalCount: 0, titles: [] });
  });

  it('Levin + leadership development: PANELLIST gives the Day 1 round table, PRESENTER gives Commission 2 (role and person are one participation)', async () => {
    const levin = await personId('Levin');
    expect(await sessionTitles({ topicSlug: 'leadership-development', role: 'PANELLIST', personId: levin })).toEqual({
      totalCount: 1,
      titles: [DAY_1_ROUND_TABLE],
    });
    expect(await sessionTitles({ topicSlug: 'leadership-development', role: 'PRESENTER', personId: levin })).toEqual({
      totalCount: 1,
      titles: [COMMISSION_2],
    });
    expect(await sessionTitles({ topicSlug: 'leadership-development', role: 'FACILITATOR', personId: levin })).toEqual({
      totalCount: 0,
      titles: [],
    });
  });

  it('DPSA + leadership development: PRESENTER gives Commission 2 (Levin), FACILITATOR the Day 2 round table (Kornegay)', async () => {
    const dpsa = await organisationId('DPSA');
    expect(await sessionTitles({ topicSlug: 'leadership-development', role: 'PRESENTER', organisationId: dpsa })).toEqual({
      totalCount: 1,
      titles: [COMMISSION_2],
    });
    expect(await sessionTitles({ topicSlug: 'leadership-development', role: 'FACILITATOR', organisationId: dpsa })).toEqual({
      totalCount: 1,
      titles: [DAY_2_ROUND_TABLE],
    });
  });

  it('service delivery + PRESENTER within 2007: Commission 1; before 2007: nothing', async () => {
    expect(await sessionTitles({ topicSlug: 'service-delivery', role: 'PRESENTER', fromYear: 2007, toYear: 2007 })).toEqual({
      totalCount: 1,
      titles: [COMMISSION_1],
    });
    expect(await sessionTitles({ topicSlug: 'service-delivery', role: 'PRESENTER', toYear: 2006 })).toEqual({ totalCount: 0, titles: [] });
  });
});
