import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { openDatabase, type Database } from '../src/db/database.js';
import { checkCorpus } from '../src/ingest/check-corpus.js';
import { CorpusError } from '../src/ingest/corpus-error.js';
import { loadCorpus } from '../src/ingest/load-corpus.js';
import { parseCorpusFile, readCorpus } from '../src/ingest/read-corpus.js';
import { graphql } from './generated/index.js';
import { startTestApp, type GraphQLResponse, type TestApp } from './support/app.js';
import { createTestDatabase } from './support/databases.js';

/** Nothing that leaves the server may show its insides: stack frames, SQL text. */
function expectNoInternals(body: unknown) {
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/\bat \S+ \(/); // "at fn (file:line:col)"
  expect(text).not.toMatch(/\bat (file:\/\/|\/|node:)\S+:\d+/); // "at /path/file.js:1:2"
  expect(text).not.toMatch(/stacktrace/i);
  expect(text).not.toMatch(/select /i);
  expect(text).not.toMatch(/SQL/);
}

function errorOf(body: GraphQLResponse<unknown>) {
  expect(body.errors?.length ?? 0).toBeGreaterThan(0);
  return body.errors![0]!;
}

describe('bad requests over HTTP', () => {
  const BadInputNode = graphql(`
    query BadInputNode($id: ID!) {
      node(id: $id) {
        id
        ... on Conference {
          year
        }
      }
    }
  `);

  const BadInputConferencePage = graphql(`
    query BadInputConferencePage($first: Int, $after: String) {
      conferences(first: $first, after: $after) {
        totalCount
        nodes {
          id
          year
        }
      }
    }
  `);

  let app: TestApp;
  let conferenceId: string;
  beforeAll(async () => {
    app = await startTestApp();
    const page = await app.graphql(BadInputConferencePage, { first: 1 });
    expect(page.errors).toBeUndefined();
    conferenceId = page.data!.conferences.nodes[0]!.id;
  });
  afterAll(() => app?.close());

  it('node(id:) answers null, without error, for a well-formed id of a record that does not exist', async () => {
    const [type, number] = Buffer.from(conferenceId, 'base64').toString('utf8').split(':');
    expect(type).toBe('Conference');
    expect(Number(number)).toBeGreaterThan(0);
    const missing = Buffer.from('Conference:987654', 'utf8').toString('base64');
    expect(missing).not.toBe(conferenceId);

    const response = await app.graphql(BadInputNode, { id: missing });
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ node: null });

    const found = await app.graphql(BadInputNode, { id: conferenceId });
    expect(found.errors).toBeUndefined();
    expect(found.data).toEqual({ node: { id: conferenceId, year: 2007 } });
  });

  it('node(id:) with a malformed id is the caller\'s mistake: BAD_USER_INPUT', async () => {
    for (const id of ['not-an-id', Buffer.from('Conference:abc').toString('base64'), Buffer.from('Nonsense:1').toString('base64'), '']) {
      const response = await app.graphql(BadInputNode, { id });
      const error = errorOf(response);
      expect({ id, code: error.extensions?.code }).toEqual({ id, code: 'BAD_USER_INPUT' });
      expect(response.data?.node ?? null).toBeNull();
      expectNoInternals(response);
    }
  });

  it('conferences(first: -1) is refused with BAD_USER_INPUT naming `first`', async () => {
    const response = await app.graphql(BadInputConferencePage, { first: -1 });
    const error = errorOf(response);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/\bfirst\b/);
    expect(response.data ?? null).toBeNull();
    expectNoInternals(response);
  });

  it('conferences(first: 101) is refused with BAD_USER_INPUT naming `first`, while 100 is accepted', async () => {
    const response = await app.graphql(BadInputConferencePage, { first: 101 });
    const error = errorOf(response);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/\bfirst\b/);
    expectNoInternals(response);

    const hundred = await app.graphql(BadInputConferencePage, { first: 100 });
    expect(hundred.errors).toBeUndefined();
    expect(hundred.data!.conferences.totalCount).toBe(7);
  });

  it('conferences(after:) with a cursor the server never gave is refused with BAD_USER_INPUT', async () => {
    for (const after of ['bogus', Buffer.from('arrayconnection:-5').toString('base64'), Buffer.from('arrayconnection:x').toString('base64')]) {
      const response = await app.graphql(BadInputConferencePage, { first: 2, after });
      const error = errorOf(response);
      expect({ after, code: error.extensions?.code }).toEqual({ after, code: 'BAD_USER_INPUT' });
      expect(error.message).toContain(after);
      expectNoInternals(response);
    }
  });

  it('never shows stack frames or SQL, whatever is wrong with the request', async () => {
    const bodies: unknown[] = [];
    const send = async (body: unknown) => {
      const response = await app.post(body);
      expect(response.body.errors?.length ?? 0).toBeGreaterThan(0);
      bodies.push(response.body);
    };
    await send({ query: '{ conferences(first: ) { totalCount } }' });
    await send({ query: '{ conferences { noSuchField } }' });
    await send({ query: 'query Q($first: Int) { conferences(first: $first) { totalCount } }', variables: { first: 'ten' } });
    await send({ query: 'query Q($first: Int) { conferences(first: $first) { totalCount } }', variables: { first: 2 ** 40 } });
    await send({ query: '{ node(id: "Q29uZmVyZW5jZToxOTk5OTk5OTk5OTk5") { id } }' });
    await send({ query: '{ topicTimeline(fromYear: 2007, toYear: 2001) { year } }' });
    await send({ query: '{ topicTimeline(fromYear: 1, toYear: 100000) { year } }' });
    await send({ query: "{ people(filter: { name: \"'; drop table person; --\" }, first: -3) { totalCount } }" });
    await send({ query: '{ sessions(filter: { personId: "garbage" }) { totalCount } }' });
    await send({ query: '{ compareConferences(leftId: "x", rightId: "y") { similarity } }' });
    await send({ notAQuery: true });
    for (const body of bodies) expectNoInternals(body);
  });
});

