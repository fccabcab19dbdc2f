import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../src/auth/api-keys.js';
import { Role } from '../src/entities/enums.js';
import { graphql } from './generated/index.js';
import { startTestApp, type GraphQLResponse, type TestApp } from './support/app.js';

/**
 * Curation through the API: a curator adds the 2008 event page and records
 * what it says, kind by kind, then corrects and removes records. Every write
 * is checked by reading it back, in the history, and by what is refused.
 * The tests run in order and build on one another.
 */

const EDITOR = 'mutations-editor';
const ADMIN = 'mutations-admin';

const SOURCE_TITLE = 'Senior management service conference 2008';
const SOURCE_TEXT = `Senior management service conference 2008

Building a developmental state: Leadership for accelerated service delivery

Date: 1 Oct 2008 - 3 Oct 2008

Venue: Birchwood Hotel and Conference Centre, Boksburg

Intended audiences : Senior managers in the Public Service

About 450 delegates from national and provincial departments are expected to attend.

Day 1 \u2013 Wednesday, 1 October 2008

Sub theme 1: The developmental state and the role of the Public Service

Chairperson: Ms C Clark: Deputy Director-General, Department of Public Service and Administration

  \u2022 Round table discussions: Planning for results in a developmental state
    Facilitator: Prof S van der Berg: Professor, University of Stellenbosch
    \u2022 Dr P Naidoo
    \u2022 Mr K Botha
  \u2022 Breakaway Commissions
  \u2022 Commission 1
    \u2022 Ethics and the Code of Conduct
      Facilitator: Mr D Sithole, Chief Executive Officer, State Information Technology Agency (SITA)
      Key Issues:
      \u2022 Financial disclosure by senior managers
      \u2022 Conflicts of interest
  \u2022 Gala Dinner \u2013 Launch of the SMS Handbook

Day 2 \u2013 Thursday, 2 October 2008

Sub Theme: Accountability and ethics in the Senior Management Service

The biographies of the speakers are attached at annexure B.

Last update: 14 October 2008
`;

// ---------------------------------------------------------------- operations

const CurationMutSeed = graphql(`
  query CurationMutSeed {
    sources(first: 10) {
      nodes {
        id
        key
        version
      }
    }
    dpsa: organisations(filter: { name: "Department of Public Service and Administration" }) {
      nodes {
        id
        acronym
        version
      }
    }
    levin: people(filter: { name: "Levin" }) {
      nodes {
        id
        displayName
        version
      }
    }
    clark: people(filter: { name: "Clark" }) {
      nodes {
        id
        displayName
        version
      }
    }
    sms2006: conference(seriesSlug: "sms", year: 2006) {
      id
      version
      documentation
    }
  }
`);

const CurationMutChanges = graphql(`
  query CurationMutChanges($recordId: ID, $actor: String, $first: Int) {
    changes(recordId: $recordId, actor: $actor, first: $first) {
      totalCount
      nodes {
        at
        actor
        action
        recordType
        recordId
        changedFields
        before
        after
        note
      }
    }
  }
`);

const CurationMutExists = graphql(`
  query CurationMutExists($id: ID!) {
    node(id: $id) {
      id
    }
  }
`);

const CurationMutSource = graphql(`
  query CurationMutSource($id: ID!) {
    node(id: $id) {
      ... on Source {
        id
        version
        key
        title
        kind
        url
        issuedOn
        updatedOn
        text
        checksum
        publisher {
          acronym
        }
        annexes {
          label
        }
      }
    }
  }
`);

const CurationMutCreateSource = graphql(`
  mutation CurationMutCreateSource($input: CreateSourceInput!) {
    createSource(input: $input) {
      id
      version
      key
    }
  }
`);

const CurationMutUpdateSource = graphql(`
  mutation CurationMutUpdateSource($id: ID!, $version: Int!, $input: SourceFields!) {
    updateSource(id: $id, version: $version, input: $input) {
      id
      version
      title
      url
    }
  }
`);

const CurationMutDeleteSource = graphql(`
  mutation CurationMutDeleteSource($id: ID!, $version: Int!) {
    deleteSource(id: $id, version: $version) {
      id
      recordType
    }
  }
`);

const CurationMutOrganisation = graphql(`
  query CurationMutOrganisation($id: ID!) {
    node(id: $id) {
      ... on Organisation {
        id
        version
        name
        acronym
        aliases
        kind
        sphere
        parent {
          name
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
`);

const CurationMutCreateOrganisation = graphql(`
  mutation CurationMutCreateOrganisation($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      id
      version
      name
    }
  }
`);

const CurationMutUpdateOrganisation = graphql(`
  mutation CurationMutUpdateOrganisation($id: ID!, $version: Int!, $input: OrganisationFields!) {
    updateOrganisation(id: $id, version: $version, input: $input) {
      id
      version
      aliases
    }
  }
`);

const CurationMutDeleteOrganisation = graphql(`
  mutation CurationMutDeleteOrganisation($id: ID!, $version: Int!) {
    deleteOrganisation(id: $id, version: $version) {
      id
      recordType
    }
  }
`);

const CurationMutTopic = graphql(`
  query CurationMutTopic($slug: String!) {
    topic(slug: $slug) {
      id
      version
      slug
      name
      synonyms
      description
    }
  }
`);

const CurationMutCreateTopic = graphql(`
  mutation CurationMutCreateTopic($input: CreateTopicInput!) {
    createTopic(input: $input) {
      id
      version
    }
  }
`);

const CurationMutUpdateTopic = graphql(`
  mutation CurationMutUpdateTopic($id: ID!, $version: Int!, $input: TopicFields!) {
    updateTopic(id: $id, version: $version, input: $input) {
      id
      version
      synonyms
    }
  }
`);

const CurationMutDeleteTopic = graphql(`
  mutation CurationMutDeleteTopic($id: ID!, $version: Int!) {
    deleteTopic(id: $id, version: $version) {
      id
      recordType
    }
  }
`);

const CurationMutEdition = graphql(`
  query CurationMutEdition($year: Int!) {
    conference(seriesSlug: "sms", year: $year) {
      id
      version
      title
      theme
      startDate
      endDate
      venue {
        name
        city
      }
      audience
      expectedAttendance
      documentation
      citations {
        excerpt
        source {
          key
        }
      }
      days {
        id
        version
        number
        date
        subTheme
        chair {
          role
          person {
            displayName
          }
        }
      }
      annexes {
        label
      }
      sessions(first: 20) {
        nodes {
          ref
          kind
          title
          number
          parent {
            ref
          }
          day {
            number
          }
        }
      }
    }
  }
`);

const CurationMutEditionCount = graphql(`
  query CurationMutEditionCount {
    conferences(filter: { seriesSlug: "sms" }, first: 20) {
      totalCount
      nodes {
        year
      }
    }
  }
`);

const CurationMutCreateConference = graphql(`
  mutation CurationMutCreateConference($input: CreateConferenceInput!) {
    createConference(input: $input) {
      id
      version
      year
    }
  }
`);

const CurationMutUpdateConference = graphql(`
  mutation CurationMutUpdateConference($id: ID!, $version: Int!, $input: ConferenceFields!) {
    updateConference(id: $id, version: $version, input: $input) {
      id
      version
      audience
    }
  }
`);

const CurationMutDeleteConference = graphql(`
  mutation CurationMutDeleteConference($id: ID!, $version: Int!) {
    deleteConference(id: $id, version: $version) {
      id
      recordType
    }
  }
`);

const CurationMutDay = graphql(`
  query CurationMutDay($id: ID!) {
    node(id: $id) {
      ... on ConferenceDay {
        id
        version
        number
        date
        subTheme
        conference {
          year
        }
        citations {
          excerpt
        }
      }
    }
  }
`);

const CurationMutCreateDay = graphql(`
  mutation CurationMutCreateDay($input: CreateDayInput!) {
    createConferenceDay(input: $input) {
      id
      version
      number
    }
  }
`);

const CurationMutUpdateDay = graphql(`
  mutation CurationMutUpdateDay($id: ID!, $version: Int!, $input: DayFields!) {
    updateConferenceDay(id: $id, version: $version, input: $input) {
      id
      version
      date
    }
  }
`);

const CurationMutDeleteDay = graphql(`
  mutation CurationMutDeleteDay($id: ID!, $version: Int!) {
    deleteConferenceDay(id: $id, version: $version) {
      id
      recordType
    }
  }
`);

const CurationMutSession = graphql(`
  query CurationMutSession($id: ID!) {
    node(id: $id) {
      ... on Session {
        id
        version
        ref
        kind
        title
        number
        description
        keyIssues
        conference {
          year
        }
        day {
          number
        }
        parent {
          title
        }
        children {
          title
        }
        participants {
          role
          person {
            displayName
          }
        }
        citations {
          excerpt
        }
      }
    }
  }
`);

const CurationMutCreateSession = graphql(`
  mutation CurationMutCreateSession($input: CreateSessionInput!) {
    createSession(input: $input) {
      id
      version
      ref
    }
  }
`);

const CurationMutUpdateSession = graphql(`
  mutation CurationMutUpdateSession($id: ID!, $version: Int!, $input: SessionFields!) {
    updateSession(id: $id, version: $version, input: $input) {
      id
      version
      description
    }
  }
`);

const CurationMutDeleteSession = graphql(`
  mutation CurationMutDeleteSession($id: ID!, $version: Int!) {
    deleteSession(id: $id, version: $version) {
      id
      recordType
    }
  }
`);

const CurationMutPerson = graphql(`
  query CurationMutPerson($id: ID!) {
    node(id: $id) {
      ... on Person {
        id
        version
        displayName
        honorific
        initials
        givenNames
        surname
        aliases
        positions {
          title
        }
        participations(first: 10) {
          totalCount
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
`);

const CurationMutCreatePerson = graphql(`
  mutation CurationMutCreatePerson($input: CreatePersonInput!) {
    createPerson(input: $input) {
      id
      version
      displayName
    }
  }
`);

