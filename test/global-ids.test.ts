import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { loadCorpus } from '../src/ingest/load-corpus.js';
import { startLekgotla, type RunningLekgotla } from '../src/lekgotla.js';
import { createLogger } from '../src/logger.js';
import type { GlobalIdsEverythingQuery, GlobalIdsOfRecordsQuery } from './generated/graphql.js';
import { graphql } from './generated/index.js';
import { createTestDatabase } from './support/databases.js';
import { startTestApp, type GraphQLResponse, type TestApp } from './support/app.js';

/**
 * Global ids: one opaque id per record that names its type, resolvable by
 * node/nodes, refused when malformed, and stable across a restart and a
 * reload of the corpus.
 */

const GlobalIdsOfRecords = graphql(`
  query GlobalIdsOfRecords {
    conference(seriesSlug: "sms", year: 2007) {
      id
      title
      sessions(first: 100) {
        nodes {
          id
          ref
        }
      }
    }
    conferenceSeries {
      id
      slug
    }
    people(filter: { name: "Prof R M Levin" }) {
      nodes {
        id
        displayName
      }
    }
    organisations(filter: { name: "Department of Public Service and Administration" }) {
      nodes {
        id
        name
      }
    }
    topic(slug: "single-public-service") {
      id
      name
    }
    sources {
      nodes {
        id
        key
      }
    }
  }
`);

const GlobalIdsNode = graphql(`
  query GlobalIdsNode($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Conference {
        year
        title
      }
      ... on ConferenceSeries {
        slug
        name
      }
      ... on Session {
        ref
        title
      }
      ... on Person {
        displayName
      }
      ... on Organisation {
        name
      }
      ... on Topic {
        slug
        name
      }
      ... on Source {
        key
        title
      }
    }
  }
`);

const GlobalIdsNodes = graphql(`
  query GlobalIdsNodes($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      id
      ... on Conference {
        year
      }
      ... on Person {
        displayName
      }
      ... on Topic {
        slug
      }
      ... on Session {
        ref
      }
    }
  }
`);

const GlobalIdsEverything = graphql(`
  query GlobalIdsEverything {
    conferences(first: 10) {
      nodes {
        id
        year
      }
    }
    sessions(first: 20) {
      nodes {
        id
        ref
        conference {
          year
        }
      }
    }
    people(first: 30) {
      nodes {
        id
        displayName
      }
    }
    topics(first: 30) {
      nodes {
        id
        slug
      }
    }
    organisations(first: 30) {
      nodes {
        id
        name
      }
    }
    sources {
      nodes {
        id
        key
      }
    }
  }
`);

const GlobalIdsPeopleOfOrganisation = graphql(`
  query GlobalIdsPeopleOfOrganisation($organisationId: ID!) {
    people(filter: { organisationId: $organisationId }) {
      nodes {
        displayName
      }
    }
  }
`);

const GlobalIdsCompare = graphql(`
  query GlobalIdsCompare($leftId: ID!, $rightId: ID!) {
    compareConferences(leftId: $leftId, rightId: $rightId) {
      similarity
    }
  }
`);

const NODE_TYPES = ['Conference', 'ConferenceSeries', 'ConferenceDay', 'Session', 'Participation', 'Person', 'Position', 'Organisation', 'Topic', 'Source', 'Annex'];

/** Only for ids of records that do not exist or are deliberately malformed: real ids come from answers. */
const encode = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const decode = (id: string) => Buffer.from(id, 'base64').toString('utf8');

function dataOf<T>(response: GraphQLResponse<T>): T {
  expect(response.errors).toBeUndefined();
  return response.data!;
}

function errorCodes(response: GraphQLResponse<unknown>) {
  return response.errors?.map((error) => error.extensions?.code);
}

/** Every id the everything-query returns, keyed by what the record is. */
function idsByRecord(data: GlobalIdsEverythingQuery) {
  const ids: Record<string, string> = {};
  for (const conference of data.conferences.nodes) ids[`conference ${conference.year}`] = conference.id;
  for (const session of data.sessions.nodes) ids[`session ${session.conference.year}/${session.ref}`] = session.id;
  for (const person of data.people.nodes) ids[`person ${person.displayName}`] = person.id;
  for (const topic of data.topics.nodes) ids[`topic ${topic.slug}`] = topic.id;
  for (const organisation of data.organisations.nodes) ids[`organisation ${organisation.name}`] = organisation.id;
  for (const source of data.sources.nodes) ids[`source ${source.key}`] = source.id;
  return ids;
}