/* ------------------------------------------------------------------------ */
/* The corpus loader                                                          */
/* ------------------------------------------------------------------------ */

const DATA = path.resolve('data');

/** A small corpus that passes every check: the pieces the broken ones change. */
const valid = {
  'sources.yaml': `
sources:
  - key: sms-2007-event-page
    title: Senior management service conference 2007
    kind: EVENT_PAGE
    file: sources/sms-2007-event-page.txt
    publisher: dpsa
`,
  'organisations.yaml': `
organisations:
  - key: dpsa
    name: Department of Public Service and Administration
    acronym: DPSA
    kind: NATIONAL_DEPARTMENT
    sphere: NATIONAL
    cite:
      - source: sms-2007-event-page
        excerpt: "Department of Public Service and Administration (DPSA)"
`,
  'people.yaml': `
people:
  - key: clark-c
    honorific: Ms
    initials: C
    surname: Clark
    aliases: [Ms C Clark]
    positions:
      - key: deputy-director-general-dpsa
        title: Deputy Director-General
        organisation: dpsa
        cite:
          - source: sms-2007-event-page
            excerpt: "Chairperson: Ms C Clark: Deputy Director-General, Department of Public Service and Administration (DPSA)"
    cite:
      - source: sms-2007-event-page
        excerpt: "• Ms C Clark"
`,
  'conferences.yaml': `
series:
  - slug: sms
    name: Senior Management Service Conference
    organiser: dpsa
conferences:
  - series: sms
    year: 2007
    title: Senior Management Service Conference 2007
    documentation: DOCUMENTED
    sources: [sms-2007-event-page]
    days:
      - number: 2
        subTheme: Creation of a culture of continuous learning and development - Management implications
        sessions:
          - ref: day-2-round-table
            kind: ROUND_TABLE
            title: "The leadership pipeline in the Public Service: Implications for Public Service Managers"
            participants:
              - person: clark-c
                role: PANELLIST
                cite:
                  - source: sms-2007-event-page
                    excerpt: "• Ms C Clark"
            cite:
              - source: sms-2007-event-page
                excerpt: "The leadership pipeline in the Public Ser vice"
        cite:
          - source: sms-2007-event-page
            excerpt: "Sub Theme: Creation of a culture of continuoues learning and development - Management implications"
    cite:
      - source: sms-2007-event-page
        excerpt: "Senior management service conference 2007"
`,
};

