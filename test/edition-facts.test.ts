import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCorpus } from '../src/ingest/check-corpus.js';
import { CorpusError } from '../src/ingest/corpus-error.js';
import { importCorpus } from '../src/ingest/import-corpus.js';
import { readCorpus } from '../src/ingest/read-corpus.js';
import { graphql } from './generated/index.js';
import { startTestApp, type GraphQLResponse, type TestApp } from './support/app.js';

/**
 * The facts researchers missed (issue 10): documents that sessions launch,
 * table or discuss; outcomes and resolutions; how complete a programme is;
 * a series' sphere and province; attendance with its kind; and the order in
 * which a source lists things. The seed values were read from
 * data/sources/*.txt; the provincial edition is a report made up for these
 * tests (test/fixtures/imports/edition-facts/). Every query is answered twice,
 * by the read floor's one statement and by the resolvers (a root field the
 * floor does not compile, `search`, sends the whole query there), and the
 * two answers must be equal.
 */

const root = path.resolve(import.meta.dirname, '..');
const FIXTURES = path.join(root, 'test/fixtures/imports/edition-facts');
const GALA_DINNER_LINE =
  'Gala Dinner – Launch of the Draft Leadership Development Management Strategic Framework for Senior Managers in the Public Service';
const FRAMEWORK_KEY = 'draft-leadership-development-management-strategic-framework';

graphql(`
  fragment EditionFactsOfConference on Conference {
    expectedAttendance
    attendance {
      figure
      kind
      approximate
      counts
      seriesWide
      citations {
        excerpt
        source {
          key
        }
      }
    }
    outcomes {
      kind
      text
      citations {
        excerpt
        source {
          key
        }
      }
    }
    programmeCoverage {
      completeness
      note
      citations {
        excerpt
        source {
          key
        }
      }
    }
    objectives {
      group
      text
    }
    series {
      slug
      sphere
      province
      attendance {
        figure
        kind
        approximate
        counts
        seriesWide
        conference {
          year
        }
        citations {
          excerpt
          source {
            key
          }
        }
      }
      citations {
        excerpt
        source {
          key
        }
      }
    }
    sessions {
      nodes {
        ref
        documents {
          action
          document {
            key
            title
            kind
          }
          citations {
            excerpt
            source {
              key
            }
          }
        }
      }
    }
  }
`);

const EditionFacts = graphql(`
  query EditionFacts($series: String!, $year: Int!) {
    conference(seriesSlug: $series, year: $year) {
      ...EditionFactsOfConference
    }
  }
`);

const EditionFactsThroughResolvers = graphql(`
  query EditionFactsThroughResolvers($series: String!, $year: Int!) {
    conference(seriesSlug: $series, year: $year) {
      ...EditionFactsOfConference
    }
    search(query: "framework", first: 1) {
      totalCount
    }
  }
`);

graphql(`
  fragment DocumentFacts on Document {
    id
    key
    title
    kind
    description
    sessions {
      action
      session {
        ref
        title
        kind
        conference {
          year
          series {
            slug
          }
        }
      }
      citations {
        excerpt
      }
    }
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
    citations {
      excerpt
      source {
        key
      }
    }
  }
`);

const DocumentLookup = graphql(`
  query DocumentLookup($key: String!, $topic: String!) {
    document(key: $key) {
      ...DocumentFacts
    }
    topic(slug: $topic) {
      documents {
        key
      }
    }
  }
`);

const DocumentLookupThroughResolvers = graphql(`
  query DocumentLookupThroughResolvers($key: String!, $topic: String!) {
    document(key: $key) {
      ...DocumentFacts
    }
    topic(slug: $topic) {
      documents {
        key
      }
    }
    search(query: "framework", first: 1) {
      totalCount
    }
  }
`);

const DocumentNode = graphql(`
  query DocumentNode($id: ID!) {
    node(id: $id) {
      ... on Document {
        key
      }
    }
  }
`);

