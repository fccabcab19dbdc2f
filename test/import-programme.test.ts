import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../src/auth/api-keys.js';
import { Role } from '../src/entities/enums.js';
import { CorpusError } from '../src/ingest/corpus-error.js';
import { importCorpus } from '../src/ingest/import-corpus.js';
import { checksumOf, parseCorpusFile, readCorpus, type Corpus } from '../src/ingest/read-corpus.js';
import { graphql } from './generated/index.js';
import { startTestApp, type GraphQLResponse, type TestApp } from './support/app.js';
import { compileCli, type CompiledCli } from './support/compiled-cli.js';

/**
 * Importing programmes: the 2006 SMS programme (an edition the seed only
 * knows as REFERENCED) and the first day of 2008. People and organisations
 * are matched to the known ones; everything is checked before anything is
 * written, and written in one transaction or not at all. The tests run in
 * order: nothing is imported until "the import" describes it.
 */

const root = path.resolve(import.meta.dirname, '..');
const FIXTURES = 'test/fixtures/imports';
const PROGRAMME_2006 = `${FIXTURES}/sms-2006/sms-2006-programme.yaml`;
const PROGRAMME_2008 = `${FIXTURES}/sms-2008/sms-2008-programme.yaml`;
const EDITOR = 'programme-editor';

const ImportProgrammeRun = graphql(`
  mutation ImportProgrammeRun($input: ImportProgrammeInput!) {
    importProgramme(input: $input) {
      dryRun
      changed
      records {
        recordType
        created
        updated
        unchanged
        removed
      }
      identities {
        kind
        inputKey
        decision
        key
        score
        reasons
        candidates {
          key
          score
          reasons
        }
      }
    }
  }
`);

const ImportProgrammeEdition = graphql(`
  query ImportProgrammeEdition($year: Int!) {
    conference(seriesSlug: "sms", year: $year) {
      id
      year
      title
      theme
      documentation
      startDate
      endDate
      venue {
        name
        city
      }
      audience
      sources {
        key
      }
      days {
        number
        date
        subTheme
      }
      sessions(first: 20) {
        nodes {
          ref
          kind
          title
          parent {
            ref
          }
          participants {
            role
            person {
              id
              displayName
            }
            position {
              title
              organisation {
                acronym
                name
              }
            }
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
  }
`);

const ImportProgrammeEditions = graphql(`
  query ImportProgrammeEditions {
    conferences(filter: { seriesSlug: "sms" }, first: 20) {
      totalCount
      nodes {
        year
        documentation
      }
    }
  }
`);

const ImportProgrammePeople = graphql(`
  query ImportProgrammePeople($name: String!) {
    people(filter: { name: $name }, first: 20) {
      totalCount
      nodes {
        id
        version
        displayName
        aliases
        positions {
          title
          organisation {
            name
          }
        }
        participations(first: 20) {
          totalCount
          nodes {
            role
            session {
              title
              conference {
                year
              }
            }
            position {
              title
            }
          }
        }
        possibleDuplicates {
          person {
            displayName
          }
          score
          reasons
        }
      }
    }
  }
`);

const ImportProgrammeOrganisations = graphql(`
  query ImportProgrammeOrganisations($name: String!) {
    organisations(filter: { name: $name }) {
      totalCount
      nodes {
        id
        name
        acronym
        aliases
      }
    }
  }
`);

const ImportProgrammeChanges = graphql(`
  query ImportProgrammeChanges($recordId: ID, $actor: String, $first: Int) {
    changes(recordId: $recordId, actor: $actor, first: $first) {
      totalCount
      nodes {
        actor
        action
        recordType
        changedFields
        before
        after
        note
      }
    }
  }
`);

const ImportProgrammeMerge = graphql(`
  mutation ImportProgrammeMerge($keepId: ID!, $keepVersion: Int!, $mergeId: ID!, $mergeVersion: Int!, $note: String!) {
    mergePeople(keepId: $keepId, keepVersion: $keepVersion, mergeId: $mergeId, mergeVersion: $mergeVersion, note: $note) {
      id
      aliases
    }
  }
`);

// ---------------------------------------------------------------- harness

let app: TestApp;
let key: string;
let programme2006: string;
let text2006: string;

beforeAll(async () => {
  app = await startTestApp();
  key = await createApiKey(app.lekgotla.database.orm.em.fork(), EDITOR, Role.EDITOR);
  programme2006 = await readFile(path.join(root, PROGRAMME_2006), 'utf8');
  text2006 = await readFile(path.join(root, FIXTURES, 'sms-2006', 'sms-2006-programme.txt'), 'utf8');
});
afterAll(() => app?.close());