type Files = Record<string, string>;

/** Writes a data directory (sources copied verbatim from data/sources, YAML as given) and returns its path. */
async function dataDirectoryWith(root: string, name: string, files: Files): Promise<string> {
  const directory = path.join(root, name);
  await mkdir(path.join(directory, 'sources'), { recursive: true });
  await mkdir(path.join(directory, 'corpus'), { recursive: true });
  for (const source of ['sms-2007-event-page.txt', 'sms-2007-media-statement.txt', 'semsd-department-profile.txt']) {
    await copyFile(path.join(DATA, 'sources', source), path.join(directory, 'sources', source));
  }
  for (const [file, text] of Object.entries(files)) {
    await writeFile(path.join(directory, 'corpus', file), text, 'utf8');
  }
  return directory;
}

/** The CorpusError a promise or function ends in. */
async function corpusErrorOf(action: () => unknown): Promise<CorpusError> {
  try {
    await action();
  } catch (error) {
    expect(error).toBeInstanceOf(CorpusError);
    return error as CorpusError;
  }
  throw new Error('expected a CorpusError, but nothing was thrown');
}

async function checkDirectory(directory: string) {
  return checkCorpus(await readCorpus(directory, path.join(directory, 'corpus')));
}

describe('the corpus loader refuses a broken corpus and says where', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'lekgotla-bad-corpus-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('accepts the small valid corpus the broken ones are made from', async () => {
    const directory = await dataDirectoryWith(root, 'valid', valid);
    const merged = await checkDirectory(directory);
    expect(merged.people.map(({ entry }) => entry.key)).toEqual(['clark-c']);
    expect(merged.conferences.map(({ entry }) => `${entry.series}/${entry.year}`)).toEqual(['sms/2007']);
  });

  it('(a) malformed YAML: names the file and the line, and says it is not valid YAML', async () => {
    const error = await corpusErrorOf(() =>
      parseCorpusFile('corpus/broken.yaml', 'people:\n  - key: clark-c\n    surname: [Clark\n    aliases: Ms C Clark\n'),
    );
    expect(error.problems.length).toBeGreaterThan(0);
    expect(error.problems[0]).toContain('corpus/broken.yaml');
    expect(error.problems[0]).toContain('not valid YAML');
    expect(error.problems.join('\n')).toMatch(/line \d+/);
  });

  it('(a) malformed YAML in a corpus folder: readCorpus reports the file by name', async () => {
    const directory = await dataDirectoryWith(root, 'malformed', { ...valid, 'people.yaml': 'people:\n  - key: "clark-c\n    surname: Clark\n' });
    const error = await corpusErrorOf(() => checkDirectory(directory));
    expect(error.problems.some((problem) => problem.includes('people.yaml') && problem.includes('not valid YAML'))).toBe(true);
  });

  it('(b) an unknown key: names the file, the entry and the key', async () => {
    const text = valid['people.yaml'].replace('    surname: Clark\n', '    surname: Clark\n    nickname: Cathy\n');
    const error = await corpusErrorOf(() => parseCorpusFile('people.yaml', text));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(/^people\.yaml: people\[0\]: /);
    expect(error.problems[0]).toContain('nickname');
  });

  it('(b) a wrong type: names the file, the field path and the expected type', async () => {
    const text = valid['conferences.yaml'].replace('    year: 2007\n', '    year: "2007"\n');
    const error = await corpusErrorOf(() => parseCorpusFile('conferences.yaml', text));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(/^conferences\.yaml: conferences\[0\]\.year: /);
    expect(error.problems[0]).toMatch(/number/);
  });

  it('(b) a wrong enum value: names the field and the value allowed', async () => {
    const text = valid['conferences.yaml'].replace('role: PANELLIST', 'role: PANELIST');
    const error = await corpusErrorOf(() => parseCorpusFile('conferences.yaml', text));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(/^conferences\.yaml: conferences\[0\]\.days\[0\]\.sessions\[0\]\.participants\[0\]\.role: /);
    expect(error.problems[0]).toContain('PANELLIST');
  });

  it('(c) a participant who is no known person: names the file, the conference, the session and the person', async () => {
    const directory = await dataDirectoryWith(root, 'unknown-person', {
      ...valid,
      'conferences.yaml': valid['conferences.yaml'].replace('person: clark-c', 'person: clark-x'),
    });
    const error = await corpusErrorOf(() => checkDirectory(directory));
    expect(error.problems).toHaveLength(1);
    const [problem] = error.problems;
    expect(problem).toContain('conferences.yaml');
    expect(problem).toContain('(sms/2007)');
    expect(problem).toContain('(day-2-round-table)');
    expect(problem).toContain('participants[0]');
    expect(problem).toContain('unknown person "clark-x"');
  });

  it('(c) a position at no known organisation: names the file, the person, the position and the organisation', async () => {
    const directory = await dataDirectoryWith(root, 'unknown-organisation', {
      ...valid,
      'people.yaml': valid['people.yaml'].replace('organisation: dpsa', 'organisation: dspa'),
    });
    const error = await corpusErrorOf(() => checkDirectory(directory));
    expect(error.problems).toHaveLength(1);
    const [problem] = error.problems;
    expect(problem).toContain('people.yaml');
    expect(problem).toContain('(clark-c)');
    expect(problem).toContain('(deputy-director-general-dpsa)');
    expect(problem).toContain('unknown organisation "dspa"');
  });

  it('(d) the same key in two files: names both files and the key', async () => {
    const directory = await dataDirectoryWith(root, 'duplicate', {
      ...valid,
      'units.yaml': `
organisations:
  - key: dpsa
    name: Department of Public Service and Administration
    kind: NATIONAL_DEPARTMENT
    cite:
      - source: sms-2007-event-page
        excerpt: "Department of Public Service and Administration"
`,
    });
    const error = await corpusErrorOf(() => checkDirectory(directory));
    expect(error.problems).toHaveLength(1);
    const [problem] = error.problems;
    expect(problem).toContain('(dpsa)');
    expect(problem).toContain('duplicate key');
    // Files are read in name order, so the later file's entry is the duplicate of the earlier one's.
    expect(problem).toMatch(/[/\\]units\.yaml: organisations\[0\] \(dpsa\): duplicate key, already defined at .*[/\\]organisations\.yaml: organisations\[0\] \(dpsa\)$/);
  });

  it('(e) an excerpt that is not verbatim (the corrected "continuous" instead of the source\'s "continuoues"): names the file, the entry, the source and the excerpt', async () => {
    const directory = await dataDirectoryWith(root, 'not-verbatim', {
      ...valid,
      'conferences.yaml': valid['conferences.yaml'].replace(
        'excerpt: "Sub Theme: Creation of a culture of continuoues learning',
        'excerpt: "Sub Theme: Creation of a culture of continuous learning',
      ),
    });
    const error = await corpusErrorOf(() => checkDirectory(directory));
    expect(error.problems).toHaveLength(1);
    const [problem] = error.problems;
    expect(problem).toContain('conferences.yaml');
    expect(problem).toContain('(sms/2007)');
    expect(problem).toContain('days[0]');
    expect(problem).toContain('does not occur verbatim');
    expect(problem).toContain('"sms-2007-event-page"');
    expect(problem).toContain('Creation of a culture of continuous learning');
  });

  it('(e) a mended "Ser vice" is not verbatim either', async () => {
    const directory = await dataDirectoryWith(root, 'not-verbatim-service', {
      ...valid,
      'conferences.yaml': valid['conferences.yaml'].replace('excerpt: "The leadership pipeline in the Public Ser vice"', 'excerpt: "The leadership pipeline in the Public Service:"'),
    });
    const error = await corpusErrorOf(() => checkDirectory(directory));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toContain('(day-2-round-table)');
    expect(error.problems[0]).toContain('does not occur verbatim');
  });

  it('reports every problem at once, not just the first', async () => {
    const directory = await dataDirectoryWith(root, 'several', {
      ...valid,
      'people.yaml': valid['people.yaml'].replace('organisation: dpsa', 'organisation: dspa'),
      'conferences.yaml': valid['conferences.yaml'].replace('person: clark-c', 'person: clark-x'),
    });
    const error = await corpusErrorOf(() => checkDirectory(directory));
    expect(error.problems).toHaveLength(2);
    expect(error.problems.some((problem) => problem.includes('unknown organisation "dspa"'))).toBe(true);
    expect(error.problems.some((problem) => problem.includes('unknown person "clark-x"'))).toBe(true);
    expect(error.message).toContain('2 problem');
  });
});

