import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../src/auth/api-keys.js';
import { Role } from '../src/entities/enums.js';
import { graphql } from './generated/index.js';
import { startTestApp, type GraphQLResponse, type TestApp } from './support/app.js';

/**
 * One person recorded twice is merged; two people recorded as one are split.
 * The 2006 media statement (added here as a source) names "Professor Richard
 * Levin" as keynote speaker, whom a curator first records as a new person,
 * and "Mr M Singh" of Health, whom a curator first files under the 2007
 * chairperson Dr M Singh of SAPS.
 */

const CURATOR = 'identity-curator';

const STATEMENT_TITLE = 'Public Service and Administration to host the 2006 Senior Management Service (SMS) Conference';
const STATEMENT_TEXT = `Public Service and Administration to host the 2006 Senior Management
Service (SMS) Conference, 20-21 September

Senior Management Service Conference 2006
Date: 20-21 September 2006
Venue: Durban International Convention Centre, Durban

Professor Richard Levin, Director-General of the Department of Public Service
and Administration, will deliver the keynote address on the first day, and
will chair the second day.

Mr M Singh, Chief Director: Human Resource Development, Department of Health,
will facilitate the commission on skills for shared growth.

Issued by: Department of Public Service and Administration
4 August 2006
`;

const CurationIdentitySeed = graphql(`
  query CurationIdentitySeed {
    sources(first: 10) {
      nodes {
        id
        key
      }
    }
    dpsa: organisations(filter: { name: "Department of Public Service and Administration" }) {
      nodes {
        id
      }
    }
    sms2006: conference(seriesSlug: "sms", year: 2006) {
      id
    }
    sms2007: conference(seriesSlug: "sms", year: 2007) {
      sessions(first: 20) {
        nodes {
          id
          ref
        }
      }
    }
  }
`);

const CurationIdentityPeopleNamed = graphql(`
  query CurationIdentityPeopleNamed($name: String!) {
    people(filter: { name: $name }, first: 20) {
      totalCount
      nodes {
        id
        version
        displayName
      }
    }
  }
`);

const CurationIdentityPerson = graphql(`
  query CurationIdentityPerson($id: ID!) {
    node(id: $id) {
      ... on Person {
        id
        version
        displayName
        givenNames
        aliases
        citations {
          excerpt
          source {
            key
          }
        }
        positions {
          id
          title
          asOf
          organisation {
            name
          }
        }
        participations(first: 20) {
          totalCount
          nodes {
            id
            role
            session {
              title
            }
            day {
              number
              conference {
                year
              }
            }
            position {
              title
            }
            citations {
              excerpt
            }
          }
        }
        possibleDuplicates {
          score
        }
      }
    }
  }
`);

const CurationIdentitySession = graphql(`
  query CurationIdentitySession($id: ID!) {
    node(id: $id) {
      ... on Session {
        participants {
          role
          person {
            id
            displayName
          }
        }
      }
    }
  }
`);

const CurationIdentityPosition = graphql(`
  query CurationIdentityPosition($id: ID!) {
    node(id: $id) {
      ... on Position {
        title
        person {
          id
          displayName
        }
      }
    }
  }
`);

const CurationIdentityExists = graphql(`
  query CurationIdentityExists($id: ID!) {
    node(id: $id) {
      id
    }
  }
`);

const CurationIdentityChanges = graphql(`
  query CurationIdentityChanges($recordId: ID, $first: Int) {
    changes(recordId: $recordId, first: $first) {
      totalCount
      nodes {
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

const CurationIdentityCreateSource = graphql(`
  mutation CurationIdentityCreateSource($input: CreateSourceInput!) {
    createSource(input: $input) {
      id
    }
  }
`);

const CurationIdentityCreateOrganisation = graphql(`
  mutation CurationIdentityCreateOrganisation($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      id
    }
  }
`);

const CurationIdentityCreateDay = graphql(`
  mutation CurationIdentityCreateDay($input: CreateDayInput!) {
    createConferenceDay(input: $input) {
      id
    }
  }
`);

const CurationIdentityCreateSession = graphql(`
  mutation CurationIdentityCreateSession($input: CreateSessionInput!) {
    createSession(input: $input) {
      id
    }
  }
`);

const CurationIdentityCreatePerson = graphql(`
  mutation CurationIdentityCreatePerson($input: CreatePersonInput!) {
    createPerson(input: $input) {
      id
      version
      displayName
    }
  }