describe('node and nodes', () => {
  let app: TestApp;
  let records: GlobalIdsOfRecordsQuery;
  beforeAll(async () => {
    app = await startTestApp();
    records = dataOf(await app.graphql(GlobalIdsOfRecords));
  });
  afterAll(() => app?.close());

  const commission2 = () => records.conference!.sessions.nodes.find((session) => session.ref === 'day-1-commission-2')!;
  const eventPage = () => records.sources.nodes.find((source) => source.key === 'sms-2007-event-page')!;

  it('resolves a record of every kind to itself, with its type', async () => {
    const node = async (id: string) => dataOf(await app.graphql(GlobalIdsNode, { id })).node;

    expect(await node(records.conference!.id)).toEqual({
      __typename: 'Conference',
      id: records.conference!.id,
      year: 2007,
      title: 'Senior Management Service Conference 2007',
    });
    expect(await node(records.conferenceSeries[0]!.id)).toEqual({
      __typename: 'ConferenceSeries',
      id: records.conferenceSeries[0]!.id,
      slug: 'sms',
      name: 'Senior Management Service Conference',
    });
    expect(await node(commission2().id)).toEqual({
      __typename: 'Session',
      id: commission2().id,
      ref: 'day-1-commission-2',
      title: 'Leadership Challenges in the Single Public Service',
    });
    expect(await node(records.people.nodes[0]!.id)).toEqual({
      __typename: 'Person',
      id: records.people.nodes[0]!.id,
      displayName: 'Prof R M Levin',
    });
    expect(await node(records.organisations.nodes[0]!.id)).toEqual({
      __typename: 'Organisation',
      id: records.organisations.nodes[0]!.id,
      name: 'Department of Public Service and Administration',
    });
    expect(await node(records.topic!.id)).toEqual({
      __typename: 'Topic',
      id: records.topic!.id,
      slug: 'single-public-service',
      name: 'Single Public Service',
    });
    expect(await node(eventPage().id)).toEqual({
      __typename: 'Source',
      id: eventPage().id,
      key: 'sms-2007-event-page',
      title: 'Senior management service conference 2007',
    });
  });

  it('gives ids as base64 of "Type:id", distinct across all records', async () => {
    expect(decode(records.conference!.id)).toMatch(/^Conference:[1-9][0-9]*$/);
    expect(decode(records.conferenceSeries[0]!.id)).toMatch(/^ConferenceSeries:[1-9][0-9]*$/);
    expect(decode(commission2().id)).toMatch(/^Session:[1-9][0-9]*$/);
    expect(decode(records.people.nodes[0]!.id)).toMatch(/^Person:[1-9][0-9]*$/);
    expect(decode(records.organisations.nodes[0]!.id)).toMatch(/^Organisation:[1-9][0-9]*$/);
    expect(decode(records.topic!.id)).toMatch(/^Topic:[1-9][0-9]*$/);
    expect(decode(eventPage().id)).toMatch(/^Source:[1-9][0-9]*$/);

    const all = Object.values(idsByRecord(dataOf(await app.graphql(GlobalIdsEverything))));
    // 7 conferences, 8 sessions, 19 people, 23 topics, 18 organisations, 3 sources.
    expect(all.length).toBe(78);
    expect(new Set(all).size).toBe(78);
  });

  it('returns nodes in the order asked, with null for a well-formed id of a missing record', async () => {
    const missingConference = encode('Conference:99999');
    const response = await app.graphql(GlobalIdsNodes, {
      ids: [records.topic!.id, missingConference, records.people.nodes[0]!.id, commission2().id, records.conference!.id],
    });
    expect(dataOf(response).nodes).toEqual([
      { __typename: 'Topic', id: records.topic!.id, slug: 'single-public-service' },
      null,
      { __typename: 'Person', id: records.people.nodes[0]!.id, displayName: 'Prof R M Levin' },
      { __typename: 'Session', id: commission2().id, ref: 'day-1-commission-2' },
      { __typename: 'Conference', id: records.conference!.id, year: 2007 },
    ]);
    expect(dataOf(await app.graphql(GlobalIdsNode, { id: missingConference })).node).toBeNull();
  });

  it('never resolves the id of one type as a record of another', async () => {
    const levin = records.people.nodes[0]!.id;
    const number = decode(levin).split(':')[1]!;
    // The same number under every other type is that type's record (or none), never Prof Levin.
    for (const type of NODE_TYPES.filter((name) => name !== 'Person')) {
      const node = dataOf(await app.graphql(GlobalIdsNode, { id: encode(`${type}:${number}`) })).node;
      if (node !== null && node !== undefined) expect(node.__typename).toBe(type);
      expect(node?.id).not.toBe(levin);
    }
    // An argument that wants an organisation refuses a person's id rather than reading its number.
    const asOrganisation = await app.graphql(GlobalIdsPeopleOfOrganisation, { organisationId: levin });
    expect(errorCodes(asOrganisation)).toEqual(['BAD_USER_INPUT']);
    const asConference = await app.graphql(GlobalIdsCompare, { leftId: records.conference!.id, rightId: records.topic!.id });
    expect(errorCodes(asConference)).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses malformed ids with BAD_USER_INPUT', async () => {
    for (const id of ['not-an-id', encode('Nope:1'), encode('Conference:abc'), encode('Conference:0'), encode('Conference:-1'), '']) {
      const response = await app.graphql(GlobalIdsNode, { id });
      expect(errorCodes(response), id).toEqual(['BAD_USER_INPUT']);
    }
    const inAList = await app.graphql(GlobalIdsNodes, { ids: [records.conference!.id, 'not-an-id'] });
    expect(errorCodes(inAList)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('ids after the corpus is loaded again', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  it('keeps every conference, session, person, topic, organisation and source id', async () => {
    const before = idsByRecord(dataOf(await app.graphql(GlobalIdsEverything)));
    expect(Object.keys(before).length).toBe(78);
    const report = await loadCorpus(app.lekgotla.database.orm, 'data');
    // The load went through every record and found each by its natural key.
    expect(report.Conference).toEqual({ created: 0, updated: 0, unchanged: 7 });
    expect(report.Person).toEqual({ created: 0, updated: 0, unchanged: 19 });
    expect(report.Topic).toEqual({ created: 0, updated: 0, unchanged: 23 });
    const after = idsByRecord(dataOf(await app.graphql(GlobalIdsEverything)));
    expect(after).toEqual(before);
    const conference = dataOf(await app.graphql(GlobalIdsNode, { id: before['conference 2007']! })).node;
    expect(conference).toMatchObject({ __typename: 'Conference', year: 2007 });
  });
});

describe('ids after the server restarts', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let running: RunningLekgotla | undefined;
  const config = () =>
    parseConfig({ DATABASE_URL: database.url, PORT: '0', LOG_LEVEL: 'silent', LOAD_SEED_ON_START: 'false' });
  async function ask<Result, Variables>(document: TypedDocumentNode<Result, Variables>, variables?: Variables) {
    const response = await fetch(`${running!.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: print(document), variables }),
    });
    return (await response.json()) as GraphQLResponse<Result>;
  }
  beforeAll(async () => {
    database = await createTestDatabase(inject('serverUrl'));
  });
  afterAll(async () => {
    await running?.close();
    await database?.drop();
  });

  it('answers with the same ids from a new server on the same database', async () => {
    running = await startLekgotla(config(), createLogger('silent'));
    const before = idsByRecord(dataOf(await ask(GlobalIdsEverything)));
    await running.close();
    running = undefined;

    running = await startLekgotla(config(), createLogger('silent'));
    const after = idsByRecord(dataOf(await ask(GlobalIdsEverything)));
    expect(after).toEqual(before);
    expect(Object.keys(after).length).toBe(78);
    const levin = dataOf(await ask(GlobalIdsNode, { id: before['person Prof R M Levin']! })).node;
    expect(levin).toEqual({ __typename: 'Person', id: before['person Prof R M Levin'], displayName: 'Prof R M Levin' });
  });
});