/** Sends with the editor's key, or with no Authorization header at all when `authorization` is null. */
async function send<Result, Variables>(document: TypedDocumentNode<Result, Variables>, variables: Variables, authorization: string | null = `Bearer ${key}`) {
  const { status, body } = await app.post({ query: print(document), variables }, authorization ? { authorization } : {});
  return { status, ...(body as GraphQLResponse<Result>) };
}

async function read<Result, Variables>(document: TypedDocumentNode<Result, Variables>, variables: Variables): Promise<Result> {
  const response = await app.graphql(document, variables);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

/** The 2006 programme as the mutation takes it, with one edit to its YAML. */
function input2006(edit: (yaml: string) => string = (yaml) => yaml, dryRun?: boolean) {
  const corpus = edit(programme2006);
  return { input: { corpus, sources: [{ key: 'sms-2006-programme', text: text2006 }], ...(dryRun === undefined ? {} : { dryRun }) } };
}

/** Replaces exactly one occurrence, so a fixture edit cannot silently miss. */
function replaceOnce(text: string, from: string, to: string): string {
  expect(text.split(from)).toHaveLength(2);
  return text.replace(from, to);
}

/** The number of rows in every table of the database. */
async function tableCounts(): Promise<Record<string, number>> {
  const connection = app.lekgotla.database.orm.em.fork().getConnection();
  const tables = await connection.execute<Array<{ name: string }>>(
    "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name",
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await connection.execute<Array<{ count: number }>>(`select count(*)::int as count from "${name}"`);
    counts[name] = row!.count;
  }
  return counts;
}

async function historyLength(): Promise<number> {
  return (await read(ImportProgrammeChanges, { first: 1 })).changes.totalCount;
}

const tally = (records: Array<{ recordType: string; created: number; updated: number; unchanged: number }>, recordType: string) => {
  const found = records.find((record) => record.recordType === recordType);
  return found && { created: found.created, updated: found.updated, unchanged: found.unchanged };
};

// ---------------------------------------------------------------- the compiled command line

let cli: CompiledCli;
beforeAll(async () => {
  cli = await compileCli();
}, 180_000);

const run = (...args: string[]) =>
  cli.run(
    { DATABASE_URL: app.lekgotla.database.orm.config.get('clientUrl'), DATA_DIR: path.join(root, 'data'), LOG_LEVEL: 'silent' },
    ...args,
  );


let seedCounts: Record<string, number>;
let levinId: string;

beforeAll(async () => {
  seedCounts = await tableCounts();
  const levin = await read(ImportProgrammePeople, { name: 'Levin' });
  expect(levin.people.nodes.map((person) => person.displayName)).toEqual(['Prof R M Levin']);
  levinId = levin.people.nodes[0]!.id;
});

// ---------------------------------------------------------------- the fixtures

describe('the fixture corpora', () => {
  it('are valid on their own, so that the failures below come from the one thing each test breaks', async () => {
    const corpus = await readCorpus(path.join(root, 'data'), path.join(root, PROGRAMME_2006));
    expect(corpus.parts.map((part) => part.content.conferences.map((conference) => `${conference.series}/${conference.year}`))).toEqual([['sms/2006']]);
    expect([...corpus.texts.keys()]).toEqual(['sms-2006-programme']);
    expect(corpus.texts.get('sms-2006-programme')!.text).toBe(text2006);
  });
});

// ---------------------------------------------------------------- refusals

describe('an input that cannot be imported', () => {
  it.each([
    ['malformed YAML', (yaml: string) => replaceOnce(yaml, 'aliases: [Ms X N Sibeko]', 'aliases: [Ms X N Sibeko'), ['input.corpus: not valid YAML']],
    [
      'a date that does not exist',
      (yaml: string) => replaceOnce(yaml, 'startDate: "2006-09-20"', 'startDate: "2006-02-30"'),
      ['input.corpus: conferences[0].startDate: must be an existing calendar date written YYYY-MM-DD'],
    ],
    [
      'an unknown role',
      (yaml: string) => replaceOnce(yaml, 'role: KEYNOTE_SPEAKER', 'role: MODERATOR'),
      ['input.corpus: conferences[0].days[0].sessions[0].participants[0].role: '],
    ],
    [
      'a reference to a person the input does not define',
      (yaml: string) => replaceOnce(yaml, '- person: mthethwa-l', '- person: mthethwa-lindiwe'),
      ['input.corpus: conferences[0] (sms/2006): days[0].sessions[1] (day-1-round-table): participants[2]: unknown person "mthethwa-lindiwe"'],
    ],
    [
      "a position of someone else's",
      (yaml: string) => replaceOnce(yaml, 'position: chief-director-hrd-health', 'position: director-general-psa'),
      ['input.corpus: conferences[0] (sms/2006): days[0].sessions[1] (day-1-round-table): participants[0]: person "dlamini-s" has no position "director-general-psa"'],
    ],
    [
      'an excerpt that is not verbatim',
      (yaml: string) => replaceOnce(yaml, 'excerpt: "• Mr L Mthethwa"\n\n', 'excerpt: "• Mr L. Mthethwa"\n\n'),
      ['input.corpus: people[3] (mthethwa-l): cite[0]: the excerpt does not occur verbatim in source "sms-2006-programme": "• Mr L. Mthethwa"'],
    ],
    [
      'an e-mail address that is not one',
      (yaml: string) => replaceOnce(yaml, '    documentation: DOCUMENTED\n', '    documentation: DOCUMENTED\n    contacts:\n      - name: T Nkosi\n        email: T.Nkosi at dpsa.gov.za\n'),
      ['input.corpus: conferences[0].contacts[0].email: '],
    ],
    [
      'a misspelt field',
      (yaml: string) => replaceOnce(yaml, '    audience: Senior', '    audiance: Senior'),
      ['input.corpus: conferences[0]: '],
    ],
    [
      'two problems at once, both reported',
      (yaml: string) => replaceOnce(replaceOnce(yaml, 'endDate: "2006-09-21"', 'endDate: "2006-09-19"'), '- person: clark-c', '- person: clark-c-m'),
      [
        'input.corpus: conferences[0] (sms/2006): startDate 2006-09-20 is after endDate 2006-09-19',
        'input.corpus: conferences[0] (sms/2006): days[1].sessions[0].children[0] (day-2-commission-1): participants[0]: unknown person "clark-c-m"',
      ],
    ],
  ])('%s: BAD_USER_INPUT naming the entry and the problem; no row changes', async (_label, edit, expectedProblems) => {
    const before = await tableCounts();
    const response = await send(ImportProgrammeRun, input2006(edit));
    expect(response.data ?? null).toBeNull();
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const message = response.errors![0]!.message;
    expect(message.startsWith('The programme cannot be imported: ')).toBe(true);
    for (const problem of expectedProblems) expect(message).toContain(problem);
    expect(await tableCounts()).toEqual(before);
  });

  it('a source whose text was not sent: BAD_USER_INPUT naming the source', async () => {
    const before = await tableCounts();
    const response = await send(ImportProgrammeRun, { input: { corpus: programme2006, sources: [] } });
    expect(response.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(response.errors![0]!.message).toBe('The programme cannot be imported: input.sources: no text was sent for the source "sms-2006-programme"');
    expect(await tableCounts()).toEqual(before);
  });

  it.each([
    ['malformed.yaml', ['test/fixtures/imports/broken/malformed.yaml: not valid YAML: ']],
    ['nonexistent-date.yaml', ['test/fixtures/imports/broken/nonexistent-date.yaml: conferences[0].startDate: must be an existing calendar date written YYYY-MM-DD']],
    ['unknown-role.yaml', ['test/fixtures/imports/broken/unknown-role.yaml: conferences[0].days[0].sessions[0].participants[0].role: ']],
    [
      'dangling-reference.yaml',
      [
        'test/fixtures/imports/broken/dangling-reference.yaml: conferences[0] (sms/2006): days[0].sessions[0] (day-1-keynote): participants[0]: unknown person "levin-r"',
        'test/fixtures/imports/broken/dangling-reference.yaml: conferences[0] (sms/2006): days[0].sessions[0] (day-1-keynote): participants[0]: cite[0]: unknown source "sms-2006-event-page"',
      ],
    ],
  ])('the file %s: a CorpusError naming the file, the entry and the problem; no row changes', async (file, expectedProblems) => {
    const before = await tableCounts();
    const attempt = (async () =>
      importCorpus(app.lekgotla.database.orm.em.fork(), await readCorpus(path.join(root, 'data'), path.join(root, FIXTURES, 'broken', file)), { actor: 'broken-file' }))();
    const error = await attempt.then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(CorpusError);
    const problems = (error as CorpusError).problems;
    expect(problems).toHaveLength(expectedProblems.length);
    expectedProblems.forEach((expected, index) => expect(problems[index]).toContain(expected));
    expect(await tableCounts()).toEqual(before);
  });

  it('needs an EDITOR key: without one, UNAUTHENTICATED and nothing written', async () => {
    const response = await send(ImportProgrammeRun, input2006(), null);
    expect(response.data ?? null).toBeNull();
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(await tableCounts()).toEqual(seedCounts);
  });
});

// ---------------------------------------------------------------- dry run and failure halfway

const expectedIdentities2006 = [
  { kind: 'ORGANISATION', inputKey: 'psa', decision: 'SAME', key: 'dpsa' },
  { kind: 'ORGANISATION', inputKey: 'department-of-health', decision: 'NEW', key: 'department-of-health' },
  { kind: 'PERSON', inputKey: 'levin-richard-m', decision: 'SAME', key: 'levin-r-m' },
  { kind: 'PERSON', inputKey: 'dlamini-s', decision: 'NEW', key: 'dlamini-s' },
  { kind: 'PERSON', inputKey: 'sibeko-x-n', decision: 'POSSIBLE', key: 'sibeko-x-n' },
  { kind: 'PERSON', inputKey: 'mthethwa-l', decision: 'KNOWN', key: 'mthethwa-l' },
  { kind: 'PERSON', inputKey: 'clark-c', decision: 'KNOWN', key: 'clark-c' },
];

describe('a dry run', () => {
  it('reports what the import would create, update and match, and writes nothing', async () => {
    const response = await send(ImportProgrammeRun, input2006(undefined, true));
    expect(response.errors).toBeUndefined();
    const report = response.data!.importProgramme;
    expect(report.dryRun).toBe(true);
    expect(report.changed).toBe(true);
    expect(tally(report.records, 'Conference')).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(tally(report.records, 'ConferenceDay')).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(tally(report.records, 'Session')).toEqual({ created: 4, updated: 0, unchanged: 0 });
    expect(tally(report.records, 'Participation')).toEqual({ created: 5, updated: 0, unchanged: 0 });
    expect(tally(report.records, 'Person')).toEqual({ created: 2, updated: 1, unchanged: 2 });
    expect(tally(report.records, 'Position')).toEqual({ created: 1, updated: 0, unchanged: 2 });
    expect(tally(report.records, 'Organisation')).toEqual({ created: 1, updated: 1, unchanged: 0 });
    expect(tally(report.records, 'Source')).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(tally(report.records, 'ConferenceSeries')).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(report.identities.map(({ kind, inputKey, decision, key }) => ({ kind, inputKey, decision, key }))).toEqual(expectedIdentities2006);

    expect(await tableCounts()).toEqual(seedCounts);
    const sms2006 = (await read(ImportProgrammeEdition, { year: 2006 })).conference!;
    expect(sms2006.documentation).toBe('REFERENCED');
    expect(sms2006.days).toEqual([]);
    expect((await read(ImportProgrammePeople, { name: 'Dlamini' })).people.totalCount).toBe(0);
  });

  it('through importCorpus reports the same and writes nothing either', async () => {
    const corpus: Corpus = {
      parts: [parseCorpusFile('sms-2006-programme.yaml', programme2006)],
      texts: new Map([['sms-2006-programme', { text: text2006, checksum: checksumOf(text2006) }]]),
    };
    const report = await importCorpus(app.lekgotla.database.orm.em.fork(), corpus, { actor: 'dry-runner', dryRun: true });
    expect(report.dryRun).toBe(true);
    expect(report.changed).toBe(true);
    expect(report.records.Participation).toMatchObject({ created: 5 });
    expect(await tableCounts()).toEqual(seedCounts);
    expect((await read(ImportProgrammeChanges, { actor: 'dry-runner', first: 1 })).changes.totalCount).toBe(0);
  });
});

describe('a dry run on the command line', () => {
  it('prints the tallies and how each person and organisation would be matched, and writes nothing', async () => {
    const result = await run('import', PROGRAMME_2006, '--dry-run');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Dry run: nothing was written. The import would do this:');
    expect(lines.slice(-7)).toEqual([
      'organisation psa: SAME → dpsa',
      'organisation department-of-health: NEW',
      'person levin-richard-m: SAME → levin-r-m',
      'person dlamini-s: NEW',
      'person sibeko-x-n: POSSIBLE (possibly sibeko-x 0.55)',
      'The import would change the knowledge base.',
      '',
    ]);
    expect(result.stdout).toContain('Person             created 2, updated 1, unchanged 2\n');
    expect(result.stdout).toContain('Participation      created 5, updated 0, unchanged 0\n');
    expect(await tableCounts()).toEqual(seedCounts);
  });
});

describe('a failure after the Nth record', () => {
  let total = 0;

  beforeAll(async () => {
    // How many records the import writes, counted on a dry run.
    const corpus = await readCorpus(path.join(root, 'data'), path.join(root, PROGRAMME_2006));
    await importCorpus(app.lekgotla.database.orm.em.fork(), corpus, { actor: 'counter', dryRun: true, onRecord: (count) => (total = count) });
    expect(total).toBeGreaterThan(20);
  });

  it.each([
    ['the first', () => 1],
    ['a middle', () => Math.ceil(total / 2)],
    ['the last', () => total],
  ])('after %s record rolls everything back: every table keeps its row count', async (_label, position) => {
    const failAt = position();
    const corpus = await readCorpus(path.join(root, 'data'), path.join(root, PROGRAMME_2006));
    let written = 0;
    const attempt = importCorpus(app.lekgotla.database.orm.em.fork(), corpus, {
      actor: 'interrupted-import',
      onRecord: (count) => {
        written = count;
        if (count === failAt) throw new Error(`injected failure after record ${failAt}`);
      },
    });
    await expect(attempt).rejects.toThrow(`injected failure after record ${failAt}`);
    expect(written).toBe(failAt);
    expect(await tableCounts()).toEqual(seedCounts);
    expect((await read(ImportProgrammeChanges, { actor: 'interrupted-import', first: 1 })).changes.totalCount).toBe(0);
    expect((await read(ImportProgrammeEdition, { year: 2006 })).conference!.documentation).toBe('REFERENCED');
  });
});

// ---------------------------------------------------------------- the import

describe('the import', () => {
  let historyBefore: number;

  it('imports the 2006 programme, returning the identity decisions with scores and reasons', async () => {
    historyBefore = await historyLength();
    const response = await send(ImportProgrammeRun, input2006());
    expect(response.errors).toBeUndefined();
    const report = response.data!.importProgramme;
    expect(report).toMatchObject({ dryRun: false, changed: true });
    expect(report.identities.map(({ kind, inputKey, decision, key }) => ({ kind, inputKey, decision, key }))).toEqual(expectedIdentities2006);

    const byKey = new Map(report.identities.map((identity) => [identity.inputKey, identity]));
    expect(byKey.get('psa')!.score).toBe(0.9);
    expect(byKey.get('psa')!.reasons).toEqual(['"Public Service and Administration" is the name of Department of Public Service and Administration without "Department of"']);
    expect(byKey.get('levin-richard-m')!.score).toBe(1);
    expect(byKey.get('levin-richard-m')!.reasons).toEqual(
      expect.arrayContaining(['surname Levin agrees', 'same organisation: dpsa', 'same person: matching initials and organisation']),
    );
    expect(byKey.get('dlamini-s')).toMatchObject({ decision: 'NEW', score: null, reasons: ['no known person matches'], candidates: [] });
    const sibeko = byKey.get('sibeko-x-n')!;
    expect(sibeko.candidates.map((candidate) => [candidate.key, candidate.score])).toEqual([['sibeko-x', 0.55]]);
    expect(sibeko.candidates[0]!.reasons).toEqual(expect.arrayContaining(['surname Sibeko agrees', 'initials X N and X are compatible']));
  });

  it('turns the REFERENCED sms/2006 DOCUMENTED, with its programme, instead of adding a second 2006', async () => {
    const sms2006 = (await read(ImportProgrammeEdition, { year: 2006 })).conference!;
    expect(sms2006).toMatchObject({
      year: 2006,
      title: 'Senior Management Service Conference 2006',
      theme: 'Mobilising the Senior Management Service for shared growth: The role of the SMS in AsgiSA',
      documentation: 'DOCUMENTED',
      startDate: '2006-09-20',
      endDate: '2006-09-21',
      venue: { name: 'Durban International Convention Centre', city: 'Durban' },
      audience: 'Senior managers in national and provincial departments',
      sources: [{ key: 'sms-2006-programme' }],
    });
    expect(sms2006.days).toEqual([
      { number: 1, date: '2006-09-20', subTheme: 'Accelerated and shared growth and the Public Service' },
      { number: 2, date: '2006-09-21', subTheme: 'Implementing the Batho Pele principles' },
    ]);
    expect(sms2006.sessions.nodes.map((session) => [session.ref, session.kind, session.title, session.parent?.ref ?? null])).toEqual([
      ['day-1-keynote', 'KEYNOTE', 'Keynote address', null],
      ['day-1-round-table', 'ROUND_TABLE', 'Skills for shared growth', null],
      ['day-2-breakaway-commissions', 'BREAKAWAY', 'Breakaway Commissions', null],
      ['day-2-commission-1', 'COMMISSION', 'The Khaedu deployment programme', 'day-2-breakaway-commissions'],
    ]);
    expect(sms2006.sessions.nodes[1]!.participants.map((participant) => [participant.role, participant.person.displayName])).toEqual([
      ['FACILITATOR', 'Dr S Dlamini'],
      ['PANELLIST', 'Ms X N Sibeko'],
      ['PANELLIST', 'Mr L Mthethwa'],
    ]);
    // The 2007 documents' citations stay, and the programme's are added.
    const citedSources = sms2006.citations.map((citation) => citation.source.key);
    expect(citedSources.filter((source) => source === 'sms-2006-programme')).toHaveLength(5);
    expect(citedSources.filter((source) => source.startsWith('sms-2007-'))).toHaveLength(4);

    const editions = (await read(ImportProgrammeEditions, {})).conferences;
    expect(editions.totalCount).toBe(7);
    expect(editions.nodes.map((edition) => [edition.year, edition.documentation])).toEqual([
      [2007, 'DOCUMENTED'],
      [2006, 'DOCUMENTED'],
      [2005, 'REFERENCED'],
      [2004, 'REFERENCED'],
      [2003, 'REFERENCED'],
      [2002, 'REFERENCED'],
      [2001, 'REFERENCED'],
    ]);
  });

  it('links Professor Richard M Levin to the seed person, who gains the new alias and the new participation', async () => {
    const levin = await read(ImportProgrammePeople, { name: 'Levin' });
    expect(levin.people.totalCount).toBe(1);
    const person = levin.people.nodes[0]!;
    expect(person.id).toBe(levinId);
    expect(person.aliases).toEqual(['Prof R M Levin', 'Professor Richard M Levin']);
    expect(person.participations.totalCount).toBe(3);
    expect(person.participations.nodes.map((participation) => [participation.role, participation.session!.title, participation.session!.conference.year])).toEqual(
      expect.arrayContaining([['KEYNOTE_SPEAKER', 'Keynote address', 2006]]),
    );
    expect(person.positions.map((position) => [position.title, position.organisation?.name])).toEqual([
      ['Director-General', 'Department of Public Service and Administration'],
    ]);
    const keynote = (await read(ImportProgrammeEdition, { year: 2006 })).conference!.sessions.nodes[0]!;
    expect(keynote.participants).toEqual([
      {
        role: 'KEYNOTE_SPEAKER',
        person: { id: levinId, displayName: person.displayName },
        position: { title: 'Director-General', organisation: { acronym: 'DPSA', name: 'Department of Public Service and Administration' } },
      },
    ]);
  });

  it('links "Public Service and Administration" to the DPSA, which gains the spelling as an alias', async () => {
    const dpsa = await read(ImportProgrammeOrganisations, { name: 'Public Service and Administration' });
    expect(dpsa.organisations.nodes.map((organisation) => [organisation.name, organisation.acronym, organisation.aliases])).toEqual([
      ['Department of Public Service and Administration', 'DPSA', ['Public Service and Administration']],
    ]);
    const health = await read(ImportProgrammeOrganisations, { name: 'Health' });
    expect(health.organisations.nodes.map((organisation) => [organisation.name, organisation.acronym])).toEqual([['Department of Health', null]]);
  });

  it('creates Ms X N Sibeko as a new person with Ms X Sibeko as a possible duplicate, scored', async () => {
    const sibekos = (await read(ImportProgrammePeople, { name: 'Sibeko' })).people.nodes;
    expect(sibekos.map((person) => person.displayName).sort()).toEqual(['Ms X N Sibeko', 'Ms X Sibeko']);
    const incoming = sibekos.find((person) => person.displayName === 'Ms X N Sibeko')!;
    expect(incoming.possibleDuplicates.map((duplicate) => [duplicate.person.displayName, duplicate.score])).toEqual([['Ms X Sibeko', 0.55]]);
    expect(incoming.possibleDuplicates[0]!.reasons).toEqual(expect.arrayContaining(['surname Sibeko agrees', 'initials X N and X are compatible']));
    expect(incoming.participations.nodes.map((participation) => [participation.role, participation.session!.title])).toEqual([['PANELLIST', 'Skills for shared growth']]);
    const known = sibekos.find((person) => person.displayName === 'Ms X Sibeko')!;
    expect(known.participations.totalCount).toBe(1);
  });

  it('records every created or changed record in the history under the key holder', async () => {
    const mine = (await read(ImportProgrammeChanges, { actor: EDITOR, first: 100 })).changes;
    expect(mine.totalCount).toBe((await historyLength()) - historyBefore);
    const byType = mine.nodes.reduce<Record<string, string[]>>((types, change) => {
      (types[change.recordType] ??= []).push(change.action);
      return types;
    }, {});
    expect(byType.Conference).toEqual(['UPDATE']);
    expect(byType.Participation).toEqual(['CREATE', 'CREATE', 'CREATE', 'CREATE', 'CREATE']);
    expect(byType.Session).toEqual(['CREATE', 'CREATE', 'CREATE', 'CREATE']);

    const sms2006 = (await read(ImportProgrammeEdition, { year: 2006 })).conference!;
    const [update] = (await read(ImportProgrammeChanges, { recordId: sms2006.id, first: 5 })).changes.nodes;
    expect(update).toMatchObject({ actor: EDITOR, action: 'UPDATE', recordType: 'Conference', note: 'corpus import' });
    expect(update!.changedFields).toEqual(expect.arrayContaining(['documentation', 'startDate', 'endDate', 'theme', 'venueName', 'venueCity', 'audience']));
    expect(update!.before).toMatchObject({ documentation: 'REFERENCED', startDate: null, venueName: null });
    expect(update!.after).toMatchObject({ documentation: 'DOCUMENTED', startDate: '2006-09-20', venueName: 'Durban International Convention Centre' });

    const [levinChange] = (await read(ImportProgrammeChanges, { recordId: levinId, first: 5 })).changes.nodes;
    expect(levinChange).toMatchObject({ actor: EDITOR, action: 'UPDATE', recordType: 'Person' });
    expect(levinChange!.before).toMatchObject({ aliases: ['Prof R M Levin'] });
    expect(levinChange!.after).toMatchObject({ aliases: ['Prof R M Levin', 'Professor Richard M Levin'] });
  });

  it('a second import of the same input reports changed: false and changes no row and no history', async () => {
    const counts = await tableCounts();
    const history = await historyLength();
    const response = await send(ImportProgrammeRun, input2006());
    expect(response.errors).toBeUndefined();
    const report = response.data!.importProgramme;
    expect(report.changed).toBe(false);
    for (const record of report.records) expect({ type: record.recordType, created: record.created, updated: record.updated, removed: record.removed }).toEqual({ type: record.recordType, created: 0, updated: 0, removed: 0 });
    expect(tally(report.records, 'Participation')).toEqual({ created: 0, updated: 0, unchanged: 5 });
    expect(report.identities.map(({ inputKey, decision, key }) => [inputKey, decision, key])).toEqual([
      ['psa', 'SAME', 'dpsa'],
      ['department-of-health', 'KNOWN', 'department-of-health'],
      ['levin-richard-m', 'SAME', 'levin-r-m'],
      ['dlamini-s', 'KNOWN', 'dlamini-s'],
      ['sibeko-x-n', 'KNOWN', 'sibeko-x-n'],
      ['mthethwa-l', 'KNOWN', 'mthethwa-l'],
      ['clark-c', 'KNOWN', 'clark-c'],
    ]);
    expect(await tableCounts()).toEqual(counts);
    expect(await historyLength()).toBe(history);
  });
});

// ---------------------------------------------------------------- the command line

describe('the import command line', () => {
  const commandLineActor = `command-line:${os.userInfo().username}`;

  it('re-importing the 2006 file prints the tallies and "Nothing to change", writing nothing', async () => {
    const counts = await tableCounts();
    const result = await run('import', PROGRAMME_2006);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines).toContain('Conference         created 0, updated 0, unchanged 1');
    expect(lines).toContain('Participation      created 0, updated 0, unchanged 5');
    expect(lines).toContain('Session            created 0, updated 0, unchanged 4');
    expect(lines).toContain('person levin-richard-m: SAME → levin-r-m');
    expect(lines).toContain('organisation psa: SAME → dpsa');
    expect(lines.at(-2)).toBe('Nothing to change: the knowledge base already holds all of it.');
    expect(await tableCounts()).toEqual(counts);
  });

  it('--dry-run of the 2008 file reports what would be created and writes nothing', async () => {
    const counts = await tableCounts();
    const result = await run('import', PROGRAMME_2008, '--dry-run');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Dry run: nothing was written. The import would do this:');
    expect(lines).toContain('Conference         created 1, updated 0, unchanged 0');
    expect(lines).toContain('Person             created 1, updated 0, unchanged 0');
    expect(lines).toContain('Participation      created 1, updated 0, unchanged 0');
    expect(lines).toContain('person dlamini-t-m: NEW');
    expect(lines).toContain('organisation department-of-education: NEW');
    expect(lines.at(-2)).toBe('The import would change the knowledge base.');
    expect(await tableCounts()).toEqual(counts);
    expect((await read(ImportProgrammeEdition, { year: 2008 })).conference).toBeNull();
  });

  it('imports the 2008 file: Prof T M Dlamini of Education is not Dr S Dlamini of Health, so there are two people', async () => {
    const result = await run('import', PROGRAMME_2008);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines).toContain('Conference         created 1, updated 0, unchanged 0');
    expect(lines).toContain('person dlamini-t-m: NEW');
    expect(result.stdout).not.toContain('possibly');
    expect(lines.at(-2)).toBe('Imported.');

    const dlaminis = (await read(ImportProgrammePeople, { name: 'Dlamini' })).people.nodes;
    expect(dlaminis.map((person) => [person.displayName, person.positions.map((position) => position.organisation?.name)]).sort()).toEqual([
      ['Dr S Dlamini', ['Department of Health']],
      ['Prof T M Dlamini', ['Department of Education']],
    ]);
    for (const person of dlaminis) expect(person.possibleDuplicates).toEqual([]);
    const editions = (await read(ImportProgrammeEditions, {})).conferences;
    expect(editions.totalCount).toBe(8);
    expect((await read(ImportProgrammeChanges, { actor: commandLineActor, first: 1 })).changes.totalCount).toBeGreaterThan(0);
  });

  it('re-importing the 2008 folder prints "Nothing to change" and adds no history', async () => {
    const history = await historyLength();
    const result = await run('import', `${FIXTURES}/sms-2008`);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').at(-2)).toBe('Nothing to change: the knowledge base already holds all of it.');
    expect(await historyLength()).toBe(history);
  });

  it('refuses a broken file, naming the file, the entry and the problem, and exits 1 writing nothing', async () => {
    const counts = await tableCounts();
    const result = await run('import', `${FIXTURES}/broken/nonexistent-date.yaml`);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('error: The corpus has 1 problem(s):');
    expect(result.stderr).toContain('test/fixtures/imports/broken/nonexistent-date.yaml: conferences[0].startDate: must be an existing calendar date written YYYY-MM-DD');
    expect(await tableCounts()).toEqual(counts);
  });

  it('refuses a folder of broken files, naming each file that cannot be read, and writes nothing', async () => {
    const counts = await tableCounts();
    const result = await run('import', `${FIXTURES}/broken`);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: The corpus has \d+ problem\(s\):/);
    for (const file of ['malformed.yaml', 'nonexistent-date.yaml', 'unknown-role.yaml']) {
      expect(result.stderr).toContain(`test/fixtures/imports/broken/${file}: `);
    }
    expect(await tableCounts()).toEqual(counts);
  });

  it("reads a source's text from DATA_DIR when it is not beside the YAML file", async () => {
    const result = await run('import', `${FIXTURES}/sms-2007/sms-2007-event-page-source.yaml`);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Source             created 0, updated 0, unchanged 1');
    expect(lines.at(-2)).toBe('Nothing to change: the knowledge base already holds all of it.');
  });

  it('without a file, is a usage error', async () => {
    const result = await run('import');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('import needs a corpus FILE or DIR');
  });
});