const DepartmentOrder = graphql(`
  query DepartmentOrder($name: String!) {
    organisations(filter: { name: $name }) {
      nodes {
        name
        objectives
        children {
          name
        }
      }
    }
  }
`);

const DepartmentOrderThroughResolvers = graphql(`
  query DepartmentOrderThroughResolvers($name: String!) {
    organisations(filter: { name: $name }) {
      nodes {
        name
        objectives
        children {
          name
        }
      }
    }
    search(query: "framework", first: 1) {
      totalCount
    }
  }
`);

const SeriesSpheres = graphql(`
  query SeriesSpheres {
    conferenceSeries {
      slug
      sphere
      province
    }
  }
`);

type Measured<T> = GraphQLResponse<T> & { extensions?: { sqlStatements?: number } };

/**
 * Asks `onFloor` (compiled into one statement) and `throughResolvers` (the
 * same selection beside an uncompiled `search`), and returns the answer after
 * checking that both paths gave it.
 */
async function answeredBothWays<Answer extends object, Variables>(
  app: TestApp,
  onFloor: TypedDocumentNode<Answer, Variables>,
  throughResolvers: TypedDocumentNode<Answer & { search: unknown }, Variables>,
  variables: Variables,
): Promise<Answer> {
  const compiled = (await app.graphql(onFloor, variables)) as Measured<Answer>;
  const resolved = (await app.graphql(throughResolvers, variables)) as Measured<Answer & { search: unknown }>;
  expect(compiled.errors).toBeUndefined();
  expect(resolved.errors).toBeUndefined();
  expect(compiled.extensions?.sqlStatements).toBe(1);
  expect(resolved.extensions?.sqlStatements).toBeGreaterThan(1);
  const { search: _search, ...answer } = resolved.data!;
  expect(answer).toEqual(compiled.data);
  return compiled.data!;
}