`);

const CurationIdentityUpdatePerson = graphql(`
  mutation CurationIdentityUpdatePerson($id: ID!, $version: Int!, $input: PersonFields!) {
    updatePerson(id: $id, version: $version, input: $input) {
      id
      version
    }
  }
`);

const CurationIdentityCreatePosition = graphql(`
  mutation CurationIdentityCreatePosition($input: CreatePositionInput!) {
    createPosition(input: $input) {
      id
    }
  }
`);

const CurationIdentityCreateParticipation = graphql(`
  mutation CurationIdentityCreateParticipation($input: CreateParticipationInput!) {
    createParticipation(input: $input) {
      id
    }
  }
`);

const CurationIdentityCreateCitation = graphql(`
  mutation CurationIdentityCreateCitation($input: CreateCitationInput!) {
    createCitation(input: $input) {
      excerpt
    }
  }
`);

const CurationIdentityMerge = graphql(`
  mutation CurationIdentityMerge($keepId: ID!, $keepVersion: Int!, $mergeId: ID!, $mergeVersion: Int!, $note: String!) {
    mergePeople(keepId: $keepId, keepVersion: $keepVersion, mergeId: $mergeId, mergeVersion: $mergeVersion, note: $note) {
      id
      version
      displayName
      givenNames
      aliases
    }
  }
`);

const CurationIdentitySplit = graphql(`
  mutation CurationIdentitySplit($id: ID!, $version: Int!, $participationIds: [ID!]!, $newPerson: CreatePersonInput!) {
    splitPerson(id: $id, version: $version, participationIds: $participationIds, newPerson: $newPerson) {
      id
      version
      displayName
      aliases
    }
  }