const CurationMutUpdatePerson = graphql(`
  mutation CurationMutUpdatePerson($id: ID!, $version: Int!, $input: PersonFields!) {
    updatePerson(id: $id, version: $version, input: $input) {
      id
      version
      displayName
    }
  }
`);

const CurationMutDeletePerson = graphql(`
  mutation CurationMutDeletePerson($id: ID!, $version: Int!) {
    deletePerson(id: $id, version: $version) {
      id
      recordType
    }
  }
`);

const CurationMutPosition = graphql(`
  query CurationMutPosition($id: ID!) {
    node(id: $id) {
      ... on Position {
        id
        version
        title
        acting
        asOf
        organisation {
          name
        }
        person {
          displayName
        }
        citations {
          excerpt
        }
      }
    }
  }
`);

const CurationMutCreatePosition = graphql(`
  mutation CurationMutCreatePosition($input: CreatePositionInput!) {
    createPosition(input: $input) {
      id
      version
    }
  }
`);

const CurationMutUpdatePosition = graphql(`
  mutation CurationMutUpdatePosition($id: ID!, $version: Int!, $input: PositionFields!) {
    updatePosition(id: $id, version: $version, input: $input) {
      id
      version
      asOf
    }
  }
`);

const CurationMutDeletePosition = graphql(`
  mutation CurationMutDeletePosition($id: ID!, $version: Int!) {
    deletePosition(id: $id, version: $version) {
      id
      recordType
    }
  }
`);

const CurationMutParticipation = graphql(`
  query CurationMutParticipation($id: ID!) {
    node(id: $id) {
      ... on Participation {
        id
        version
        role
        person {
          displayName
        }
        session {
          title
        }
        day {
          number
        }
        position {
          title
          organisation {
            name
          }
        }
        citations {
          excerpt
        }
      }
    }
  }
`);

const CurationMutCreateParticipation = graphql(`
  mutation CurationMutCreateParticipation($input: CreateParticipationInput!) {
    createParticipation(input: $input) {
      id
      version
    }
  }
`);

const CurationMutUpdateParticipation = graphql(`
  mutation CurationMutUpdateParticipation($id: ID!, $version: Int!, $input: UpdateParticipationInput!) {
    updateParticipation(id: $id, version: $version, input: $input) {
      id
      version
      role
    }
  }
`);

const CurationMutDeleteParticipation = graphql(`
  mutation CurationMutDeleteParticipation($id: ID!, $version: Int!) {
    deleteParticipation(id: $id, version: $version) {
      id
      recordType
    }
  }
`);

const CurationMutAnnex = graphql(`
  query CurationMutAnnex($id: ID!) {
    node(id: $id) {
      ... on Annex {
        id
        version
        label
        description
        available
        source {
          key
        }
        conferences {
          year
        }
        citations {
          excerpt
        }
      }
    }
  }
`);

const CurationMutCreateAnnex = graphql(`
  mutation CurationMutCreateAnnex($input: CreateAnnexInput!) {
    createAnnex(input: $input) {
      id
      version
    }
  }
`);

const CurationMutUpdateAnnex = graphql(`
  mutation CurationMutUpdateAnnex($id: ID!, $version: Int!, $input: AnnexFields!) {
    updateAnnex(id: $id, version: $version, input: $input) {
      id
      version
      available
    }
  }
`);

const CurationMutDeleteAnnex = graphql(`
  mutation CurationMutDeleteAnnex($id: ID!, $version: Int!) {
    deleteAnnex(id: $id, version: $version) {
      id
      recordType
    }
  }
`);

const CurationMutCreateCitation = graphql(`
  mutation CurationMutCreateCitation($input: CreateCitationInput!) {
    createCitation(input: $input) {
      excerpt
      source {
        key
      }
    }
  }
`);

const CurationMutDeleteCitation = graphql(`
  mutation CurationMutDeleteCitation($recordId: ID!, $sourceId: ID!, $excerpt: String!) {
    deleteCitation(recordId: $recordId, sourceId: $sourceId, excerpt: $excerpt)
  }
`);

// ---------------------------------------------------------------- harness

let app: TestApp;
const keys: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  keys[EDITOR] = await createApiKey(app.lekgotla.database.orm.em.fork(), EDITOR, Role.EDITOR);
  keys[ADMIN] = await createApiKey(app.lekgotla.database.orm.em.fork(), ADMIN, Role.ADMIN);
});
afterAll(() => app?.close());

type GraphQLError = NonNullable<GraphQLResponse<unknown>['errors']>[number];

async function send<Result, Variables>(actor: string, document: TypedDocumentNode<Result, Variables>, variables: Variables) {
  const { status, body } = await app.post({ query: print(document), variables }, { authorization: `Bearer ${keys[actor]}` });
  return { status, ...(body as GraphQLResponse<Result>) };
}