describe('what the 2007 sources say beside the programme', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ environment: { REPORT_SQL_STATEMENTS: 'true', RESPONSE_CACHE: 'off' } });
  });
  afterAll(() => app.close());

  const edition2007 = async () => (await answeredBothWays(app, EditionFacts, EditionFactsThroughResolvers, { series: 'sms', year: 2007 })).conference!;

  it('the 2007 gala dinner launched the Draft Leadership Development Management Strategic Framework, in the event page’s words', async () => {
    const withDocuments = (await edition2007()).sessions.nodes.filter((session) => session.documents.length > 0);
    expect(withDocuments).toEqual([
      {
        ref: 'day-1-gala-dinner',
        documents: [
          {
            action: 'LAUNCHED',
            document: {
              key: FRAMEWORK_KEY,
              title: 'Draft Leadership Development Management Strategic Framework for Senior Managers in the Public Service',
              kind: 'FRAMEWORK',
            },
            citations: [{ excerpt: GALA_DINNER_LINE, source: { key: 'sms-2007-event-page' } }],
          },
        ],
      },
    ]);
  });

  it('the framework is found by its key, by its id and under leadership development, and names the 2007 gala dinner that launched it', async () => {
    const answer = await answeredBothWays(app, DocumentLookup, DocumentLookupThroughResolvers, { key: FRAMEWORK_KEY, topic: 'leadership-development' });
    const { id, ...framework } = answer.document!;
    expect(framework).toEqual({
      key: FRAMEWORK_KEY,
      title: 'Draft Leadership Development Management Strategic Framework for Senior Managers in the Public Service',
      kind: 'FRAMEWORK',
      description: null,
      sessions: [
        {
          action: 'LAUNCHED',
          session: { ref: 'day-1-gala-dinner', title: 'Gala Dinner', kind: 'GALA_DINNER', conference: { year: 2007, series: { slug: 'sms' } } },
          citations: [{ excerpt: GALA_DINNER_LINE }],
        },
      ],
      topics: [{ slug: 'leadership-development' }],
      topicAssignments: [{ topic: { slug: 'leadership-development' }, origin: 'CURATED', evidence: 'Leadership Development Management Strategic Framework' }],
      citations: [
        {
          excerpt: 'Launch of the Draft Leadership Development Management Strategic Framework for Senior Managers in the Public Service',
          source: { key: 'sms-2007-event-page' },
        },
      ],
    });
    expect(answer.topic!.documents).toEqual([{ key: FRAMEWORK_KEY }]);
    expect((await app.graphql(DocumentNode, { id })).data!.node).toEqual({ key: FRAMEWORK_KEY });
  });

  it('no source states an outcome or resolution of 2007, so its outcomes are none', async () => {
    expect((await edition2007()).outcomes).toEqual([]);
  });

  it('the 2007 programme is PARTIAL: the event page describes Day 1 and Day 2 of the three days, 12 to 14 September', async () => {
    expect((await edition2007()).programmeCoverage).toEqual({
      completeness: 'PARTIAL',
      note: 'The conference ran from 12 to 14 September 2007; the programme on the event page describes Day 1 and Day 2 only, and ends after the Day 2 round table.',
      citations: [
        { excerpt: 'Date: 12 Sep 2007 - 14 Sep 2007', source: { key: 'sms-2007-event-page' } },
        { excerpt: 'Date: 12 to 14 September 2007', source: { key: 'sms-2007-media-statement' } },
        { excerpt: 'Day 1', source: { key: 'sms-2007-event-page' } },
        { excerpt: 'Day 2', source: { key: 'sms-2007-event-page' } },
        { excerpt: '• Ms Hefele\n\nLast update: 31 August 2011', source: { key: 'sms-2007-event-page' } },
      ],
    });
  });

  it('the SMS series is NATIONAL, with no province, because the national DPSA holds it for the Public Service', async () => {
    const { series } = await edition2007();
    expect({ slug: series.slug, sphere: series.sphere, province: series.province }).toEqual({ slug: 'sms', sphere: 'NATIONAL', province: null });
    expect(series.citations).toEqual([
      { excerpt: 'Public Service and Administration to hold Senior Management Service\n(SMS) Conference', source: { key: 'sms-2007-media-statement' } },
      { excerpt: 'Intended audiences : Senior managers in the Public Service', source: { key: 'sms-2007-event-page' } },
      { excerpt: 'Intended audiences: Senior managers in the Public Service', source: { key: 'sms-2007-media-statement' } },
    ]);
  });

  it('"±400 … are yearly given the opportunity to attend" is an expected, approximate figure of the series, not a count of 2007', async () => {
    const edition = await edition2007();
    expect(edition.series.attendance).toEqual([
      {
        figure: 400,
        kind: 'EXPECTED',
        approximate: true,
        counts: 'senior managers in the Public Service',
        seriesWide: true,
        conference: null,
        citations: [
          { excerpt: 'A total of ±400 senior managers in the Public Service are yearly given the opportunity to attend.', source: { key: 'sms-2007-event-page' } },
          {
            excerpt: 'A total of \uFFFD400 senior\nmanagers in the Public Service are yearly given the opportunity to attend.',
            source: { key: 'sms-2007-media-statement' },
          },
        ],
      },
    ]);
    expect(edition.attendance).toEqual([]);
    // The contract's plain figure keeps answering as portals expect.
    expect(edition.expectedAttendance).toBe(400);
  });

  it('the 2007 objectives come in the order of the media statement: Networking, then Motivational sessions, then Professionalism', async () => {
    const { objectives } = await edition2007();
    expect(objectives.map((objective) => objective.group)).toEqual([
      'Networking',
      'Networking',
      'Networking',
      'Motivational sessions',
      'Motivational sessions',
      'Professionalism',
      'Professionalism',
      'Professionalism',
      'Professionalism',
      'Professionalism',
      'Professionalism',
    ]);
    expect([objectives[0]!.text, objectives[10]!.text]).toEqual([
      'Allows SMS members to meet with their peers and to share experiences in order to adopt best practices.',
      'Reviews new developments in the SMS.',
    ]);
  });

  it('the department’s nine sections and its objectives come in the order of its profile, not alphabetically', async () => {
    const answer = await answeredBothWays(app, DepartmentOrder, DepartmentOrderThroughResolvers, { name: 'Strategic Executive Management Services' });
    const [department] = answer.organisations.nodes;
    expect(department!.children.map((section) => section.name)).toEqual([
      "Executive Mayor's Office",
      'Office of the Chief Whip',
      'Office of the Speaker',
      'Special Focus',
      'Communications',
      'Risk Management',
      'Internal Audit',
      'Intergovernmental Relations',
      'Strategy Management and Institutional Development',
    ]);
    expect(department!.objectives.slice(0, 3)).toEqual([
      'Engage in programmes that foster participation, interaction and partnership',
      'Build accountable and transparent governance structures responsive to the needs of the community',
      'Provide strategic and administrative support to Council structures',
    ]);
    expect(department!.objectives.at(-1)).toBe(
      'Ensure that organisational policies are aligned and compliant to district policy framework, National and Provincial legislation',
    );
  });
});