// ---------------------------------------------------------------- after a curator's merge

describe('after a curator merges the possible duplicate', () => {
  it('the suggestion is gone, and importing the programme again does not bring the duplicate back', async () => {
    const sibekos = (await read(ImportProgrammePeople, { name: 'Sibeko' })).people.nodes;
    const known = sibekos.find((person) => person.displayName === 'Ms X Sibeko')!;
    const incoming = sibekos.find((person) => person.displayName === 'Ms X N Sibeko')!;
    const merged = await send(ImportProgrammeMerge, {
      keepId: known.id,
      keepVersion: known.version,
      mergeId: incoming.id,
      mergeVersion: incoming.version,
      note: 'The programmes name the same Ms Sibeko',
    });
    expect(merged.errors).toBeUndefined();
    expect(merged.data!.mergePeople.aliases).toEqual(['Ms X Sibeko', 'Ms X N Sibeko']);

    const after = (await read(ImportProgrammePeople, { name: 'Sibeko' })).people.nodes;
    expect(after.map((person) => [person.displayName, person.participations.totalCount, person.possibleDuplicates])).toEqual([['Ms X Sibeko', 2, []]]);

    const response = await send(ImportProgrammeRun, input2006());
    expect(response.errors).toBeUndefined();
    const decision = response.data!.importProgramme.identities.find((identity) => identity.inputKey === 'sibeko-x-n')!;
    expect([decision.decision, decision.key]).toEqual(['SAME', 'sibeko-x']);
    expect((await read(ImportProgrammePeople, { name: 'Sibeko' })).people.totalCount).toBe(1);
  });
});