/** Runs a mutation that must succeed, and returns its data. */
async function write<Result, Variables>(actor: string, document: TypedDocumentNode<Result, Variables>, variables: Variables): Promise<Result> {
  const response = await send(actor, document, variables);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

async function historyLength(): Promise<number> {
  const response = await app.graphql(CurationMutChanges, { first: 1 });
  expect(response.errors).toBeUndefined();
  return response.data!.changes.totalCount;
}

/** Runs a mutation that must be refused with `code`, and checks it left no history entry. */
async function refused<Result, Variables>(
  actor: string,
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
  code: string,
): Promise<GraphQLError> {
  const before = await historyLength();
  const response = await send(actor, document, variables);
  expect(response.data ?? null).toBeNull();
  expect(response.errors).toHaveLength(1);
  expect(response.errors![0]!.extensions!.code).toBe(code);
  expect(await historyLength()).toBe(before);
  return response.errors![0]!;
}

async function read<Result, Variables>(document: TypedDocumentNode<Result, Variables>, variables: Variables): Promise<Result> {
  const response = await app.graphql(document, variables);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

async function history(recordId: string) {
  return (await read(CurationMutChanges, { recordId, first: 20 })).changes.nodes;
}

async function exists(id: string): Promise<boolean> {
  return (await read(CurationMutExists, { id })).node !== null;
}

/** The database key inside a global id, as the history's before and after name references. */
function rowId(globalId: string): number {
  return Number(Buffer.from(globalId, 'base64').toString('utf8').split(':')[1]);
}

const editorial = (editorialNote: string) => ({ editorialNote });

// ---------------------------------------------------------------- shared state

let sourceId: string;
let eventPage2007Id: string;
let dpsa: { id: string; version: number };
let levin: { id: string; version: number };
let clark: { id: string; version: number };
let sms2006: { id: string; version: number };
const cite = (excerpt: string) => ({ sourceId, excerpt });

const ids: Record<string, string> = {};

beforeAll(async () => {
  const seed = await read(CurationMutSeed, {});
  eventPage2007Id = seed.sources.nodes.find((source) => source.key === 'sms-2007-event-page')!.id;
  expect(seed.dpsa.nodes.map((organisation) => organisation.acronym)).toEqual(['DPSA']);
  dpsa = seed.dpsa.nodes[0]!;
  expect(seed.levin.nodes.map((person) => person.displayName)).toEqual(['Prof R M Levin']);
  levin = seed.levin.nodes[0]!;
  expect(seed.clark.nodes.map((person) => person.displayName)).toEqual(['Ms C Clark']);
  clark = seed.clark.nodes[0]!;
  expect(seed.sms2006!.documentation).toBe('REFERENCED');
  sms2006 = seed.sms2006!;
});

// ---------------------------------------------------------------- sources

describe('Source', () => {
  it('createSource keeps the text byte for byte with its SHA-256, and reads back exactly', async () => {
    const { createSource } = await write(EDITOR, CurationMutCreateSource, {
      input: {
        key: 'sms-2008-event-page',
        title: 'Senior management service conference',
        kind: 'EVENT_PAGE',
        text: SOURCE_TEXT,
        url: 'http://www.dpsa.gov.za/sms2008',
        publisherId: dpsa.id,
        updatedOn: '2008-10-14',
      },
    });
    sourceId = createSource.id;
    expect(createSource).toEqual({ id: sourceId, version: 1, key: 'sms-2008-event-page' });
    expect((await read(CurationMutSource, { id: sourceId })).node).toEqual({
      id: sourceId,
      version: 1,
      key: 'sms-2008-event-page',
      title: 'Senior management service conference',
      kind: 'EVENT_PAGE',
      url: 'http://www.dpsa.gov.za/sms2008',
      issuedOn: null,
      updatedOn: '2008-10-14',
      text: SOURCE_TEXT,
      checksum: createHash('sha256').update(SOURCE_TEXT, 'utf8').digest('hex'),
      publisher: { acronym: 'DPSA' },
      annexes: [],
    });
  });

  it('the creation is in the history: actor, CREATE, no before, the record after', async () => {
    const [created, ...older] = await history(sourceId);
    expect(older).toEqual([]);
    expect(created).toMatchObject({
      actor: EDITOR,
      action: 'CREATE',
      recordType: 'Source',
      recordId: sourceId,
      before: null,
      note: 'the source itself',
    });
    expect(created!.changedFields).toEqual(expect.arrayContaining(['key', 'title', 'kind', 'url', 'publisher', 'updatedOn', 'text', 'checksum']));
    expect(created!.after).toMatchObject({
      key: 'sms-2008-event-page',
      title: 'Senior management service conference',
      kind: 'EVENT_PAGE',
      url: 'http://www.dpsa.gov.za/sms2008',
      publisher: rowId(dpsa.id),
      issuedOn: null,
      updatedOn: '2008-10-14',
      text: SOURCE_TEXT,
      version: 1,
    });
  });

  it('updateSource corrects the title and raises the version; the history has before and after', async () => {
    const { updateSource } = await write(EDITOR, CurationMutUpdateSource, { id: sourceId, version: 1, input: { title: SOURCE_TITLE } });
    expect(updateSource).toEqual({ id: sourceId, version: 2, title: SOURCE_TITLE, url: 'http://www.dpsa.gov.za/sms2008' });
    const source = (await read(CurationMutSource, { id: sourceId })).node;
    expect(source).toMatchObject({ title: SOURCE_TITLE, version: 2, text: SOURCE_TEXT, url: 'http://www.dpsa.gov.za/sms2008' });

    const [update] = await history(sourceId);
    expect(update).toMatchObject({ actor: EDITOR, action: 'UPDATE', recordType: 'Source', recordId: sourceId, changedFields: ['title', 'version'] });
    expect(update!.before).toMatchObject({ title: 'Senior management service conference', version: 1 });
    expect(update!.after).toMatchObject({ title: SOURCE_TITLE, version: 2 });
  });

  it('deleteSource removes a source nothing cites; the history keeps what it was', async () => {
    const { createSource } = await write(EDITOR, CurationMutCreateSource, {
      input: { key: 'sms-2008-draft-programme', title: 'Draft programme', kind: 'OTHER', text: 'A draft programme that was never published.' },
    });
    const { deleteSource } = await write(ADMIN, CurationMutDeleteSource, { id: createSource.id, version: 1 });
    expect(deleteSource).toEqual({ id: createSource.id, recordType: 'Source' });
    expect(await exists(createSource.id)).toBe(false);

    const [deleted, created] = await history(createSource.id);
    expect(created).toMatchObject({ action: 'CREATE', actor: EDITOR });
    expect(deleted).toMatchObject({ action: 'DELETE', actor: ADMIN, recordType: 'Source', after: null });
    expect(deleted!.before).toMatchObject({ key: 'sms-2008-draft-programme', title: 'Draft programme', text: 'A draft programme that was never published.' });
  });
});

// ---------------------------------------------------------------- organisations

describe('Organisation', () => {
  it('createOrganisation with a verbatim excerpt records the organisation and its citation', async () => {
    const { createOrganisation } = await write(EDITOR, CurationMutCreateOrganisation, {
      input: {
        name: 'State Information Technology Agency',
        acronym: 'SITA',
        kind: 'PUBLIC_ENTITY',
        sphere: 'NATIONAL',
        evidence: cite('Chief Executive Officer, State Information Technology Agency (SITA)'),
      },
    });
    ids.sita = createOrganisation.id;
    expect((await read(CurationMutOrganisation, { id: ids.sita })).node).toEqual({
      id: ids.sita,
      version: 1,
      name: 'State Information Technology Agency',
      acronym: 'SITA',
      aliases: [],
      kind: 'PUBLIC_ENTITY',
      sphere: 'NATIONAL',
      parent: null,
      citations: [{ excerpt: 'Chief Executive Officer, State Information Technology Agency (SITA)', source: { key: 'sms-2008-event-page' } }],
    });
    const [created] = await history(ids.sita);
    expect(created).toMatchObject({
      actor: EDITOR,
      action: 'CREATE',
      recordType: 'Organisation',
      before: null,
      note: `cited: ${SOURCE_TITLE}: "Chief Executive Officer, State Information Technology Agency (SITA)"`,
    });
    expect(created!.after).toMatchObject({ name: 'State Information Technology Agency', acronym: 'SITA', kind: 'PUBLIC_ENTITY', sphere: 'NATIONAL', parent: null });
  });

  it('createOrganisation with an editorial note keeps the note in the history and cites nothing', async () => {
    const { createOrganisation } = await write(EDITOR, CurationMutCreateOrganisation, {
      input: { name: 'University of Stellenbosch', kind: 'UNIVERSITY', evidence: editorial('Named as the employer of the round-table facilitator') },
    });
    ids.stellenbosch = createOrganisation.id;
    expect((await read(CurationMutOrganisation, { id: ids.stellenbosch })).node).toMatchObject({
      name: 'University of Stellenbosch',
      acronym: null,
      kind: 'UNIVERSITY',
      sphere: null,
      citations: [],
    });
    const [created] = await history(ids.stellenbosch);
    expect(created).toMatchObject({ action: 'CREATE', note: 'Named as the employer of the round-table facilitator' });
  });

  it('updateOrganisation sets aliases and a parent; the history names the parent by id', async () => {
    const { updateOrganisation } = await write(EDITOR, CurationMutUpdateOrganisation, {
      id: ids.sita,
      version: 1,
      input: { aliases: ['State IT Agency'], parentId: dpsa.id },
    });
    expect(updateOrganisation).toEqual({ id: ids.sita, version: 2, aliases: ['State IT Agency'] });
    expect((await read(CurationMutOrganisation, { id: ids.sita })).node).toMatchObject({
      version: 2,
      aliases: ['State IT Agency'],
      parent: { name: 'Department of Public Service and Administration' },
    });
    const [update] = await history(ids.sita);
    expect(update).toMatchObject({ actor: EDITOR, action: 'UPDATE', changedFields: ['aliases', 'parent', 'version'] });
    expect(update!.before).toMatchObject({ aliases: [], parent: null, version: 1 });
    expect(update!.after).toMatchObject({ aliases: ['State IT Agency'], parent: rowId(dpsa.id), version: 2 });
  });

  it('updateOrganisation refuses to make an organisation its own ancestor', async () => {
    const dpsaNow = (await read(CurationMutOrganisation, { id: dpsa.id })).node!;
    const error = await refused(EDITOR, CurationMutUpdateOrganisation, { id: dpsa.id, version: dpsaNow.version!, input: { parentId: ids.sita } }, 'BAD_USER_INPUT');
    expect(error.message).toBe('input.parentId: an organisation cannot be its own ancestor');
    expect((await read(CurationMutOrganisation, { id: dpsa.id })).node).toEqual(dpsaNow);
  });

  it('deleteOrganisation removes an organisation nothing refers to', async () => {
    const { createOrganisation } = await write(EDITOR, CurationMutCreateOrganisation, {
      input: { name: 'Birchwood Hotel and Conference Centre', kind: 'BUSINESS', evidence: cite('Venue: Birchwood Hotel and Conference Centre, Boksburg') },
    });
    const { deleteOrganisation } = await write(ADMIN, CurationMutDeleteOrganisation, { id: createOrganisation.id, version: 1 });
    expect(deleteOrganisation).toEqual({ id: createOrganisation.id, recordType: 'Organisation' });
    expect(await exists(createOrganisation.id)).toBe(false);
    const [deleted] = await history(createOrganisation.id);
    expect(deleted).toMatchObject({ actor: ADMIN, action: 'DELETE', after: null });
    expect(deleted!.before).toMatchObject({ name: 'Birchwood Hotel and Conference Centre', kind: 'BUSINESS' });
  });
});

// ---------------------------------------------------------------- topics

describe('Topic', () => {
  it('createTopic, updateTopic and deleteTopic, each read back and in the history', async () => {
    const { createTopic } = await write(EDITOR, CurationMutCreateTopic, {
      input: { slug: 'developmental-state', name: 'Developmental state', synonyms: ['developmental state'], description: 'The capable state that leads development' },
    });
    expect((await read(CurationMutTopic, { slug: 'developmental-state' })).topic).toEqual({
      id: createTopic.id,
      version: 1,
      slug: 'developmental-state',
      name: 'Developmental state',
      synonyms: ['developmental state'],
      description: 'The capable state that leads development',
    });

    const { updateTopic } = await write(EDITOR, CurationMutUpdateTopic, {
      id: createTopic.id,
      version: 1,
      input: { synonyms: ['developmental state', 'capable state'] },
    });
    expect(updateTopic).toEqual({ id: createTopic.id, version: 2, synonyms: ['developmental state', 'capable state'] });
    expect((await read(CurationMutTopic, { slug: 'developmental-state' })).topic).toMatchObject({ version: 2, synonyms: ['developmental state', 'capable state'] });

    await write(ADMIN, CurationMutDeleteTopic, { id: createTopic.id, version: 2 });
    const gone = await app.graphql(CurationMutTopic, { slug: 'developmental-state' });
    expect([gone.data?.topic, gone.errors?.map((error) => error.extensions?.code)]).toEqual([null, ['NOT_FOUND']]);

    const changes = await history(createTopic.id);
    expect(changes.map((change) => [change.actor, change.action, change.changedFields.includes('synonyms')])).toEqual([
      [ADMIN, 'DELETE', true],
      [EDITOR, 'UPDATE', true],
      [EDITOR, 'CREATE', true],
    ]);
    expect(changes[1]!.changedFields).toEqual(['synonyms', 'version']);
    expect(changes[1]!.before).toMatchObject({ synonyms: ['developmental state'] });
    expect(changes[1]!.after).toMatchObject({ synonyms: ['developmental state', 'capable state'] });
    expect(changes[0]!.before).toMatchObject({ slug: 'developmental-state', version: 2 });
  });

  it('deleteTopic refuses a topic curators have linked, naming the links', async () => {
    const topic = (await read(CurationMutTopic, { slug: 'leadership-development' })).topic!;
    const error = await refused(ADMIN, CurationMutDeleteTopic, { id: topic.id, version: topic.version }, 'CONFLICT');
    expect(error.message).toMatch(/^Topic \d+ cannot be deleted: it is still referenced by /);
    expect(error.message).toContain('5 curated session links');
    expect(error.message).toContain('1 curated conference link');
    expect((await read(CurationMutTopic, { slug: 'leadership-development' })).topic).toEqual(topic);
  });
});

// ---------------------------------------------------------------- conferences and days

describe('Conference', () => {
  it('createConference records the 2008 edition with its citation', async () => {
    const { createConference } = await write(EDITOR, CurationMutCreateConference, {
      input: {
        seriesSlug: 'sms',
        year: 2008,
        title: 'Senior Management Service Conference 2008',
        theme: 'Building a developmental state: Leadership for accelerated service delivery',
        startDate: '2008-10-01',
        endDate: '2008-10-03',
        venueName: 'Birchwood Hotel and Conference Centre',
        venueCity: 'Boksburg',
        expectedAttendance: 450,
        evidence: cite('Date: 1 Oct 2008 - 3 Oct 2008'),
      },
    });
    ids.sms2008 = createConference.id;
    expect(createConference).toEqual({ id: ids.sms2008, version: 1, year: 2008 });
    expect((await read(CurationMutEdition, { year: 2008 })).conference).toEqual({
      id: ids.sms2008,
      version: 1,
      title: 'Senior Management Service Conference 2008',
      theme: 'Building a developmental state: Leadership for accelerated service delivery',
      startDate: '2008-10-01',
      endDate: '2008-10-03',
      venue: { name: 'Birchwood Hotel and Conference Centre', city: 'Boksburg' },
      audience: null,
      expectedAttendance: 450,
      documentation: 'DOCUMENTED',
      citations: [{ excerpt: 'Date: 1 Oct 2008 - 3 Oct 2008', source: { key: 'sms-2008-event-page' } }],
      days: [],
      annexes: [],
      sessions: { nodes: [] },
    });
    const editions = (await read(CurationMutEditionCount, {})).conferences;
    expect(editions.totalCount).toBe(8);
    expect(editions.nodes.map((edition) => edition.year)).toEqual([2008, 2007, 2006, 2005, 2004, 2003, 2002, 2001]);

    const [created] = await history(ids.sms2008);
    expect(created).toMatchObject({ actor: EDITOR, action: 'CREATE', recordType: 'Conference', before: null });
    expect(created!.after).toMatchObject({ year: 2008, startDate: '2008-10-01', endDate: '2008-10-03', venueCity: 'Boksburg', expectedAttendance: 450, documentation: 'DOCUMENTED' });
  });

  it('createConference refuses a second edition of the same year with CONFLICT', async () => {
    const error = await refused(
      EDITOR,
      CurationMutCreateConference,
      { input: { seriesSlug: 'sms', year: 2008, title: 'Another 2008', evidence: editorial('A duplicate of the 2008 edition') } },
      'CONFLICT',
    );
    expect(error.message).toBe('A record with the same natural key already exists');
    expect((await read(CurationMutEditionCount, {})).conferences.totalCount).toBe(8);
  });

  it('createConference refuses a series that does not exist', async () => {
    const error = await refused(
      EDITOR,
      CurationMutCreateConference,
      { input: { seriesSlug: 'cpsi-awards', year: 2008, title: 'CPSI Awards 2008', evidence: editorial('No such series is recorded') } },
      'BAD_USER_INPUT',
    );
    expect(error.message).toBe('seriesSlug: no series is called "cpsi-awards"');
  });

  it('updateConference sets the audience; the history lists exactly that field and the version', async () => {
    const { updateConference } = await write(EDITOR, CurationMutUpdateConference, {
      id: ids.sms2008,
      version: 1,
      input: { audience: 'Senior managers in the Public Service' },
    });
    expect(updateConference).toEqual({ id: ids.sms2008, version: 2, audience: 'Senior managers in the Public Service' });
    expect((await read(CurationMutEdition, { year: 2008 })).conference).toMatchObject({ version: 2, audience: 'Senior managers in the Public Service', expectedAttendance: 450 });
    const [update] = await history(ids.sms2008);
    expect(update).toMatchObject({ actor: EDITOR, action: 'UPDATE', changedFields: ['audience', 'version'] });
    expect(update!.before).toMatchObject({ audience: null, version: 1 });
    expect(update!.after).toMatchObject({ audience: 'Senior managers in the Public Service', version: 2 });
  });

  it('updateConference refuses an end before the start, and changes nothing', async () => {
    const error = await refused(EDITOR, CurationMutUpdateConference, { id: ids.sms2008, version: 2, input: { endDate: '2008-09-30' } }, 'BAD_USER_INPUT');
    expect(error.message).toBe('endDate 2008-09-30 is before startDate 2008-10-01');
    expect((await read(CurationMutEdition, { year: 2008 })).conference).toMatchObject({ version: 2, endDate: '2008-10-03' });
  });

  it('deleteConference removes an edition with no programme', async () => {
    const { createConference } = await write(EDITOR, CurationMutCreateConference, {
      input: { seriesSlug: 'sms', year: 2009, title: 'Senior Management Service Conference 2009', evidence: editorial('Announced at the 2008 closing session') },
    });
    await write(ADMIN, CurationMutDeleteConference, { id: createConference.id, version: 1 });
    expect((await read(CurationMutEdition, { year: 2009 })).conference).toBeNull();
    const changes = await history(createConference.id);
    expect(changes.map((change) => [change.actor, change.action])).toEqual([
      [ADMIN, 'DELETE'],
      [EDITOR, 'CREATE'],
    ]);
    expect(changes[0]!.before).toMatchObject({ year: 2009, title: 'Senior Management Service Conference 2009' });
  });
});

describe('ConferenceDay', () => {
  it('createConferenceDay records days 1 and 2 of 2008 with their sub-themes', async () => {
    const day1 = await write(EDITOR, CurationMutCreateDay, {
      input: {
        conferenceId: ids.sms2008,
        number: 1,
        date: '2008-10-01',
        subTheme: 'The developmental state and the role of the Public Service',
        evidence: cite('Sub theme 1: The developmental state and the role of the Public Service'),
      },
    });
    ids.day1 = day1.createConferenceDay.id;
    const day2 = await write(EDITOR, CurationMutCreateDay, {
      input: {
        conferenceId: ids.sms2008,
        number: 2,
        subTheme: 'Accountability and ethics in the Senior Management Service',
        evidence: cite('Sub Theme: Accountability and ethics in the Senior Management Service'),
      },
    });
    ids.day2 = day2.createConferenceDay.id;
    expect((await read(CurationMutDay, { id: ids.day1 })).node).toEqual({
      id: ids.day1,
      version: 1,
      number: 1,
      date: '2008-10-01',
      subTheme: 'The developmental state and the role of the Public Service',
      conference: { year: 2008 },
      citations: [{ excerpt: 'Sub theme 1: The developmental state and the role of the Public Service' }],
    });
    expect((await read(CurationMutEdition, { year: 2008 })).conference!.days.map((day) => [day.number, day.date, day.subTheme])).toEqual([
      [1, '2008-10-01', 'The developmental state and the role of the Public Service'],
      [2, null, 'Accountability and ethics in the Senior Management Service'],
    ]);
    const [created] = await history(ids.day2);
    expect(created).toMatchObject({ actor: EDITOR, action: 'CREATE', recordType: 'ConferenceDay' });
    expect(created!.after).toMatchObject({ number: 2, date: null, conference: rowId(ids.sms2008) });
  });

  it('updateConferenceDay sets the date of day 2', async () => {
    const { updateConferenceDay } = await write(EDITOR, CurationMutUpdateDay, { id: ids.day2, version: 1, input: { date: '2008-10-02' } });
    expect(updateConferenceDay).toEqual({ id: ids.day2, version: 2, date: '2008-10-02' });
    expect((await read(CurationMutDay, { id: ids.day2 })).node).toMatchObject({ version: 2, date: '2008-10-02' });
    const [update] = await history(ids.day2);
    expect(update).toMatchObject({ action: 'UPDATE', changedFields: ['date', 'version'] });
    expect(update!.before).toMatchObject({ date: null });
    expect(update!.after).toMatchObject({ date: '2008-10-02' });
  });

  it('deleteConferenceDay removes a day with no sessions and no chair', async () => {
    const { createConferenceDay } = await write(EDITOR, CurationMutCreateDay, {
      input: { conferenceId: ids.sms2008, number: 3, evidence: editorial('The programme runs to 3 Oct 2008') },
    });
    const { deleteConferenceDay } = await write(ADMIN, CurationMutDeleteDay, { id: createConferenceDay.id, version: 1 });
    expect(deleteConferenceDay).toEqual({ id: createConferenceDay.id, recordType: 'ConferenceDay' });
    expect(await exists(createConferenceDay.id)).toBe(false);
    expect((await read(CurationMutEdition, { year: 2008 })).conference!.days.map((day) => day.number)).toEqual([1, 2]);
    const [deleted] = await history(createConferenceDay.id);
    expect(deleted).toMatchObject({ actor: ADMIN, action: 'DELETE', after: null });
    expect(deleted!.before).toMatchObject({ number: 3 });
  });
});

// ---------------------------------------------------------------- sessions

describe('Session', () => {
  it('createSession adds sessions in programme order, a commission under its breakaway', async () => {
    const roundTable = await write(EDITOR, CurationMutCreateSession, {
      input: {
        conferenceId: ids.sms2008,
        dayId: ids.day1,
        kind: 'ROUND_TABLE',
        title: 'Planning for results in a developmental state',
        evidence: cite('Round table discussions: Planning for results in a developmental state'),
      },
    });
    ids.roundTable = roundTable.createSession.id;
    expect(roundTable.createSession).toEqual({ id: ids.roundTable, version: 1, ref: 'planning-for-results-in-a-developmental-state' });

    const breakaway = await write(EDITOR, CurationMutCreateSession, {
      input: { conferenceId: ids.sms2008, dayId: ids.day1, kind: 'BREAKAWAY', title: 'Breakaway Commissions', evidence: cite('\u2022 Breakaway Commissions') },
    });
    ids.breakaway = breakaway.createSession.id;
    const commission = await write(EDITOR, CurationMutCreateSession, {
      input: {
        conferenceId: ids.sms2008,
        parentId: ids.breakaway,
        kind: 'COMMISSION',
        number: 1,
        title: 'Ethics and the Code of Conduct',
        keyIssues: ['Financial disclosure by senior managers', 'Conflicts of interest'],
        evidence: cite('\u2022 Ethics and the Code of Conduct'),
      },
    });
    ids.commission = commission.createSession.id;

    expect((await read(CurationMutSession, { id: ids.commission })).node).toEqual({
      id: ids.commission,
      version: 1,
      ref: 'ethics-and-the-code-of-conduct',
      kind: 'COMMISSION',
      title: 'Ethics and the Code of Conduct',
      number: 1,
      description: null,
      keyIssues: ['Financial disclosure by senior managers', 'Conflicts of interest'],
      conference: { year: 2008 },
      day: { number: 1 },
      parent: { title: 'Breakaway Commissions' },
      children: [],
      participants: [],
      citations: [{ excerpt: '\u2022 Ethics and the Code of Conduct' }],
    });
    expect((await read(CurationMutSession, { id: ids.breakaway })).node).toMatchObject({ children: [{ title: 'Ethics and the Code of Conduct' }] });
    expect((await read(CurationMutEdition, { year: 2008 })).conference!.sessions.nodes).toEqual([
      { ref: 'planning-for-results-in-a-developmental-state', kind: 'ROUND_TABLE', title: 'Planning for results in a developmental state', number: null, parent: null, day: { number: 1 } },
      { ref: 'breakaway-commissions', kind: 'BREAKAWAY', title: 'Breakaway Commissions', number: null, parent: null, day: { number: 1 } },
      { ref: 'ethics-and-the-code-of-conduct', kind: 'COMMISSION', title: 'Ethics and the Code of Conduct', number: 1, parent: { ref: 'breakaway-commissions' }, day: { number: 1 } },
    ]);
    const [created] = await history(ids.commission);
    expect(created).toMatchObject({ actor: EDITOR, action: 'CREATE', recordType: 'Session' });
    expect(created!.after).toMatchObject({ kind: 'COMMISSION', parent: rowId(ids.breakaway), day: rowId(ids.day1), keyIssues: ['Financial disclosure by senior managers', 'Conflicts of interest'] });
  });

  it('createSession refuses a day of another conference', async () => {
    const sms2007Day = await app.post({ query: '{ conference(seriesSlug: "sms", year: 2007) { days { id } } }' });
    const dayOf2007 = (sms2007Day.body.data as { conference: { days: Array<{ id: string }> } }).conference.days[0]!.id;
    const error = await refused(
      EDITOR,
      CurationMutCreateSession,
      { input: { conferenceId: ids.sms2008, dayId: dayOf2007, kind: 'PLENARY', title: 'Misplaced', evidence: editorial('A session put on the wrong day') } },
      'BAD_USER_INPUT',
    );
    expect(error.message).toBe('input.dayId: the day belongs to another conference');
  });

  it('updateSession adds a description', async () => {
    const { updateSession } = await write(EDITOR, CurationMutUpdateSession, {
      id: ids.commission,
      version: 1,
      input: { description: 'Financial disclosure and conflicts of interest of senior managers' },
    });
    expect(updateSession).toEqual({ id: ids.commission, version: 2, description: 'Financial disclosure and conflicts of interest of senior managers' });
    expect((await read(CurationMutSession, { id: ids.commission })).node).toMatchObject({
      version: 2,
      description: 'Financial disclosure and conflicts of interest of senior managers',
      keyIssues: ['Financial disclosure by senior managers', 'Conflicts of interest'],
    });
    const [update] = await history(ids.commission);
    expect(update).toMatchObject({ action: 'UPDATE', changedFields: ['description', 'version'] });
  });

  it('deleteSession removes a session without children or participants', async () => {
    const { createSession } = await write(EDITOR, CurationMutCreateSession, {
      input: { conferenceId: ids.sms2008, dayId: ids.day1, kind: 'GALA_DINNER', title: 'Gala Dinner', evidence: cite('Gala Dinner \u2013 Launch of the SMS Handbook') },
    });
    const { deleteSession } = await write(ADMIN, CurationMutDeleteSession, { id: createSession.id, version: 1 });
    expect(deleteSession).toEqual({ id: createSession.id, recordType: 'Session' });
    expect(await exists(createSession.id)).toBe(false);
    expect((await read(CurationMutEdition, { year: 2008 })).conference!.sessions.nodes.map((session) => session.ref)).toEqual([
      'planning-for-results-in-a-developmental-state',
      'breakaway-commissions',
      'ethics-and-the-code-of-conduct',
    ]);
    const [deleted] = await history(createSession.id);
    expect(deleted).toMatchObject({ actor: ADMIN, action: 'DELETE', after: null });
    expect(deleted!.before).toMatchObject({ title: 'Gala Dinner', kind: 'GALA_DINNER' });
  });
});

// ---------------------------------------------------------------- people and positions

describe('Person', () => {
  it('createPerson records a person with the default alias and the citation', async () => {
    const { createPerson } = await write(EDITOR, CurationMutCreatePerson, {
      input: { honorific: 'Dr', initials: 'P', surname: 'Naidu', evidence: cite('\u2022 Dr P Naidoo') },
    });
    ids.naidoo = createPerson.id;
    expect(createPerson).toEqual({ id: ids.naidoo, version: 1, displayName: 'Dr P Naidu' });
    expect((await read(CurationMutPerson, { id: ids.naidoo })).node).toEqual({
      id: ids.naidoo,
      version: 1,
      displayName: 'Dr P Naidu',
      honorific: 'Dr',
      initials: 'P',
      givenNames: null,
      surname: 'Naidu',
      aliases: ['Dr P Naidu'],
      positions: [],
      participations: { totalCount: 0 },
      citations: [{ excerpt: '\u2022 Dr P Naidoo', source: { key: 'sms-2008-event-page' } }],
    });
  });

  it('updatePerson corrects the surname; the display name follows and the history has both', async () => {
    const { updatePerson } = await write(EDITOR, CurationMutUpdatePerson, { id: ids.naidoo, version: 1, input: { surname: 'Naidoo', aliases: ['Dr P Naidoo'] } });
    expect(updatePerson).toEqual({ id: ids.naidoo, version: 2, displayName: 'Dr P Naidoo' });
    expect((await read(CurationMutPerson, { id: ids.naidoo })).node).toMatchObject({ version: 2, surname: 'Naidoo', displayName: 'Dr P Naidoo', aliases: ['Dr P Naidoo'] });
    const [update, create] = await history(ids.naidoo);
    expect(update).toMatchObject({
      actor: EDITOR,
      action: 'UPDATE',
      recordType: 'Person',
      recordId: ids.naidoo,
      changedFields: ['aliases', 'displayName', 'surname', 'version'],
      note: null,
    });
    expect(update!.before).toMatchObject({ surname: 'Naidu', displayName: 'Dr P Naidu', aliases: ['Dr P Naidu'], version: 1 });
    expect(update!.after).toMatchObject({ surname: 'Naidoo', displayName: 'Dr P Naidoo', aliases: ['Dr P Naidoo'], version: 2 });
    expect(create).toMatchObject({ actor: EDITOR, action: 'CREATE', before: null, note: `cited: ${SOURCE_TITLE}: "\u2022 Dr P Naidoo"` });
    expect(create!.after).toMatchObject({ surname: 'Naidu', honorific: 'Dr', initials: 'P', version: 1 });
  });

  it('createPerson for the facilitator, with the aliases the source uses', async () => {
    const { createPerson } = await write(EDITOR, CurationMutCreatePerson, {
      input: {
        honorific: 'Prof',
        initials: 'S',
        surname: 'van der Berg',
        aliases: ['Prof S van der Berg'],
        evidence: cite('Facilitator: Prof S van der Berg: Professor, University of Stellenbosch'),
      },
    });
    ids.vanDerBerg = createPerson.id;
    expect(createPerson.displayName).toBe('Prof S van der Berg');
  });

  it('deletePerson removes a person with no participations or positions', async () => {
    const { createPerson } = await write(EDITOR, CurationMutCreatePerson, {
      input: { honorific: 'Mr', initials: 'K', surname: 'Botha', evidence: cite('\u2022 Mr K Botha') },
    });
    const { deletePerson } = await write(ADMIN, CurationMutDeletePerson, { id: createPerson.id, version: 1 });
    expect(deletePerson).toEqual({ id: createPerson.id, recordType: 'Person' });
    expect(await exists(createPerson.id)).toBe(false);
    const [deleted] = await history(createPerson.id);
    expect(deleted).toMatchObject({ actor: ADMIN, action: 'DELETE', recordType: 'Person', after: null });
    expect(deleted!.before).toMatchObject({ displayName: 'Mr K Botha', surname: 'Botha' });
  });
});

describe('Position', () => {
  it('createPosition without an organisation, then updatePosition adds it and the date', async () => {
    const { createPosition } = await write(EDITOR, CurationMutCreatePosition, {
      input: { personId: ids.vanDerBerg, title: 'Professor', evidence: cite('Facilitator: Prof S van der Berg: Professor, University of Stellenbosch') },
    });
    ids.professor = createPosition.id;
    expect((await read(CurationMutPosition, { id: ids.professor })).node).toEqual({
      id: ids.professor,
      version: 1,
      title: 'Professor',
      acting: false,
      asOf: null,
      organisation: null,
      person: { displayName: 'Prof S van der Berg' },
      citations: [{ excerpt: 'Facilitator: Prof S van der Berg: Professor, University of Stellenbosch' }],
    });

    const { updatePosition } = await write(EDITOR, CurationMutUpdatePosition, {
      id: ids.professor,
      version: 1,
      input: { organisationId: ids.stellenbosch, asOf: '2008-10-01' },
    });
    expect(updatePosition).toEqual({ id: ids.professor, version: 2, asOf: '2008-10-01' });
    expect((await read(CurationMutPosition, { id: ids.professor })).node).toMatchObject({
      version: 2,
      asOf: '2008-10-01',
      organisation: { name: 'University of Stellenbosch' },
    });
    const [update] = await history(ids.professor);
    expect(update).toMatchObject({ actor: EDITOR, action: 'UPDATE', recordType: 'Position', changedFields: ['asOf', 'organisation', 'version'] });
    expect(update!.before).toMatchObject({ organisation: null, asOf: null });
    expect(update!.after).toMatchObject({ organisation: rowId(ids.stellenbosch), asOf: '2008-10-01', person: rowId(ids.vanDerBerg) });
  });

  it('deletePosition removes a position no participation refers to', async () => {
    const { createPosition } = await write(EDITOR, CurationMutCreatePosition, {
      input: { personId: ids.naidoo, title: 'Panellist', acting: true, evidence: editorial('Listed among the round-table panellists') },
    });
    expect((await read(CurationMutPerson, { id: ids.naidoo })).node).toMatchObject({ positions: [{ title: 'Panellist' }] });
    await write(ADMIN, CurationMutDeletePosition, { id: createPosition.id, version: 1 });
    expect(await exists(createPosition.id)).toBe(false);
    expect((await read(CurationMutPerson, { id: ids.naidoo })).node).toMatchObject({ positions: [] });
    const [deleted] = await history(createPosition.id);
    expect(deleted).toMatchObject({ actor: ADMIN, action: 'DELETE', recordType: 'Position' });
    expect(deleted!.before).toMatchObject({ title: 'Panellist', acting: true });
  });
});

// ---------------------------------------------------------------- participations

describe('Participation', () => {
  it('createParticipation records the facilitator with the position the source gives', async () => {
    const { createParticipation } = await write(EDITOR, CurationMutCreateParticipation, {
      input: {
        personId: ids.vanDerBerg,
        role: 'FACILITATOR',
        sessionId: ids.roundTable,
        positionId: ids.professor,
        evidence: cite('Facilitator: Prof S van der Berg: Professor, University of Stellenbosch'),
      },
    });
    ids.facilitator = createParticipation.id;
    expect((await read(CurationMutParticipation, { id: ids.facilitator })).node).toEqual({
      id: ids.facilitator,
      version: 1,
      role: 'FACILITATOR',
      person: { displayName: 'Prof S van der Berg' },
      session: { title: 'Planning for results in a developmental state' },
      day: null,
      position: { title: 'Professor', organisation: { name: 'University of Stellenbosch' } },
      citations: [{ excerpt: 'Facilitator: Prof S van der Berg: Professor, University of Stellenbosch' }],
    });
    const [created] = await history(ids.facilitator);
    expect(created).toMatchObject({ actor: EDITOR, action: 'CREATE', recordType: 'Participation' });
    expect(created!.after).toMatchObject({ role: 'FACILITATOR', person: rowId(ids.vanDerBerg), session: rowId(ids.roundTable), position: rowId(ids.professor), day: null });
  });

  it('createParticipation records a panellist, and a chairperson of a whole day', async () => {
    const panellist = await write(EDITOR, CurationMutCreateParticipation, {
      input: { personId: ids.naidoo, role: 'PANELLIST', sessionId: ids.roundTable, evidence: cite('\u2022 Dr P Naidoo') },
    });
    ids.panellist = panellist.createParticipation.id;
    const chair = await write(EDITOR, CurationMutCreateParticipation, {
      input: {
        personId: clark.id,
        role: 'CHAIRPERSON',
        dayId: ids.day1,
        evidence: cite('Chairperson: Ms C Clark: Deputy Director-General, Department of Public Service and Administration'),
      },
    });
    ids.chair = chair.createParticipation.id;
    expect((await read(CurationMutSession, { id: ids.roundTable })).node).toMatchObject({
      participants: [
        { role: 'FACILITATOR', person: { displayName: 'Prof S van der Berg' } },
        { role: 'PANELLIST', person: { displayName: 'Dr P Naidoo' } },
      ],
    });
    expect((await read(CurationMutParticipation, { id: ids.chair })).node).toMatchObject({
      role: 'CHAIRPERSON',
      person: { displayName: 'Ms C Clark' },
      session: null,
      day: { number: 1 },
      position: null,
    });
    expect((await read(CurationMutEdition, { year: 2008 })).conference!.days[0]!.chair).toEqual({ role: 'CHAIRPERSON', person: { displayName: 'Ms C Clark' } });
  });

  it('createParticipation refuses both a session and a day, a day for a non-chair, and a position of someone else', async () => {
    const both = await refused(
      EDITOR,
      CurationMutCreateParticipation,
      { input: { personId: ids.naidoo, role: 'CHAIRPERSON', sessionId: ids.roundTable, dayId: ids.day2, evidence: editorial('Chaired both, says nobody') } },
      'BAD_USER_INPUT',
    );
    expect(both.message).toBe('input: give exactly one of sessionId and dayId');
    const dayPanellist = await refused(
      EDITOR,
      CurationMutCreateParticipation,
      { input: { personId: ids.naidoo, role: 'PANELLIST', dayId: ids.day2, evidence: editorial('A panellist of a whole day') } },
      'BAD_USER_INPUT',
    );
    expect(dayPanellist.message).toBe('input.role: only a CHAIRPERSON takes part in a whole day');
    const borrowed = await refused(
      EDITOR,
      CurationMutCreateParticipation,
      { input: { personId: ids.naidoo, role: 'PRESENTER', sessionId: ids.commission, positionId: ids.professor, evidence: editorial('Borrowing the professorship') } },
      'BAD_USER_INPUT',
    );
    expect(borrowed.message).toBe('input.positionId: the position belongs to another person');
    expect((await read(CurationMutPerson, { id: ids.naidoo })).node).toMatchObject({ participations: { totalCount: 1 } });
  });

  it('updateParticipation changes the role', async () => {
    const { updateParticipation } = await write(EDITOR, CurationMutUpdateParticipation, { id: ids.panellist, version: 1, input: { role: 'SPEAKER' } });
    expect(updateParticipation).toEqual({ id: ids.panellist, version: 2, role: 'SPEAKER' });
    expect((await read(CurationMutParticipation, { id: ids.panellist })).node).toMatchObject({ version: 2, role: 'SPEAKER', person: { displayName: 'Dr P Naidoo' } });
    const [update] = await history(ids.panellist);
    expect(update).toMatchObject({ actor: EDITOR, action: 'UPDATE', changedFields: ['role', 'version'] });
    expect(update!.before).toMatchObject({ role: 'PANELLIST' });
    expect(update!.after).toMatchObject({ role: 'SPEAKER' });
  });

  it('deleteParticipation removes it from the session', async () => {
    const { deleteParticipation } = await write(ADMIN, CurationMutDeleteParticipation, { id: ids.panellist, version: 2 });
    expect(deleteParticipation).toEqual({ id: ids.panellist, recordType: 'Participation' });
    expect(await exists(ids.panellist)).toBe(false);
    expect((await read(CurationMutSession, { id: ids.roundTable })).node).toMatchObject({
      participants: [{ role: 'FACILITATOR', person: { displayName: 'Prof S van der Berg' } }],
    });
    const [deleted] = await history(ids.panellist);
    expect(deleted).toMatchObject({ actor: ADMIN, action: 'DELETE', recordType: 'Participation', after: null });
    expect(deleted!.before).toMatchObject({ role: 'SPEAKER', person: rowId(ids.naidoo) });
  });
});

// ---------------------------------------------------------------- annexes and citations

describe('Annex', () => {
  it('createAnnex, updateAnnex and deleteAnnex', async () => {
    const { createAnnex } = await write(EDITOR, CurationMutCreateAnnex, {
      input: {
        sourceId,
        label: 'annexure B',
        description: 'The biographies of the speakers',
        available: false,
        conferenceIds: [ids.sms2008],
        evidence: cite('The biographies of the speakers are attached at annexure B.'),
      },
    });
    ids.annex = createAnnex.id;
    expect((await read(CurationMutAnnex, { id: ids.annex })).node).toEqual({
      id: ids.annex,
      version: 1,
      label: 'annexure B',
      description: 'The biographies of the speakers',
      available: false,
      source: { key: 'sms-2008-event-page' },
      conferences: [{ year: 2008 }],
      citations: [{ excerpt: 'The biographies of the speakers are attached at annexure B.' }],
    });
    expect((await read(CurationMutSource, { id: sourceId })).node).toMatchObject({ annexes: [{ label: 'annexure B' }] });

    const { updateAnnex } = await write(EDITOR, CurationMutUpdateAnnex, { id: ids.annex, version: 1, input: { available: true } });
    expect(updateAnnex).toEqual({ id: ids.annex, version: 2, available: true });
    expect((await read(CurationMutAnnex, { id: ids.annex })).node).toMatchObject({ version: 2, available: true, conferences: [{ year: 2008 }] });

    await write(ADMIN, CurationMutDeleteAnnex, { id: ids.annex, version: 2 });
    expect(await exists(ids.annex)).toBe(false);
    expect((await read(CurationMutSource, { id: sourceId })).node).toMatchObject({ annexes: [] });

    const changes = await history(ids.annex);
    expect(changes.map((change) => [change.actor, change.action, change.recordType])).toEqual([
      [ADMIN, 'DELETE', 'Annex'],
      [EDITOR, 'UPDATE', 'Annex'],
      [EDITOR, 'CREATE', 'Annex'],
    ]);
    expect(changes[1]!.changedFields).toEqual(['available', 'version']);
    expect(changes[1]!.before).toMatchObject({ available: false });
    expect(changes[1]!.after).toMatchObject({ available: true });
    expect(changes[2]!.after).toMatchObject({ label: 'annexure B', source: rowId(sourceId) });
  });
});

describe('Citation', () => {
  const attendance = 'About 450 delegates from national and provincial departments are expected to attend.';

  it('createCitation cites a source for a record, and the history records it', async () => {
    const { createCitation } = await write(EDITOR, CurationMutCreateCitation, { input: { recordId: ids.sms2008, sourceId, excerpt: attendance } });
    expect(createCitation).toEqual({ excerpt: attendance, source: { key: 'sms-2008-event-page' } });
    expect((await read(CurationMutEdition, { year: 2008 })).conference!.citations).toEqual([
      { excerpt: 'Date: 1 Oct 2008 - 3 Oct 2008', source: { key: 'sms-2008-event-page' } },
      { excerpt: attendance, source: { key: 'sms-2008-event-page' } },
    ]);
    const [latest] = (await read(CurationMutChanges, { actor: EDITOR, first: 1 })).changes.nodes;
    expect(latest).toMatchObject({ actor: EDITOR, action: 'CREATE', recordType: 'Citation', before: null });
    expect(latest!.after).toMatchObject({ excerpt: attendance, recordType: 'Conference', recordId: rowId(ids.sms2008), source: rowId(sourceId) });
  });

  it('createCitation refuses words that are not in the source', async () => {
    const error = await refused(
      EDITOR,
      CurationMutCreateCitation,
      { input: { recordId: ids.sms2008, sourceId, excerpt: 'About 500 delegates are expected to attend.' } },
      'BAD_USER_INPUT',
    );
    expect(error.message).toBe(`evidence.excerpt: the words do not occur verbatim in the source "${SOURCE_TITLE}"`);
  });

  it('deleteCitation removes it, and the history records it', async () => {
    const { deleteCitation } = await write(ADMIN, CurationMutDeleteCitation, { recordId: ids.sms2008, sourceId, excerpt: attendance });
    expect(deleteCitation).toBe(true);
    expect((await read(CurationMutEdition, { year: 2008 })).conference!.citations).toEqual([
      { excerpt: 'Date: 1 Oct 2008 - 3 Oct 2008', source: { key: 'sms-2008-event-page' } },
    ]);
    const [latest] = (await read(CurationMutChanges, { actor: ADMIN, first: 1 })).changes.nodes;
    expect(latest).toMatchObject({ actor: ADMIN, action: 'DELETE', recordType: 'Citation', after: null });
    expect(latest!.before).toMatchObject({ excerpt: attendance, recordType: 'Conference', recordId: rowId(ids.sms2008) });
  });
});

// ---------------------------------------------------------------- validation

describe('validation', () => {
  it('an empty surname: BAD_USER_INPUT naming the field, nothing created', async () => {
    const error = await refused(EDITOR, CurationMutCreatePerson, { input: { surname: '', evidence: editorial('A person without a surname') } }, 'BAD_USER_INPUT');
    expect(error.message).toBe('Invalid input: surname: surname must be longer than or equal to 1 characters');
    expect(error.extensions!.problems).toEqual(['surname: surname must be longer than or equal to 1 characters']);
  });

  it('a conference in 1800: BAD_USER_INPUT naming the year', async () => {
    const error = await refused(
      EDITOR,
      CurationMutCreateConference,
      { input: { seriesSlug: 'sms', year: 1800, title: 'Senior Management Service Conference 1800', evidence: editorial('Before the public service existed') } },
      'BAD_USER_INPUT',
    );
    expect(error.message).toBe('Invalid input: year: year must not be less than 1990');
    expect(error.extensions!.problems).toEqual(['year: year must not be less than 1990']);
    expect((await read(CurationMutEditionCount, {})).conferences.totalCount).toBe(8);
  });

  it('a topic slug with capitals: BAD_USER_INPUT naming the slug', async () => {
    const error = await refused(EDITOR, CurationMutCreateTopic, { input: { slug: 'Risk-Management', name: 'Risk management' } }, 'BAD_USER_INPUT');
    expect(error.message).toBe('Invalid input: slug: slug must be a lower-case slug such as "risk-management"');
    const unstored = await app.graphql(CurationMutTopic, { slug: 'Risk-Management' });
    // The nearest known slug is the same slug in lower case.
    expect([unstored.data?.topic, unstored.errors?.map((error) => (error.extensions?.nearestSlugs as string[])[0])]).toEqual([null, ['risk-management']]);
  });

  it('a source URL that is not one: BAD_USER_INPUT naming the url', async () => {
    const error = await refused(EDITOR, CurationMutUpdateSource, { id: sourceId, version: 2, input: { url: 'not a web address' } }, 'BAD_USER_INPUT');
    expect(error.message).toMatch(/^Invalid input: url: /);
    expect(error.extensions!.problems).toEqual([expect.stringMatching(/^url: url must be a URL address$/)]);
    expect((await read(CurationMutSource, { id: sourceId })).node).toMatchObject({ version: 2, url: 'http://www.dpsa.gov.za/sms2008' });
  });

  it('several problems at once are all named', async () => {
    const error = await refused(
      EDITOR,
      CurationMutCreateConference,
      { input: { seriesSlug: 'SMS', year: 2200, title: '', expectedAttendance: 0, evidence: editorial('Everything wrong at once') } },
      'BAD_USER_INPUT',
    );
    const problems = error.extensions!.problems as string[];
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual(['expectedAttendance', 'seriesSlug', 'title', 'year']);
    expect(error.message.startsWith('Invalid input: ')).toBe(true);
  });

  it('a date that does not exist (2007-02-30): BAD_USER_INPUT naming the field and the value', async () => {
    const before = await historyLength();
    const response = await send(EDITOR, CurationMutCreateConference, {
      input: { seriesSlug: 'sms', year: 2010, title: 'Senior Management Service Conference 2010', startDate: '2007-02-30', evidence: editorial('A date February never had') },
    });
    expect(response.status).toBe(400);
    expect(response.data ?? null).toBeNull();
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(response.errors![0]!.message).toContain('startDate');
    expect(response.errors![0]!.message).toContain('2007-02-30');
    expect((await read(CurationMutEdition, { year: 2010 })).conference).toBeNull();
    expect(await historyLength()).toBe(before);
  });

  it('a day dated 2008-02-30 on update: BAD_USER_INPUT, and the day keeps its date', async () => {
    const response = await send(EDITOR, CurationMutUpdateDay, { id: ids.day2, version: 2, input: { date: '2008-02-30' } });
    expect(response.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(response.errors![0]!.message).toContain('date');
    expect((await read(CurationMutDay, { id: ids.day2 })).node).toMatchObject({ version: 2, date: '2008-10-02' });
  });

  it('an excerpt that is not verbatim in the source: BAD_USER_INPUT, and no person is created', async () => {
    const error = await refused(
      EDITOR,
      CurationMutCreatePerson,
      { input: { honorific: 'Mr', initials: 'K', surname: 'Botha', evidence: cite('\u2022 Mr K Botha, Director-General') } },
      'BAD_USER_INPUT',
    );
    expect(error.message).toBe(`evidence.excerpt: the words do not occur verbatim in the source "${SOURCE_TITLE}"`);
    const people = await app.post({ query: '{ people(filter: { name: "Botha" }) { totalCount } }' });
    expect(people.body.data).toEqual({ people: { totalCount: 0 } });
  });

  it('an excerpt that differs only in case or spacing is not verbatim either', async () => {
    for (const excerpt of ['\u2022 dr p naidoo', '\u2022  Dr P Naidoo', 'Sub Theme 1: The developmental state']) {
      const error = await refused(EDITOR, CurationMutCreateCitation, { input: { recordId: ids.naidoo, sourceId, excerpt } }, 'BAD_USER_INPUT');
      expect(error.message).toBe(`evidence.excerpt: the words do not occur verbatim in the source "${SOURCE_TITLE}"`);
    }
  });

  it('evidence must be a source with an excerpt or an editorial note, not both and not neither', async () => {
    const neither = await refused(EDITOR, CurationMutCreatePerson, { input: { surname: 'Khumalo', evidence: {} } }, 'BAD_USER_INPUT');
    expect(neither.message).toBe('evidence: a new fact needs sourceId with excerpt, or an editorialNote');
    const both = await refused(
      EDITOR,
      CurationMutCreatePerson,
      { input: { surname: 'Khumalo', evidence: { sourceId, excerpt: '\u2022 Dr P Naidoo', editorialNote: 'And a note besides' } } },
      'BAD_USER_INPUT',
    );
    expect(both.message).toBe('evidence: give either sourceId with excerpt, or editorialNote, not both');
    const halfCited = await refused(EDITOR, CurationMutCreatePerson, { input: { surname: 'Khumalo', evidence: { sourceId } } }, 'BAD_USER_INPUT');
    expect(halfCited.message).toBe('evidence: sourceId and excerpt go together');
    const people = await app.post({ query: '{ people(filter: { name: "Khumalo" }) { totalCount } }' });
    expect(people.body.data).toEqual({ people: { totalCount: 0 } });
  });

  it('an editorial note shorter than 10 characters: BAD_USER_INPUT naming the note, and no person is created', async () => {
    const error = await refused(EDITOR, CurationMutCreatePerson, { input: { surname: 'Mahlangu', evidence: editorial('Trust me') } }, 'BAD_USER_INPUT');
    expect(error.message).toContain('editorialNote');
    const people = await app.post({ query: '{ people(filter: { name: "Mahlangu" }) { totalCount } }' });
    expect(people.body.data).toEqual({ people: { totalCount: 0 } });
  });

  it('an excerpt shorter than 3 characters: BAD_USER_INPUT naming the excerpt, though the letters occur in the source', async () => {
    expect(SOURCE_TEXT).toContain('Dr');
    const error = await refused(EDITOR, CurationMutCreatePerson, { input: { surname: 'Moosa', evidence: cite('Dr') } }, 'BAD_USER_INPUT');
    expect(error.message).toContain('excerpt');
    const people = await app.post({ query: '{ people(filter: { name: "Moosa" }) { totalCount } }' });
    expect(people.body.data).toEqual({ people: { totalCount: 0 } });
  });

  it('an id of the wrong type, or of nothing: BAD_USER_INPUT naming the argument', async () => {
    const wrongType = await refused(
      EDITOR,
      CurationMutCreatePosition,
      { input: { personId: ids.stellenbosch, title: 'Professor', evidence: editorial('An organisation is not a person') } },
      'BAD_USER_INPUT',
    );
    expect(wrongType.message).toContain(`"${ids.stellenbosch}" is the id of a`);
    expect(wrongType.message).toContain('not of a Person');
    expect(wrongType.extensions!.argumentName).toBe('input.personId');
    const nothing = await refused(
      EDITOR,
      CurationMutCreatePosition,
      { input: { personId: Buffer.from('Person:999999').toString('base64'), title: 'Professor', evidence: editorial('A person nobody recorded') } },
      'BAD_USER_INPUT',
    );
    expect(nothing.message).toBe(`input.personId: no Person has the id "${Buffer.from('Person:999999').toString('base64')}"`);
    expect(nothing.extensions!.argumentName).toBe('input.personId');
  });
});

// ---------------------------------------------------------------- versions

describe('stale versions', () => {
  it('an update with an old version is refused with CONFLICT and the record is unchanged', async () => {
    const before = (await read(CurationMutPerson, { id: ids.naidoo })).node!;
    expect(before.version).toBe(2);
    const error = await refused(EDITOR, CurationMutUpdatePerson, { id: ids.naidoo, version: 1, input: { givenNames: 'Pravin' } }, 'CONFLICT');
    expect(error.message).toBe(`Person ${rowId(ids.naidoo)} is at version 2, not 1: someone changed it since you read it`);
    expect((await read(CurationMutPerson, { id: ids.naidoo })).node).toEqual(before);
  });

  it('a deletion with an old version is refused with CONFLICT and nothing is deleted', async () => {
    const error = await refused(ADMIN, CurationMutDeleteOrganisation, { id: ids.sita, version: 1 }, 'CONFLICT');
    expect(error.message).toBe(`Organisation ${rowId(ids.sita)} is at version 2, not 1: someone changed it since you read it`);
    expect((await read(CurationMutOrganisation, { id: ids.sita })).node).toMatchObject({ version: 2, name: 'State Information Technology Agency' });
  });

  it('a version from the future is refused too', async () => {
    const error = await refused(EDITOR, CurationMutUpdateTopic, { id: (await read(CurationMutTopic, { slug: 'risk-management' })).topic!.id, version: 99, input: { name: 'Risk' } }, 'CONFLICT');
    expect(error.message).toMatch(/^Topic \d+ is at version 1, not 99: someone changed it since you read it$/);
    expect((await read(CurationMutTopic, { slug: 'risk-management' })).topic).toMatchObject({ name: 'Risk management', version: 1 });
  });

  it('of two concurrent updates from the same version, exactly one wins; the other gets CONFLICT', async () => {
    const start = (await read(CurationMutEdition, { year: 2008 })).conference!;
    const historyBefore = await historyLength();
    const attempts = await Promise.all(
      ['Senior managers of national departments', 'Senior managers of provincial departments'].map((audience) =>
        send(EDITOR, CurationMutUpdateConference, { id: ids.sms2008, version: start.version, input: { audience } }),
      ),
    );
    const won = attempts.filter((attempt) => attempt.errors === undefined);
    const lost = attempts.filter((attempt) => attempt.errors !== undefined);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.errors![0]!.extensions!.code).toBe('CONFLICT');
    const after = (await read(CurationMutEdition, { year: 2008 })).conference!;
    expect(after.version).toBe(start.version + 1);
    expect(after.audience).toBe(won[0]!.data!.updateConference.audience);
    expect(await historyLength()).toBe(historyBefore + 1);
  });
});

// ---------------------------------------------------------------- references

describe('deleting what is still referenced', () => {
  it('the DPSA: CONFLICT naming its positions, publications, series, contacts and units; nothing deleted', async () => {
    const before = (await read(CurationMutOrganisation, { id: dpsa.id })).node!;
    const error = await refused(ADMIN, CurationMutDeleteOrganisation, { id: dpsa.id, version: before.version! }, 'CONFLICT');
    expect(error.message).toMatch(new RegExp(`^Organisation ${rowId(dpsa.id)} cannot be deleted: it is still referenced by `));
    expect(error.message).toContain('1 child organisation');
    expect(error.message).toContain('3 positions');
    expect(error.message).toContain('3 sources it published');
    expect(error.message).toContain('1 series it organises');
    expect(error.message).toContain('1 contact');
    expect((await read(CurationMutOrganisation, { id: dpsa.id })).node).toEqual(before);
  });

  it('a person with participations and positions: CONFLICT naming them', async () => {
    const error = await refused(ADMIN, CurationMutDeletePerson, { id: levin.id, version: levin.version }, 'CONFLICT');
    expect(error.message).toBe(`Person ${rowId(levin.id)} cannot be deleted: it is still referenced by 2 participations, 1 positions`);
    expect((await read(CurationMutPerson, { id: levin.id })).node).toMatchObject({ displayName: 'Prof R M Levin', version: levin.version, participations: { totalCount: 2 } });
  });

  it('a session with children: CONFLICT naming them', async () => {
    const error = await refused(ADMIN, CurationMutDeleteSession, { id: ids.breakaway, version: 1 }, 'CONFLICT');
    expect(error.message).toBe(`Session ${rowId(ids.breakaway)} cannot be deleted: it is still referenced by 1 child sessions`);
    expect(await exists(ids.breakaway)).toBe(true);
    expect(await exists(ids.commission)).toBe(true);
  });

  it('a session with participants: CONFLICT naming them', async () => {
    const error = await refused(ADMIN, CurationMutDeleteSession, { id: ids.roundTable, version: 1 }, 'CONFLICT');
    expect(error.message).toBe(`Session ${rowId(ids.roundTable)} cannot be deleted: it is still referenced by 1 participations`);
    expect(await exists(ids.facilitator)).toBe(true);
  });

  it('a day with sessions and a chair: CONFLICT naming them', async () => {
    const error = await refused(ADMIN, CurationMutDeleteDay, { id: ids.day1, version: 1 }, 'CONFLICT');
    expect(error.message).toBe(`ConferenceDay ${rowId(ids.day1)} cannot be deleted: it is still referenced by 3 sessions, 1 chairs`);
    expect(await exists(ids.day1)).toBe(true);
    expect(await exists(ids.chair)).toBe(true);
  });

  it('a conference with days and sessions: CONFLICT naming them', async () => {
    const edition = (await read(CurationMutEdition, { year: 2008 })).conference!;
    const error = await refused(ADMIN, CurationMutDeleteConference, { id: ids.sms2008, version: edition.version }, 'CONFLICT');
    expect(error.message).toBe(`Conference ${rowId(ids.sms2008)} cannot be deleted: it is still referenced by 2 days, 3 sessions`);
    expect((await read(CurationMutEdition, { year: 2008 })).conference).toEqual(edition);
  });

  it('an edition that annexes list: CONFLICT naming them', async () => {
    const error = await refused(ADMIN, CurationMutDeleteConference, { id: sms2006.id, version: sms2006.version }, 'CONFLICT');
    expect(error.message).toBe(`Conference ${rowId(sms2006.id)} cannot be deleted: it is still referenced by 2 annexes listing it`);
    expect((await read(CurationMutEdition, { year: 2006 })).conference).toMatchObject({ id: sms2006.id, documentation: 'REFERENCED' });
  });

  it('a position a participation states: CONFLICT naming it', async () => {
    const error = await refused(ADMIN, CurationMutDeletePosition, { id: ids.professor, version: 2 }, 'CONFLICT');
    expect(error.message).toBe(`Position ${rowId(ids.professor)} cannot be deleted: it is still referenced by 1 participations`);
    expect((await read(CurationMutPosition, { id: ids.professor })).node).toMatchObject({ title: 'Professor', version: 2 });
  });

  it('a cited source: CONFLICT naming its citations', async () => {
    const error = await refused(ADMIN, CurationMutDeleteSource, { id: eventPage2007Id, version: 1 }, 'CONFLICT');
    expect(error.message).toMatch(/^Source \d+ cannot be deleted: it is still referenced by \d+ citations, 1 annexes, 1 conferences it describes$/);
    expect((await read(CurationMutSource, { id: eventPage2007Id })).node).toMatchObject({ key: 'sms-2007-event-page' });
  });
});

// ---------------------------------------------------------------- the history itself

describe('the history', () => {
  it('lists changes newest first, each at a time no earlier than the next', async () => {
    const changes = (await read(CurationMutChanges, { actor: EDITOR, first: 50 })).changes.nodes;
    expect(changes.length).toBeGreaterThan(20);
    const times = changes.map((change) => Date.parse(change.at as string));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('names only the actors that wrote: this file\'s two keys, and the seed load', async () => {
    const mine = (await read(CurationMutChanges, { actor: EDITOR, first: 1 })).changes.totalCount;
    const admins = (await read(CurationMutChanges, { actor: ADMIN, first: 1 })).changes.totalCount;
    const seed = (await read(CurationMutChanges, { actor: 'corpus-load', first: 1 })).changes.totalCount;
    expect(mine).toBeGreaterThan(0);
    expect(admins).toBeGreaterThan(0);
    expect(seed).toBeGreaterThan(0);
    expect(mine + admins + seed).toBe(await historyLength());
  });

  it('refuses UPDATE and DELETE through the database itself; its rows are unchanged', async () => {
    const connection = app.lekgotla.database.orm.em.fork().getConnection();
    const before = await connection.execute<Array<{ id: number; actor: string }>>('select id, actor from change order by id');
    await expect(connection.execute("update change set actor = 'someone-else' where actor = ?", [EDITOR])).rejects.toThrow(/the change history is append-only/);
    await expect(connection.execute('delete from change where actor = ?', [ADMIN])).rejects.toThrow(/the change history is append-only/);
    await expect(connection.execute('delete from change')).rejects.toThrow(/the change history is append-only/);
    expect(await connection.execute('select id, actor from change order by id')).toEqual(before);
  });

});