describe('a provincial edition imported with outcomes, resolutions, attendance and documents', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ environment: { REPORT_SQL_STATEMENTS: 'true', RESPONSE_CACHE: 'off' } });
    await importCorpus(app.lekgotla.database.orm.em.fork(), await readCorpus(path.join(root, 'data'), path.join(FIXTURES, 'limpopo-sms-2009-report.yaml')), {
      actor: 'facts-editor',
    });
  });
  afterAll(() => app.close());

  const edition2009 = async () =>
    (await answeredBothWays(app, EditionFacts, EditionFactsThroughResolvers, { series: 'limpopo-sms', year: 2009 })).conference!;
  const REPORT = { key: 'limpopo-sms-2009-report' };

  it('lists its two outcomes and its resolution in the order of the report, each cited', async () => {
    expect((await edition2009()).outcomes).toEqual([
      {
        kind: 'OUTCOME',
        text: 'Senior managers agreed that performance agreements will be signed by 30 April each year.',
        citations: [{ excerpt: '1. Senior managers agreed that performance agreements will be signed by 30 April each year.', source: REPORT }],
      },
      {
        kind: 'OUTCOME',
        text: 'Departments will publish their service delivery improvement plans.',
        citations: [{ excerpt: '2. Departments will publish their service delivery improvement plans.', source: REPORT }],
      },
      {
        kind: 'RESOLUTION',
        text: 'The Office of the Premier will convene a follow-up session on performance management in March 2010.',
        citations: [
          {
            excerpt: 'The conference resolved that the Office of the Premier will convene a follow-up session on performance management in March 2010.',
            source: REPORT,
          },
        ],
      },
    ]);
  });

  it('reports 312 delegates at the 2009 edition itself, an exact REPORTED figure; its series states none for every year', async () => {
    const edition = await edition2009();
    expect(edition.attendance).toEqual([
      {
        figure: 312,
        kind: 'REPORTED',
        approximate: false,
        counts: 'senior managers of the Limpopo Provincial Government',
        seriesWide: false,
        citations: [{ excerpt: 'The conference was attended by 312 senior managers of the Limpopo Provincial Government.', source: REPORT }],
      },
    ]);
    expect(edition.series.attendance).toEqual([]);
    expect(edition.expectedAttendance).toBeNull();
  });

  it('its programme is COMPLETE, with the report’s note and words', async () => {
    expect((await edition2009()).programmeCoverage).toEqual({
      completeness: 'COMPLETE',
      note: 'The report describes each of the three days.',
      citations: [
        { excerpt: 'from 14 - 16 October 2009', source: REPORT },
        { excerpt: 'Day 3\nPlenary: Report back and resolutions', source: REPORT },
      ],
    });
  });

  it('its series is PROVINCIAL in LIMPOPO, told apart from the national SMS series by data', async () => {
    const { series } = await edition2009();
    expect({ slug: series.slug, sphere: series.sphere, province: series.province }).toEqual({ slug: 'limpopo-sms', sphere: 'PROVINCIAL', province: 'LIMPOPO' });
    expect((await app.graphql(SeriesSpheres)).data!.conferenceSeries).toEqual([
      { slug: 'limpopo-sms', sphere: 'PROVINCIAL', province: 'LIMPOPO' },
      { slug: 'sms', sphere: 'NATIONAL', province: null },
    ]);
  });

  it('Commission 1 tabled the provincial framework and Commission 2 discussed it with a survey report', async () => {
    const withDocuments = (await edition2009()).sessions.nodes.map((session) => ({
      ref: session.ref,
      documents: session.documents.map((link) => [link.action, link.document.key, link.document.kind]),
    }));
    expect(withDocuments).toEqual([
      { ref: 'day-1-commission-1', documents: [['TABLED', 'provincial-performance-management-framework', 'FRAMEWORK']] },
      {
        ref: 'day-2-commission-2',
        documents: [
          ['DISCUSSED', 'provincial-performance-management-framework', 'FRAMEWORK'],
          ['DISCUSSED', 'citizen-satisfaction-survey-report-2008', 'REPORT'],
        ],
      },
      { ref: 'day-3-plenary', documents: [] },
    ]);
  });

  it('the framework lists what each session did with it in programme order', async () => {
    const answer = await answeredBothWays(app, DocumentLookup, DocumentLookupThroughResolvers, {
      key: 'provincial-performance-management-framework',
      topic: 'leadership-development',
    });
    expect(answer.document!.sessions.map((link) => [link.action, link.session.ref, link.session.conference.year])).toEqual([
      ['TABLED', 'day-1-commission-1', 2009],
      ['DISCUSSED', 'day-2-commission-2', 2009],
    ]);
    // The report links its documents to no topic; leadership development still lists only the 2007 framework.
    expect(answer.topic!.documents).toEqual([{ key: FRAMEWORK_KEY }]);
  });

  it('importing the same report again changes nothing', async () => {
    const report = await importCorpus(
      app.lekgotla.database.orm.em.fork(),
      await readCorpus(path.join(root, 'data'), path.join(FIXTURES, 'limpopo-sms-2009-report.yaml')),
      { actor: 'facts-editor' },
    );
    expect(report.changed).toBe(false);
    expect([report.records.Outcome, report.records.Attendance, report.records.SessionDocument, report.records.Document]).toEqual([
      { created: 0, updated: 0, unchanged: 3 },
      { created: 0, updated: 0, unchanged: 1 },
      { created: 0, updated: 0, unchanged: 3 },
      { created: 0, updated: 0, unchanged: 2 },
    ]);
  });
});

describe('a series’ sphere in the corpus', () => {
  it('a PROVINCIAL series without its province, or a province on a NATIONAL one, is refused naming the series', async () => {
    const corpus = await readCorpus(path.join(root, 'data'), path.join(FIXTURES, 'provincial-series-without-province.yaml'));
    const error = (() => {
      try {
        checkCorpus(corpus);
        return undefined;
      } catch (failure) {
        return failure;
      }
    })();
    expect(error).toBeInstanceOf(CorpusError);
    expect((error as CorpusError).problems.filter((problem) => problem.includes('province'))).toEqual([
      'test/fixtures/imports/edition-facts/provincial-series-without-province.yaml: series[0] (limpopo-sms): a PROVINCIAL series needs its province',
      'test/fixtures/imports/edition-facts/provincial-series-without-province.yaml: series[1] (gauteng-sms): only a PROVINCIAL series has a province',
    ]);
  });
});
