import type { ResultOf, TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { createApiKey } from '../src/auth/api-keys.js';
import { Role } from '../src/entities/enums.js';
import { Source } from '../src/entities/index.js';
import { extractDraft } from '../src/ingest/extract/extract-draft.js';
import { graphql } from './generated/index.js';
import { startTestApp, type GraphQLResponse, type TestApp } from './support/app.js';

/**
 * The merge rules, told as the story that broke trust: a made-up 2008
 * programme page restates people and organisations the 2007 pages
 * documented, in its own words ("SAPS", kind OTHER, a lower-case series
 * title). Importing it must change no curated answer: differences become
 * claims an editor decides. The page goes the way `kb import-text` takes it:
 * extracted to a draft, then imported, here through importProgramme. The
 * tests run in order.
 */

const PAGE = path.resolve(import.meta.dirname, 'fixtures/imports/sms-2008-restated/sms-2008-restated.txt');
const SOURCE_KEY = 'sms-2008-restated';

const MergeImport = graphql(`
  mutation MergeImport($input: ImportProgrammeInput!) {
    importProgramme(input: $input) {
      importId
      dryRun
      changed
      changes {
        key
        recordType
        recordKey
        field
        before
        after
        applied
        sourceKey
        excerpt
      }
      conflicts {
        key
        recordType
        recordKey
        field
        known
        claimed
        status
        sourceKey
        excerpt
      }
    }
  }
`);

const MergeAnswers2007 = graphql(`
  query MergeAnswers2007 {
    saps: organisations(filter: { name: "Police" }) {
      nodes {
        name
        acronym
        aliases
        kind
      }
    }
    commission: organisations(filter: { name: "Public Service Commission" }) {
      nodes {
        name
        kind
      }
    }
    conference(seriesSlug: "sms", year: 2007) {
      title
      series {
        name
      }
    }
    clark: people(filter: { name: "Clark" }) {
      nodes {
        positions {
          title
          asOf
          latestAsOf
        }
      }
    }
    levin: people(filter: { name: "Levin" }) {
      nodes {
        positions {
          title
          asOf
          latestAsOf
        }
      }
    }
    singh: people(filter: { name: "Singh" }) {
      nodes {
        positions {
          title
          asOf
          latestAsOf
        }
      }
    }
  }
`);

const MergeSeriesClaims = graphql(`
  query MergeSeriesClaims {
    conference(seriesSlug: "sms", year: 2007) {
      series {
        name
        claims {
          id
          field
          value
          heldValue
          status
          excerpt
          importId
          source {
            key
          }
        }
      }
    }
  }
`);

const MergeOpenClaims = graphql(`
  query MergeOpenClaims($status: ClaimStatus) {
    claims(status: $status, first: 20) {
      totalCount
      nodes {
        id
        recordType
        field
        value
        status
        decidedBy
      }
    }
  }
`);

const MergeDecide = graphql(`
  mutation MergeDecide($id: ID!, $decision: ClaimDecision!) {
    decideClaim(id: $id, decision: $decision) {
      id
      status
      decidedBy
    }
  }
`);

const MergeOrganisation = graphql(`
  query MergeOrganisation($name: String!) {
    organisations(filter: { name: $name }) {
      nodes {
        id
        name
        acronym
        aliases
        kind
        claims {
          id
          field
          value
          status
        }
      }
    }
  }
`);

const MergeRecordHistory = graphql(`
  query MergeRecordHistory($recordId: ID!) {
    changes(recordId: $recordId, first: 1) {
      nodes {
        actor
        changedFields
        before
        after
        note
      }
    }
  }
`);

const MergeHistory = graphql(`
  query MergeHistory($importId: String) {
    changes(importId: $importId, first: 50) {
      totalCount
      nodes {
        recordType
        changedFields
        importId
      }
    }
  }
`);

let app: TestApp;
let editorKey: string;
let corpus: string;
let text: string;

beforeAll(async () => {
  app = await startTestApp();
  editorKey = await createApiKey(app.lekgotla.database.orm.em.fork(), 'merge-editor', Role.EDITOR);
  text = await readFile(PAGE, 'utf8');
  corpus = stringify(extractDraft(text, { sourceKey: SOURCE_KEY, sourceFile: 'sms-2008-restated.txt' }).draft, { lineWidth: 0 });
});
afterAll(() => app?.close());

async function send<Result, Variables>(document: TypedDocumentNode<Result, Variables>, variables: Variables) {
  const { body } = await app.post({ query: print(document), variables }, { authorization: `Bearer ${editorKey}` });
  return body as GraphQLResponse<Result>;
}

async function sent<Result, Variables>(document: TypedDocumentNode<Result, Variables>, variables: Variables): Promise<Result> {
  const response = await send(document, variables);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

const story = (options: { dryRun?: boolean; review?: { rejectChanges?: string[]; acceptConflicts?: string[]; keepConflicts?: string[] } } = {}) => ({
  input: { corpus, sources: [{ key: SOURCE_KEY, text }], ...options },
});

/** The 2007 answers the curated pages give, before any import and after the story's. */
const answers2007 = {
  saps: { nodes: [{ name: 'South African Police Service', acronym: 'SAPS', aliases: [], kind: 'POLICE_SERVICE' }] },
  commission: { nodes: [{ name: 'Public Service Commission', kind: 'CONSTITUTIONAL_BODY' }] },
  conference: { title: 'Senior Management Service Conference 2007', series: { name: 'Senior Management Service Conference' } },
  clark: { nodes: [{ positions: [{ title: 'Deputy Director-General', asOf: '2007-09-12', latestAsOf: null }] }] },
  levin: { nodes: [{ positions: [{ title: 'Director-General', asOf: '2007-09-12', latestAsOf: null }] }] },
  singh: { nodes: [{ positions: [{ title: 'Deputy Commissioner', asOf: '2007-09-12', latestAsOf: null }] }] },
};

/** The same answers once the 2008 page is imported: each holding is known to 2008 as well, and nothing else moved. */
const heldTo2008 = (title: string) => ({ nodes: [{ positions: [{ title, asOf: '2007-09-12', latestAsOf: '2008-09-10' }] }] });

describe('importing a 2008 page that restates the 2007 facts in its own words', () => {
  let dryRun: ResultOf<typeof MergeImport>;

  it('reads the page the way the story tells it: "SAPS" of kind OTHER, the Commission of kind OTHER, a lower-case series title', () => {
    expect(corpus).toContain('name: SAPS');
    expect(corpus).toContain('name: Senior management service conference\n');
    expect(corpus.match(/kind: OTHER/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it('before the import, the 2007 answers are the curated ones', async () => {
    expect(await app.graphql(MergeAnswers2007, {}).then((response) => response.data)).toEqual(answers2007);
  });

  it('the dry run names the series title as a conflict, with the known and the claimed name and the line it was read from', async () => {
    dryRun = await sent(MergeImport, story({ dryRun: true }));
    expect(dryRun.importProgramme.conflicts).toEqual([
      {
        key: expect.stringMatching(/^[0-9a-f]{16}$/),
        recordType: 'ConferenceSeries',
        recordKey: 'sms',
        field: 'name',
        known: 'Senior Management Service Conference',
        claimed: 'Senior management service conference',
        status: 'OPEN',
        sourceKey: SOURCE_KEY,
        excerpt: 'Senior management service conference 2008',
      },
    ]);
  });

  it('the dry run names every field it would change on a known record, before → after, with its source line, and none of them renames or re-kinds an organisation', () => {
    const positionChanges = dryRun.importProgramme.changes
      .filter((change) => change.recordType === 'Position' && change.field === 'latestAsOf')
      .map(({ recordKey, before, after, excerpt }) => ({ recordKey, before, after, excerpt }));
    expect(positionChanges).toEqual([
      {
        recordKey: 'clark-c: Deputy Director-General at dpsa',
        before: null,
        after: '2008-09-10',
        excerpt: 'Chairperson: Ms C Clark: Deputy Director-General, Department of Public Service and Administration (DPSA)',
      },
      {
        recordKey: 'levin-r-m: Director-General at dpsa',
        before: null,
        after: '2008-09-10',
        excerpt: 'Presenter: Prof R M Levin: Director-General, Department of Public Service and Administration',
      },
      {
        recordKey: 'singh-m: Deputy Commissioner at saps',
        before: null,
        after: '2008-09-10',
        excerpt: 'Chairperson: Dr M Singh, Deputy Commissioner, SAPS',
      },
      {
        recordKey: 'mashigo-k: Commissioner at public-service-commission',
        before: null,
        after: '2008-09-10',
        excerpt: 'Presenter: Commissioner K Mashigo, Public Service Commission',
      },
    ]);
    const organisationChanges = dryRun.importProgramme.changes.filter((change) => change.recordType === 'Organisation' && change.before !== null);
    expect(organisationChanges).toEqual([]);
    expect(dryRun.importProgramme.changes.filter((change) => change.recordType === 'Position' && change.field === 'asOf' && change.before !== null)).toEqual([]);
  });

  it('the dry run writes nothing: the answers and the open claims are as before', async () => {
    expect(await app.graphql(MergeAnswers2007, {}).then((response) => response.data)).toEqual(answers2007);
    expect((await sent(MergeOpenClaims, {})).claims.totalCount).toBe(0);
  });

  it('after the import, the organisations keep their names and kinds, the series its name, and each 2007 holding its as-of date, now known to 2008 too', async () => {
    const report = await sent(MergeImport, story());
    expect(report.importProgramme.changed).toBe(true);
    expect(report.importProgramme.conflicts.map((conflict) => [conflict.recordType, conflict.field, conflict.claimed])).toEqual([
      ['ConferenceSeries', 'name', 'Senior management service conference'],
    ]);
    expect(await app.graphql(MergeAnswers2007, {}).then((response) => response.data)).toEqual({
      ...answers2007,
      clark: heldTo2008('Deputy Director-General'),
      levin: heldTo2008('Director-General'),
      singh: heldTo2008('Deputy Commissioner'),
    });
  });

  it('the series carries the page title as an open claim, cited with the source and its line, naming the import', async () => {
    const { conference } = await app.graphql(MergeSeriesClaims, {}).then((response) => response.data!);
    const history = await sent(MergeHistory, { importId: conference!.series.claims[0]!.importId });
    expect(conference!.series).toEqual({
      name: 'Senior Management Service Conference',
      claims: [
        {
          id: expect.any(String),
          field: 'name',
          value: 'Senior management service conference',
          heldValue: 'Senior Management Service Conference',
          status: 'OPEN',
          excerpt: 'Senior management service conference 2008',
          importId: expect.stringMatching(/^[0-9a-f-]{36}$/),
          source: { key: SOURCE_KEY },
        },
      ],
    });
    expect(history.changes.nodes.filter((change) => change.recordType === 'Position')).toEqual([
      { recordType: 'Position', changedFields: ['latestAsOf', 'version'], importId: conference!.series.claims[0]!.importId },
      { recordType: 'Position', changedFields: ['latestAsOf', 'version'], importId: conference!.series.claims[0]!.importId },
      { recordType: 'Position', changedFields: ['latestAsOf', 'version'], importId: conference!.series.claims[0]!.importId },
      { recordType: 'Position', changedFields: ['latestAsOf', 'version'], importId: conference!.series.claims[0]!.importId },
    ]);
  });

  it('importing the same page again changes nothing and makes no second claim', async () => {
    const report = await sent(MergeImport, story());
    expect(report.importProgramme.changed).toBe(false);
    expect(report.importProgramme.changes).toEqual([]);
    expect((await sent(MergeOpenClaims, {})).claims.totalCount).toBe(1);
  });

  it('editors list the open claims; a key without the EDITOR role is refused', async () => {
    const open = await sent(MergeOpenClaims, {});
    expect(open.claims.nodes.map(({ recordType, field, value, status }) => ({ recordType, field, value, status }))).toEqual([
      { recordType: 'ConferenceSeries', field: 'name', value: 'Senior management service conference', status: 'OPEN' },
    ]);
    const anonymous = await app.graphql(MergeOpenClaims, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('KEEP leaves the curated series name the answer and closes the claim under the editor\'s name', async () => {
    const [claim] = (await sent(MergeOpenClaims, {})).claims.nodes;
    const decided = await sent(MergeDecide, { id: claim!.id, decision: 'KEEP' });
    expect(decided.decideClaim).toEqual({ id: claim!.id, status: 'KEPT', decidedBy: 'merge-editor' });
    expect((await app.graphql(MergeAnswers2007, {})).data!.conference!.series.name).toBe('Senior Management Service Conference');
    expect((await sent(MergeOpenClaims, {})).claims.totalCount).toBe(0);
    const again = await send(MergeDecide, { id: claim!.id, decision: 'ACCEPT' });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(again.errors?.[0]?.message).toBe(`Claim ${claim!.id} was already decided (KEPT) by merge-editor`);
  });
});

/** A hand-written corpus file naming an organisation, for the rules the story does not reach. */
const organisationFile = (entry: string) => ({
  input: {
    corpus: `sources:\n  - key: nsg-page\n    title: A page naming the school\n    kind: OTHER\n    file: nsg-page.txt\norganisations:\n${entry}`,
    sources: [{ key: 'nsg-page', text: 'Presenter: Ms A Reader, NSG. The National School of Government (NSG) trains managers. Centre for Public Service Innovation and Learning.' }],
  },
});

const MergeDocument = graphql(`
  query MergeDocument($key: String!) {
    document(key: $key) {
      title
      kind
      description
    }
  }
`);

describe('the merge rules one by one', () => {
  it('what the sources say beside the programme merges by the same rules: a restated document fills its empty description and keeps its title and kind, each difference a conflict', async () => {
    const key = 'draft-leadership-development-management-strategic-framework';
    const curated = {
      title: 'Draft Leadership Development Management Strategic Framework for Senior Managers in the Public Service',
      kind: 'FRAMEWORK',
      description: null,
    };
    expect((await sent(MergeDocument, { key })).document).toEqual(curated);
    const text = 'The Leadership Development Management Strategic Framework, a report on developing senior managers, was tabled again.';
    const report = await sent(MergeImport, {
      input: {
        corpus:
          `sources:\n  - key: framework-note\n    title: A note on the framework\n    kind: OTHER\n    file: framework-note.txt\n` +
          `documents:\n  - key: ${key}\n    title: Leadership Development Management Strategic Framework\n    kind: REPORT\n` +
          `    description: a report on developing senior managers\n    cite:\n      - source: framework-note\n        excerpt: "The Leadership Development Management Strategic Framework"\n`,
        sources: [{ key: 'framework-note', text }],
      },
    });
    expect(report.importProgramme.conflicts.filter((conflict) => conflict.recordType === 'Document')).toMatchObject([
      { recordKey: key, field: 'title', known: curated.title, claimed: 'Leadership Development Management Strategic Framework', status: 'OPEN' },
      { recordKey: key, field: 'kind', known: 'FRAMEWORK', claimed: 'REPORT', status: 'OPEN' },
    ]);
    expect(report.importProgramme.changes.filter((change) => change.recordType === 'Document')).toMatchObject([
      { recordKey: key, field: 'description', before: null, after: 'a report on developing senior managers', applied: true },
    ]);
    expect((await sent(MergeDocument, { key })).document).toEqual({ ...curated, description: 'a report on developing senior managers' });
  });


  it('a new source fills an empty field: the Commission, which had no acronym, gains "PSC"', async () => {
    const before = await sent(MergeOrganisation, { name: 'Public Service Commission' });
    expect(before.organisations.nodes[0]).toMatchObject({ acronym: null, kind: 'CONSTITUTIONAL_BODY' });
    const report = await sent(
      MergeImport,
      organisationFile('  - key: public-service-commission\n    name: Public Service Commission\n    acronym: PSC\n    kind: OTHER\n    cite:\n      - source: nsg-page\n        excerpt: "NSG"\n'),
    );
    expect(report.importProgramme.changes.filter((change) => change.recordType === 'Organisation')).toMatchObject([
      { recordKey: 'public-service-commission', field: 'acronym', before: null, after: 'PSC', applied: true },
    ]);
    const after = await sent(MergeOrganisation, { name: 'Public Service Commission' });
    expect(after.organisations.nodes[0]).toMatchObject({ name: 'Public Service Commission', acronym: 'PSC', kind: 'CONSTITUTIONAL_BODY', claims: [] });
  });

  it('an acronym never becomes a name, and the fuller form of a name wins over an abbreviation, every form kept', async () => {
    await sent(MergeImport, organisationFile('  - key: nsg\n    name: NSG\n    kind: OTHER\n    cite:\n      - source: nsg-page\n        excerpt: "Presenter: Ms A Reader, NSG"\n'));
    expect((await sent(MergeOrganisation, { name: 'NSG' })).organisations.nodes[0]).toMatchObject({ name: 'NSG', acronym: null, kind: 'OTHER' });
    await sent(
      MergeImport,
      organisationFile('  - key: nsg\n    name: National School of Government\n    kind: PUBLIC_ENTITY\n    cite:\n      - source: nsg-page\n        excerpt: "The National School of Government (NSG)"\n'),
    );
    expect((await sent(MergeOrganisation, { name: 'School of Government' })).organisations.nodes[0]).toMatchObject({
      name: 'National School of Government',
      acronym: 'NSG',
      aliases: ['NSG'],
      kind: 'PUBLIC_ENTITY',
      claims: [],
    });
    await sent(MergeImport, organisationFile('  - key: nsg\n    name: NSG\n    kind: OTHER\n    cite:\n      - source: nsg-page\n        excerpt: "Presenter: Ms A Reader, NSG"\n'));
    expect((await sent(MergeOrganisation, { name: 'School of Government' })).organisations.nodes[0]).toMatchObject({
      name: 'National School of Government',
      acronym: 'NSG',
      kind: 'PUBLIC_ENTITY',
    });
  });

  it('a different name is a claim; ACCEPT makes it the answer, keeps the old name as an alias and records the change in the history', async () => {
    const report = await sent(
      MergeImport,
      organisationFile('  - key: cpsi\n    name: Centre for Public Service Innovation and Learning\n    kind: PUBLIC_ENTITY\n    cite:\n      - source: nsg-page\n        excerpt: "Centre for Public Service Innovation and Learning"\n'),
    );
    expect(report.importProgramme.conflicts.map(({ recordKey, field, known, claimed }) => ({ recordKey, field, known, claimed }))).toEqual([
      { recordKey: 'cpsi', field: 'name', known: 'Centre for Public Service Innovation', claimed: 'Centre for Public Service Innovation and Learning' },
    ]);
    const [organisation] = (await sent(MergeOrganisation, { name: 'CPSI' })).organisations.nodes;
    expect(organisation).toMatchObject({ name: 'Centre for Public Service Innovation', claims: [{ field: 'name', status: 'OPEN' }] });
    await sent(MergeDecide, { id: organisation!.claims[0]!.id, decision: 'ACCEPT' });
    expect((await sent(MergeOrganisation, { name: 'CPSI' })).organisations.nodes[0]).toMatchObject({
      name: 'Centre for Public Service Innovation and Learning',
      aliases: ['Centre For Public Service Innovation', 'Centre for Public Service Innovation'],
      claims: [{ field: 'name', value: 'Centre for Public Service Innovation and Learning', status: 'ACCEPTED' }],
    });
    const [entry] = (await sent(MergeRecordHistory, { recordId: organisation!.id })).changes.nodes;
    expect(entry).toMatchObject({
      actor: 'merge-editor',
      changedFields: ['aliases', 'name', 'version'],
      before: { name: 'Centre for Public Service Innovation' },
      after: { name: 'Centre for Public Service Innovation and Learning' },
      note: `claim ${organisation!.claims[0]!.id} decided: ACCEPT`,
    });
  });

  it('RECORD_BOTH keeps the known name the answer and the claimed one as an alias', async () => {
    await sent(
      MergeImport,
      organisationFile('  - key: university-of-pretoria\n    name: Tuks University\n    kind: UNIVERSITY\n    cite:\n      - source: nsg-page\n        excerpt: "NSG"\n'),
    );
    const [organisation] = (await sent(MergeOrganisation, { name: 'University of Pretoria' })).organisations.nodes;
    expect(organisation).toMatchObject({ name: 'University of Pretoria', aliases: [], claims: [{ field: 'name', value: 'Tuks University', status: 'OPEN' }] });
    await sent(MergeDecide, { id: organisation!.claims[0]!.id, decision: 'RECORD_BOTH' });
    expect((await sent(MergeOrganisation, { name: 'University of Pretoria' })).organisations.nodes[0]).toMatchObject({
      name: 'University of Pretoria',
      aliases: ['Tuks University'],
      claims: [{ field: 'name', value: 'Tuks University', status: 'BOTH' }],
    });
  });

  it('a review applies the import with a change rejected and a conflict kept; a stale review key is refused with CONFLICT', async () => {
    const corpusFile = organisationFile('  - key: saps\n    name: South African Police Services\n    kind: POLICE_SERVICE\n    objectives: [Safety]\n    cite:\n      - source: nsg-page\n        excerpt: "NSG"\n');
    const dry = await sent(MergeImport, { input: { ...corpusFile.input, dryRun: true } });
    const objectives = dry.importProgramme.changes.find((change) => change.recordKey === 'saps' && change.field === 'objectives')!;
    const name = dry.importProgramme.conflicts.find((conflict) => conflict.recordKey === 'saps')!;
    expect(objectives).toMatchObject({ before: [], after: ['Safety'] });
    expect(name).toMatchObject({ field: 'name', known: 'South African Police Service', claimed: 'South African Police Services' });
    const stale = await send(MergeImport, { input: { ...corpusFile.input, review: { rejectChanges: ['0000000000000000'] } } });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const applied = await sent(MergeImport, { input: { ...corpusFile.input, review: { rejectChanges: [objectives.key], keepConflicts: [name.key] } } });
    expect(applied.importProgramme.changes.find((change) => change.key === objectives.key)).toMatchObject({ applied: false });
    expect(applied.importProgramme.conflicts).toMatchObject([{ key: name.key, status: 'KEPT' }]);
    expect((await sent(MergeOrganisation, { name: 'Police' })).organisations.nodes[0]).toMatchObject({
      name: 'South African Police Service',
      claims: [{ field: 'name', value: 'South African Police Services', status: 'KEPT' }],
    });
  });

  it('a constraint the database enforces, broken by an import, is refused as CONFLICT naming the problem, and nothing is written', async () => {
    const eventPage = await readFile(path.resolve(import.meta.dirname, '../data/sources/sms-2007-event-page.txt'), 'utf8');
    const response = await send(MergeImport, {
      input: {
        corpus:
          'sources:\n  - key: event-page-again\n    title: The 2007 event page, saved twice\n    kind: EVENT_PAGE\n    file: event-page-again.txt\n' +
          'organisations:\n  - key: saps\n    name: South African Police Service\n    kind: POLICE_SERVICE\n    cite:\n      - source: event-page-again\n        excerpt: "Deputy Commissioner, SAPS"\n',
        sources: [{ key: 'event-page-again', text: eventPage }],
      },
    });
    expect(response.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(response.errors?.[0]?.message).toMatch(/^A record with the same natural key already exists/);
    expect(JSON.stringify(response.errors)).not.toMatch(/insert into|duplicate key value/);
    expect(await app.lekgotla.database.orm.em.fork().count(Source, { key: 'event-page-again' })).toBe(0);
  });
});