`);

// ---------------------------------------------------------------- harness

let app: TestApp;
let key: string;

beforeAll(async () => {
  app = await startTestApp();
  key = await createApiKey(app.lekgotla.database.orm.em.fork(), CURATOR, Role.EDITOR);
});
afterAll(() => app?.close());

async function send<Result, Variables>(document: TypedDocumentNode<Result, Variables>, variables: Variables) {
  const { status, body } = await app.post({ query: print(document), variables }, { authorization: `Bearer ${key}` });
  return { status, ...(body as GraphQLResponse<Result>) };
}

async function write<Result, Variables>(document: TypedDocumentNode<Result, Variables>, variables: Variables): Promise<Result> {
  const response = await send(document, variables);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

async function read<Result, Variables>(document: TypedDocumentNode<Result, Variables>, variables: Variables): Promise<Result> {
  const response = await app.graphql(document, variables);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

async function person(id: string) {
  const { node } = await read(CurationIdentityPerson, { id });
  if (!node || !('aliases' in node)) throw new Error(`no person has the id ${id}`);
  return node;
}

async function historyLength(): Promise<number> {
  return (await read(CurationIdentityChanges, { first: 1 })).changes.totalCount;
}

async function history(recordId: string) {
  return (await read(CurationIdentityChanges, { recordId, first: 20 })).changes.nodes;
}

/** How many rows each table the identity mutations touch holds. */
async function tableCounts(): Promise<Record<string, number>> {
  const rows = await app.lekgotla.database.orm.em
    .fork()
    .getConnection()
    .execute<Array<{ table: string; count: number }>>(
      `select 'person' as table, count(*)::int as count from person
       union all select 'participation', count(*)::int from participation
       union all select 'position', count(*)::int from position
       union all select 'citation', count(*)::int from citation
       union all select 'change', count(*)::int from change`,
    );
  return Object.fromEntries(rows.map((row) => [row.table, row.count]));
}

/** A mutation that must be refused with `code`, changing no row and writing no history. */
async function refused<Result, Variables>(document: TypedDocumentNode<Result, Variables>, variables: Variables, code: string) {
  const before = await tableCounts();
  const response = await send(document, variables);
  expect(response.data ?? null).toBeNull();
  expect(response.errors).toHaveLength(1);
  expect(response.errors![0]!.extensions!.code).toBe(code);
  expect(await tableCounts()).toEqual(before);
  return response.errors![0]!;
}

const rowId = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString('utf8').split(':')[1]);
const sorted = <T>(items: T[]) => [...items].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

// ---------------------------------------------------------------- the 2006 material

let statementId: string;
let eventPage2007Id: string;
let dpsaId: string;
let healthId: string;
let levinId: string;
let singhId: string;
let roundTable2007Id: string;
let keynote2006Id: string;
let commission2006Id: string;
let day2Of2006Id: string;
const cite = (excerpt: string) => ({ sourceId: statementId, excerpt });

beforeAll(async () => {
  const seed = await read(CurationIdentitySeed, {});
  eventPage2007Id = seed.sources.nodes.find((source) => source.key === 'sms-2007-event-page')!.id;
  dpsaId = seed.dpsa.nodes[0]!.id;
  roundTable2007Id = seed.sms2007!.sessions.nodes.find((session) => session.ref === 'day-1-round-table')!.id;
  const levin = await read(CurationIdentityPeopleNamed, { name: 'Levin' });
  expect(levin.people.nodes.map((p) => p.displayName)).toEqual(['Prof R M Levin']);
  levinId = levin.people.nodes[0]!.id;
  const singh = await read(CurationIdentityPeopleNamed, { name: 'Singh' });
  expect(singh.people.nodes.map((p) => p.displayName)).toEqual(['Dr M Singh']);
  singhId = singh.people.nodes[0]!.id;

  statementId = (
    await write(CurationIdentityCreateSource, {
      input: { key: 'sms-2006-media-statement', title: STATEMENT_TITLE, kind: 'MEDIA_STATEMENT', text: STATEMENT_TEXT, publisherId: dpsaId, issuedOn: '2006-08-04' },
    })
  ).createSource.id;
  healthId = (
    await write(CurationIdentityCreateOrganisation, {
      input: { name: 'Department of Health', kind: 'NATIONAL_DEPARTMENT', sphere: 'NATIONAL', evidence: cite('Department of Health,') },
    })
  ).createOrganisation.id;
  const sms2006 = seed.sms2006!.id;
  const day1 = (await write(CurationIdentityCreateDay, { input: { conferenceId: sms2006, number: 1, date: '2006-09-20', evidence: cite('Date: 20-21 September 2006') } }))
    .createConferenceDay.id;
  day2Of2006Id = (await write(CurationIdentityCreateDay, { input: { conferenceId: sms2006, number: 2, date: '2006-09-21', evidence: cite('Date: 20-21 September 2006') } }))
    .createConferenceDay.id;
  keynote2006Id = (
    await write(CurationIdentityCreateSession, {
      input: { conferenceId: sms2006, dayId: day1, kind: 'KEYNOTE', title: 'Keynote address', evidence: cite('will deliver the keynote address on the first day') },
    })
  ).createSession.id;
  commission2006Id = (
    await write(CurationIdentityCreateSession, {
      input: {
        conferenceId: sms2006,
        dayId: day2Of2006Id,
        kind: 'COMMISSION',
        title: 'Skills for shared growth',
        evidence: cite('will facilitate the commission on skills for shared growth.'),
      },
    })
  ).createSession.id;
});

// ---------------------------------------------------------------- merging

describe('mergePeople', () => {
  let duplicateId: string;
  let duplicatePositionId: string;
  let keynoteId: string;
  let chairId: string;
  let levinBefore: Awaited<ReturnType<typeof person>>;

  beforeAll(async () => {
    // A curator reading the 2006 statement records "Professor Richard Levin" as someone new.
    const created = await write(CurationIdentityCreatePerson, {
      input: {
        honorific: 'Prof',
        givenNames: 'Richard',
        surname: 'Levin',
        aliases: ['Professor Richard Levin'],
        evidence: cite('Professor Richard Levin, Director-General of the Department of Public Service'),
      },
    });
    duplicateId = created.createPerson.id;
    expect(created.createPerson.displayName).toBe('Prof Richard Levin');
    // The one position it states that Prof R M Levin does not already hold.
    duplicatePositionId = (
      await write(CurationIdentityCreatePosition, {
        input: { personId: duplicateId, title: 'Keynote speaker', asOf: '2006-09-20', evidence: cite('will deliver the keynote address on the first day') },
      })
    ).createPosition.id;
    keynoteId = (
      await write(CurationIdentityCreateParticipation, {
        input: {
          personId: duplicateId,
          role: 'KEYNOTE_SPEAKER',
          sessionId: keynote2006Id,
          positionId: duplicatePositionId,
          evidence: cite('will deliver the keynote address on the first day'),
        },
      })
    ).createParticipation.id;
    chairId = (
      await write(CurationIdentityCreateParticipation, {
        input: { personId: duplicateId, role: 'CHAIRPERSON', dayId: day2Of2006Id, evidence: cite('will chair the second day.') },
      })
    ).createParticipation.id;
    levinBefore = await person(levinId);
    expect(levinBefore.participations.totalCount).toBe(2);
    expect(levinBefore.positions.map((position) => position.title)).toEqual(['Director-General']);
  });

  it('refuses to merge a person into itself', async () => {
    const error = await refused(
      CurationIdentityMerge,
      { keepId: levinId, keepVersion: levinBefore.version, mergeId: levinId, mergeVersion: levinBefore.version, note: 'The same record twice' },
      'BAD_USER_INPUT',
    );
    expect(error.message).toBe('mergeId: a person cannot be merged into itself');
  });

  it('refuses a stale version of either person, merging nothing', async () => {
    const duplicate = await person(duplicateId);
    const staleKeep = await refused(
      CurationIdentityMerge,
      { keepId: levinId, keepVersion: levinBefore.version + 1, mergeId: duplicateId, mergeVersion: duplicate.version, note: 'Both are the DG of the DPSA' },
      'CONFLICT',
    );
    expect(staleKeep.message).toBe(
      `Person ${rowId(levinId)} is at version ${levinBefore.version}, not ${levinBefore.version + 1}: someone changed it since you read it`,
    );
    const staleMerged = await refused(
      CurationIdentityMerge,
      { keepId: levinId, keepVersion: levinBefore.version, mergeId: duplicateId, mergeVersion: duplicate.version + 1, note: 'Both are the DG of the DPSA' },
      'CONFLICT',
    );
    expect(staleMerged.message).toContain(`Person ${rowId(duplicateId)} is at version ${duplicate.version}`);
    expect(await person(duplicateId)).toEqual(duplicate);
  });

  it('refuses an id that is not a person', async () => {
    const error = await refused(
      CurationIdentityMerge,
      { keepId: levinId, keepVersion: levinBefore.version, mergeId: dpsaId, mergeVersion: 1, note: 'A department is not a person' },
      'BAD_USER_INPUT',
    );
    expect(error.message).toContain('not of a Person');
  });

  it('keeps every participation, position, alias and citation on the kept person, and removes the other', async () => {
    const duplicate = await person(duplicateId);
    const { mergePeople } = await write(CurationIdentityMerge, {
      keepId: levinId,
      keepVersion: levinBefore.version,
      mergeId: duplicateId,
      mergeVersion: duplicate.version,
      note: 'Both records name the Director-General of the DPSA',
    });
    expect(mergePeople).toMatchObject({
      id: levinId,
      version: levinBefore.version + 1,
      givenNames: 'Richard',
      aliases: ['Prof R M Levin', 'Professor Richard Levin'],
    });
    expect(await read(CurationIdentityExists, { id: duplicateId })).toEqual({ node: null });

    const levin = await person(levinId);
    expect(levin.aliases).toEqual(['Prof R M Levin', 'Professor Richard Levin']);
    expect(levin.participations.totalCount).toBe(4);
    expect(sorted(levin.participations.nodes.map((p) => [p.role, p.session?.title ?? null, p.day?.number ?? null, p.position?.title ?? null]))).toEqual(
      sorted([
        ['PANELLIST', 'Responding to Leadership Development in the Public Service in consideration of the Global challenges', null, null],
        ['PRESENTER', 'Leadership Challenges in the Single Public Service', null, 'Director-General'],
        ['KEYNOTE_SPEAKER', 'Keynote address', null, 'Keynote speaker'],
        ['CHAIRPERSON', null, 2, null],
      ]),
    );
    // Each moved participation keeps its own evidence.
    expect(levin.participations.nodes.find((p) => p.id === keynoteId)!.citations).toEqual([{ excerpt: 'will deliver the keynote address on the first day' }]);
    expect(levin.participations.nodes.find((p) => p.id === chairId)!.citations).toEqual([{ excerpt: 'will chair the second day.' }]);
    expect(sorted(levin.positions.map((p) => [p.title, p.asOf, p.organisation?.name ?? null]))).toEqual(
      sorted([
        ['Keynote speaker', '2006-09-20', null],
        ['Director-General', '2007-09-12', 'Department of Public Service and Administration'],
      ]),
    );
    expect(sorted(levin.citations.map((c) => [c.source.key, c.excerpt]))).toEqual(
      sorted([
        ['sms-2007-event-page', '\u2022 Prof R M Levin'],
        ['sms-2007-event-page', 'Presenter: Prof R M Levin: Director-General, Department of Public Service and Administration'],
        ['sms-2006-media-statement', 'Professor Richard Levin, Director-General of the Department of Public Service'],
      ]),
    );
    expect((await read(CurationIdentitySession, { id: keynote2006Id })).node).toEqual({
      participants: [{ role: 'KEYNOTE_SPEAKER', person: { id: levinId, displayName: levin.displayName } }],
    });
    expect((await read(CurationIdentityPosition, { id: duplicatePositionId })).node).toEqual({
      title: 'Keynote speaker',
      person: { id: levinId, displayName: levin.displayName },
    });
  });

  it('writes MERGE history for both records, with the note', async () => {
    const [kept] = await history(levinId);
    expect(kept).toMatchObject({ actor: CURATOR, action: 'MERGE', recordType: 'Person', recordId: levinId, note: 'Both records name the Director-General of the DPSA' });
    expect(kept!.changedFields).toEqual(expect.arrayContaining(['aliases', 'givenNames']));
    expect(kept!.before).toMatchObject({ aliases: ['Prof R M Levin'], givenNames: null });
    expect(kept!.after).toMatchObject({ aliases: ['Prof R M Levin', 'Professor Richard Levin'], givenNames: 'Richard' });

    const [merged, ...earlier] = await history(duplicateId);
    expect(merged).toMatchObject({
      actor: CURATOR,
      action: 'MERGE',
      recordType: 'Person',
      recordId: duplicateId,
      after: null,
      note: `merged into Person ${rowId(levinId)}: Both records name the Director-General of the DPSA`,
    });
    expect(merged!.before).toMatchObject({ displayName: 'Prof Richard Levin', givenNames: 'Richard', aliases: ['Professor Richard Levin'] });
    expect(earlier.map((change) => change.action)).toEqual(['CREATE']);
  });

  it('leaves one participation where both records took part in the same session, with the evidence of both', async () => {
    const twin = await write(CurationIdentityCreatePerson, {
      input: { honorific: 'Prof', initials: 'R', surname: 'Levin', evidence: { editorialNote: 'A panellist of the 2007 round table, recorded twice' } },
    });
    const twinPanellist = (
      await write(CurationIdentityCreateParticipation, {
        input: { personId: twin.createPerson.id, role: 'PANELLIST', sessionId: roundTable2007Id, evidence: { editorialNote: 'Listed among the round-table panellists' } },
      })
    ).createParticipation.id;
    await write(CurationIdentityCreateCitation, {
      input: {
        recordId: twinPanellist,
        sourceId: eventPage2007Id,
        excerpt: 'Round table discussions: Responding to Leadership Development in the Public Service in consideration of the Global challenges',
      },
    });
    const keep = await person(levinId);
    await write(CurationIdentityMerge, {
      keepId: levinId,
      keepVersion: keep.version,
      mergeId: twin.createPerson.id,
      mergeVersion: twin.createPerson.version,
      note: 'The same panellist recorded twice',
    });
    const levin = await person(levinId);
    expect(levin.participations.totalCount).toBe(keep.participations.totalCount);
    expect(await read(CurationIdentityExists, { id: twin.createPerson.id })).toEqual({ node: null });
    const panellist = levin.participations.nodes.find((p) => p.role === 'PANELLIST')!;
    expect(sorted(panellist.citations.map((c) => c.excerpt))).toEqual(
      sorted(['\u2022 Prof R M Levin', 'Round table discussions: Responding to Leadership Development in the Public Service in consideration of the Global challenges']),
    );
    const participants = (await read(CurationIdentitySession, { id: roundTable2007Id })).node as { participants: Array<{ person: { id: string } }> };
    expect(participants.participants.filter((p) => p.person.id === levinId)).toHaveLength(1);
    expect(participants.participants.filter((p) => p.person.id === twin.createPerson.id)).toHaveLength(0);
    expect(await read(CurationIdentityExists, { id: twinPanellist })).toEqual({ node: null });
  });

  it('merges two records that cite the same words, keeping the citation once', async () => {
    const copy = await write(CurationIdentityCreatePerson, {
      input: { honorific: 'Prof', initials: 'R M', surname: 'Levin', evidence: { sourceId: eventPage2007Id, excerpt: '\u2022 Prof R M Levin' } },
    });
    const copyPanellist = (
      await write(CurationIdentityCreateParticipation, {
        input: { personId: copy.createPerson.id, role: 'PANELLIST', sessionId: roundTable2007Id, evidence: { sourceId: eventPage2007Id, excerpt: '\u2022 Prof R M Levin' } },
      })
    ).createParticipation.id;
    expect(copyPanellist).toBeTruthy();
    const keep = await person(levinId);
    const response = await send(CurationIdentityMerge, {
      keepId: levinId,
      keepVersion: keep.version,
      mergeId: copy.createPerson.id,
      mergeVersion: copy.createPerson.version,
      note: 'Entered twice from the same programme line',
    });
    expect(response.errors).toBeUndefined();
    expect(await read(CurationIdentityExists, { id: copy.createPerson.id })).toEqual({ node: null });
    const levin = await person(levinId);
    expect(levin.citations.filter((c) => c.excerpt === '\u2022 Prof R M Levin')).toHaveLength(1);
    expect(levin.participations.totalCount).toBe(keep.participations.totalCount);
    expect(levin.participations.nodes.find((p) => p.role === 'PANELLIST')!.citations.filter((c) => c.excerpt === '\u2022 Prof R M Levin')).toHaveLength(1);
  });
});

describe('mergePeople of two records that state the same position', () => {
  it('keeps one position, which the moved participations then state', async () => {
    const copy = await write(CurationIdentityCreatePerson, {
      input: {
        honorific: 'Prof',
        givenNames: 'Richard',
        initials: 'R M',
        surname: 'Levin',
        aliases: ['Professor Richard Levin, Director-General'],
        evidence: { editorialNote: 'Recorded from the 2006 statement before the curator searched for him' },
      },
    });
    const copyPosition = (
      await write(CurationIdentityCreatePosition, {
        input: {
          personId: copy.createPerson.id,
          title: 'Director-General',
          organisationId: dpsaId,
          asOf: '2006-09-20',
          evidence: cite('Professor Richard Levin, Director-General of the Department of Public Service'),
        },
      })
    ).createPosition.id;
    const closing = (
      await write(CurationIdentityCreateSession, {
        input: { conferenceId: (await read(CurationIdentitySeed, {})).sms2006!.id, kind: 'ADDRESS', title: 'Closing address', evidence: { editorialNote: 'Listed in the delegate pack only' } },
      })
    ).createSession.id;
    const presenter = (
      await write(CurationIdentityCreateParticipation, {
        input: {
          personId: copy.createPerson.id,
          role: 'PRESENTER',
          sessionId: closing,
          positionId: copyPosition,
          evidence: { editorialNote: 'Presented to the commission, per the delegate pack' },
        },
      })
    ).createParticipation.id;
    const keep = await person(levinId);
    const response = await send(CurationIdentityMerge, {
      keepId: levinId,
      keepVersion: keep.version,
      mergeId: copy.createPerson.id,
      mergeVersion: copy.createPerson.version,
      note: 'Both hold the post of Director-General of the DPSA',
    });
    expect(response.errors).toBeUndefined();
    expect(await read(CurationIdentityExists, { id: copy.createPerson.id })).toEqual({ node: null });
    const levin = await person(levinId);
    expect(levin.positions.filter((p) => p.title === 'Director-General' && p.organisation?.name === 'Department of Public Service and Administration')).toHaveLength(1);
    expect(levin.participations.totalCount).toBe(keep.participations.totalCount + 1);
    const moved = levin.participations.nodes.find((p) => p.id === presenter)!;
    expect(moved).toMatchObject({ role: 'PRESENTER', session: { title: 'Closing address' }, position: { title: 'Director-General' } });
    expect(levin.aliases).toContain('Professor Richard Levin, Director-General');
  });
});

// ---------------------------------------------------------------- splitting

describe('splitPerson', () => {
  let chiefDirectorId: string;
  let facilitatorId: string;
  let dayChairId: string;
  let singhBefore: Awaited<ReturnType<typeof person>>;
  const newPerson = {
    honorific: 'Mr',
    initials: 'M',
    surname: 'Singh',
    aliases: ['Mr M Singh'],
    evidence: { excerpt: 'Mr M Singh, Chief Director: Human Resource Development, Department of Health,' },
  };

  beforeAll(async () => {
    // A curator files the 2006 "Mr M Singh" of Health under the 2007 chairperson Dr M Singh of SAPS.
    chiefDirectorId = (
      await write(CurationIdentityCreatePosition, {
        input: {
          personId: singhId,
          title: 'Chief Director: Human Resource Development',
          organisationId: healthId,
          asOf: '2006-09-21',
          evidence: cite('Mr M Singh, Chief Director: Human Resource Development, Department of Health,'),
        },
      })
    ).createPosition.id;
    facilitatorId = (
      await write(CurationIdentityCreateParticipation, {
        input: {
          personId: singhId,
          role: 'FACILITATOR',
          sessionId: commission2006Id,
          positionId: chiefDirectorId,
          evidence: cite('Mr M Singh, Chief Director: Human Resource Development, Department of Health,'),
        },
      })
    ).createParticipation.id;
    const current = await person(singhId);
    await write(CurationIdentityUpdatePerson, { id: singhId, version: current.version, input: { aliases: ['Dr M Singh', 'Mr M Singh'] } });
    singhBefore = await person(singhId);
    expect(singhBefore.participations.totalCount).toBe(2);
    dayChairId = singhBefore.participations.nodes.find((p) => p.role === 'CHAIRPERSON')!.id;
  });

  it('refuses a participation of someone else, moving nothing', async () => {
    const levin = await person(levinId);
    const error = await refused(
      CurationIdentitySplit,
      { id: singhId, version: singhBefore.version, participationIds: [facilitatorId, levin.participations.nodes[0]!.id], newPerson: { ...newPerson, evidence: cite(newPerson.evidence.excerpt) } },
      'BAD_USER_INPUT',
    );
    expect(error.message).toBe('participationIds: every participation must exist and belong to the person being split');
    expect(await person(singhId)).toEqual(singhBefore);
  });

  it('refuses to move every participation, which would leave an empty person', async () => {
    const before = await tableCounts();
    const response = await send(CurationIdentitySplit, {
      id: singhId,
      version: singhBefore.version,
      participationIds: [facilitatorId, dayChairId],
      newPerson: { ...newPerson, evidence: cite(newPerson.evidence.excerpt) },
    });
    expect(response.data ?? null).toBeNull();
    expect(['BAD_USER_INPUT', 'CONFLICT']).toContain(response.errors![0]!.extensions!.code);
    expect(response.errors![0]!.message).toBe('Moving every participation would leave an empty person: edit the person instead');
    expect(await tableCounts()).toEqual(before);
    expect(await person(singhId)).toEqual(singhBefore);
  });

  it('refuses an empty list of participations', async () => {
    const error = await refused(
      CurationIdentitySplit,
      { id: singhId, version: singhBefore.version, participationIds: [], newPerson: { ...newPerson, evidence: cite(newPerson.evidence.excerpt) } },
      'BAD_USER_INPUT',
    );
    expect(error.message).toBe('participationIds: name at least one participation to move');
  });

  it('refuses a stale version', async () => {
    const error = await refused(
      CurationIdentitySplit,
      { id: singhId, version: singhBefore.version - 1, participationIds: [facilitatorId], newPerson: { ...newPerson, evidence: cite(newPerson.evidence.excerpt) } },
      'CONFLICT',
    );
    expect(error.message).toBe(`Person ${rowId(singhId)} is at version ${singhBefore.version}, not ${singhBefore.version - 1}: someone changed it since you read it`);
  });

  it('refuses new-person evidence that is not verbatim, creating nobody', async () => {
    const error = await refused(
      CurationIdentitySplit,
      { id: singhId, version: singhBefore.version, participationIds: [facilitatorId], newPerson: { ...newPerson, evidence: cite('Mr M Singh, Chief Director, Health') } },
      'BAD_USER_INPUT',
    );
    expect(error.message).toBe(`evidence.excerpt: the words do not occur verbatim in the source "${STATEMENT_TITLE}"`);
    expect((await read(CurationIdentityPeopleNamed, { name: 'Singh' })).people.totalCount).toBe(1);
  });

  it('moves the named participations and the positions they state to a new person', async () => {
    const { splitPerson } = await write(CurationIdentitySplit, {
      id: singhId,
      version: singhBefore.version,
      participationIds: [facilitatorId],
      newPerson: { ...newPerson, evidence: cite(newPerson.evidence.excerpt) },
    });
    expect(splitPerson).toMatchObject({ version: 1, displayName: 'Mr M Singh', aliases: ['Mr M Singh'] });
    const otherId = splitPerson.id;
    expect(otherId).not.toBe(singhId);

    const other = await person(otherId);
    expect(other.participations.nodes.map((p) => [p.id, p.role, p.session?.title, p.position?.title])).toEqual([
      [facilitatorId, 'FACILITATOR', 'Skills for shared growth', 'Chief Director: Human Resource Development'],
    ]);
    expect(other.positions.map((p) => [p.id, p.title, p.organisation?.name])).toEqual([
      [chiefDirectorId, 'Chief Director: Human Resource Development', 'Department of Health'],
    ]);
    expect(other.citations).toEqual([
      { excerpt: 'Mr M Singh, Chief Director: Human Resource Development, Department of Health,', source: { key: 'sms-2006-media-statement' } },
    ]);

    const singh = await person(singhId);
    expect(singh.version).toBe(singhBefore.version + 1);
    expect(singh.displayName).toBe('Dr M Singh');
    expect(singh.aliases).toEqual(['Dr M Singh']);
    expect(singh.participations.nodes.map((p) => [p.id, p.role, p.day?.conference.year, p.day?.number])).toEqual([[dayChairId, 'CHAIRPERSON', 2007, 2]]);
    expect(singh.positions.map((p) => [p.title, p.organisation?.name])).toEqual([['Deputy Commissioner', 'South African Police Service']]);
    expect(sorted((await read(CurationIdentityPeopleNamed, { name: 'Singh' })).people.nodes.map((p) => p.displayName))).toEqual(['Dr M Singh', 'Mr M Singh']);
    expect((await read(CurationIdentitySession, { id: commission2006Id })).node).toEqual({
      participants: [{ role: 'FACILITATOR', person: { id: otherId, displayName: 'Mr M Singh' } }],
    });
  });

  it('writes SPLIT history for both people', async () => {
    const others = (await read(CurationIdentityPeopleNamed, { name: 'Mr M Singh' })).people.nodes;
    const otherId = others.find((p) => p.displayName === 'Mr M Singh')!.id;
    const [original] = await history(singhId);
    expect(original).toMatchObject({ actor: CURATOR, action: 'SPLIT', recordType: 'Person', recordId: singhId, note: `split off Person ${rowId(otherId)}` });
    expect(original!.changedFields).toEqual(['aliases', 'version']);
    expect(original!.before).toMatchObject({ aliases: ['Dr M Singh', 'Mr M Singh'] });
    expect(original!.after).toMatchObject({ aliases: ['Dr M Singh'] });

    const changes = await history(otherId);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ actor: CURATOR, action: 'SPLIT', recordType: 'Person', recordId: otherId, before: null });
    expect(changes[0]!.note).toBe(
      `split from Person ${rowId(singhId)}: cited: ${STATEMENT_TITLE}: "Mr M Singh, Chief Director: Human Resource Development, Department of Health,"`,
    );
    expect(changes[0]!.after).toMatchObject({ displayName: 'Mr M Singh', honorific: 'Mr', initials: 'M', surname: 'Singh', aliases: ['Mr M Singh'] });
  });

  it('leaves a position with the original person when a participation that stays still states it', async () => {
    // Dr M Singh chaired day 2 of 2006 too, as Deputy Commissioner, and a curator filed a 2006 panel under him by mistake.
    const singh = await person(singhId);
    const deputyCommissionerId = singh.positions[0]!.id;
    const chair2006 = (
      await write(CurationIdentityCreateParticipation, {
        input: { personId: singhId, role: 'CHAIRPERSON', dayId: day2Of2006Id, positionId: deputyCommissionerId, evidence: { editorialNote: 'Chaired the second day, per the delegate pack' } },
      })
    ).createParticipation.id;
    const misfiled = (
      await write(CurationIdentityCreateParticipation, {
        input: { personId: singhId, role: 'PANELLIST', sessionId: keynote2006Id, positionId: deputyCommissionerId, evidence: { editorialNote: 'Misfiled: a different M Singh sat on this panel' } },
      })
    ).createParticipation.id;
    const current = await person(singhId);
    const { splitPerson } = await write(CurationIdentitySplit, {
      id: singhId,
      version: current.version,
      participationIds: [misfiled],
      newPerson: { honorific: 'Ms', initials: 'M', surname: 'Singh', evidence: { editorialNote: 'A panellist who is not the SAPS Deputy Commissioner' } },
    });
    const moved = await person(splitPerson.id);
    expect(moved.participations.nodes.map((p) => p.id)).toEqual([misfiled]);
    expect(moved.positions).toEqual([]);
    const kept = await person(singhId);
    expect(kept.positions.map((p) => p.id)).toEqual([deputyCommissionerId]);
    expect(sorted(kept.participations.nodes.map((p) => p.id))).toEqual(sorted([dayChairId, chair2006]));
  });
});