describe('the corpus loader writes all or nothing', () => {
  let root: string;
  let database: { url: string; drop: () => Promise<void> };
  let opened: Database;

  /** Rows in every table of the schema except the migrations' own bookkeeping. */
  async function rowCounts(): Promise<Record<string, number>> {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const tables = await client.query<{ name: string }>(
        `select table_name as name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'mikro_orm%'
          order by table_name`,
      );
      const counts: Record<string, number> = {};
      for (const { name } of tables.rows) {
        const result = await client.query<{ count: number }>(`select count(*)::int as count from "${name}"`);
        counts[name] = result.rows[0]!.count;
      }
      return counts;
    } finally {
      await client.end();
    }
  }

  const nonEmpty = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([, count]) => count > 0));

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'lekgotla-atomic-corpus-'));
    database = await createTestDatabase(inject('serverUrl'), { empty: true });
    opened = await openDatabase(parseConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' }), () => {});
  });
  afterAll(async () => {
    await opened?.close();
    await database?.drop();
    await rm(root, { recursive: true, force: true });
  });

  it('starts from a migrated database with empty tables', async () => {
    const counts = await rowCounts();
    expect(Object.keys(counts)).toEqual(expect.arrayContaining(['conference', 'person', 'organisation', 'source', 'citation', 'session']));
    expect(nonEmpty(counts)).toEqual({});
  });

  it('loads nothing from a corpus with an unknown reference: a CorpusError, and zero rows everywhere', async () => {
    const directory = await dataDirectoryWith(root, 'atomic-unknown-person', {
      ...valid,
      'conferences.yaml': valid['conferences.yaml'].replace('person: clark-c', 'person: clark-x'),
    });
    const error = await corpusErrorOf(() => loadCorpus(opened.orm, directory));
    expect(error.problems.join('\n')).toContain('unknown person "clark-x"');
    expect(nonEmpty(await rowCounts())).toEqual({});
  });

  it('loads nothing from a corpus with an excerpt that is not verbatim', async () => {
    const directory = await dataDirectoryWith(root, 'atomic-not-verbatim', {
      ...valid,
      'conferences.yaml': valid['conferences.yaml'].replace('continuoues learning', 'continuous learning'),
    });
    const error = await corpusErrorOf(() => loadCorpus(opened.orm, directory));
    expect(error.problems.join('\n')).toContain('does not occur verbatim');
    expect(nonEmpty(await rowCounts())).toEqual({});
  });

  it('loads nothing when the database refuses a row half-way (two sources with the same text): the write is one transaction', async () => {
    const directory = await dataDirectoryWith(root, 'atomic-database-refuses', {
      ...valid,
      'sources.yaml': `${valid['sources.yaml']}
  - key: sms-2007-event-page-copy
    title: A second copy of the event page
    kind: EVENT_PAGE
    file: sources/sms-2007-event-page.txt
`,
    });
    await expect(loadCorpus(opened.orm, directory)).rejects.toThrow();
    expect(nonEmpty(await rowCounts())).toEqual({});
  });

  it('loads the valid corpus into the same database afterwards, so the zero counts above were real', async () => {
    const directory = await dataDirectoryWith(root, 'atomic-valid', valid);
    await loadCorpus(opened.orm, directory);
    const counts = await rowCounts();
    expect({
      source: counts.source,
      organisation: counts.organisation,
      person: counts.person,
      position: counts.position,
      conference: counts.conference,
      conference_day: counts.conference_day,
      session: counts.session,
      participation: counts.participation,
    }).toEqual({ source: 1, organisation: 1, person: 1, position: 1, conference: 1, conference_day: 1, session: 1, participation: 1 });
  });
});
