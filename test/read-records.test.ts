import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Participation, Person } from '../src/entities/index.js';
import { createLoaders } from '../src/loaders/loaders.js';
import { paginateArray } from '../src/resolvers/connection.js';
import { parseGlobalId } from '../src/schema/global-id.js';
import { startTestApp, type TestApp } from './support/app.js';
import { throughResolvers } from './support/read-paths.js';

/**
 * The read path's records are what their types say: plain objects holding
 * an entity's columns, a reference as nothing but its id, and the name of
 * the entity they were read from, by which Node and SearchResult still
 * answer with each record's own type. And every list the paging helpers
 * build knows the ids of its whole list, for its facets.
 */

type Answer = { data?: Record<string, unknown> | null; errors?: unknown[] };

const LEVIN = `{
  people(filter: { name: "Prof R M Levin" }) {
    nodes { id participations(first: 1) { nodes { id role session { id } } } }
  }
}`;

const ONE_OF_EACH = `{
  conference(seriesSlug: "sms", year: 2007) {
    id
    series { id }
    days { id }
    sessions(first: 1) { nodes { id participants { id person { id } position { id organisation { id } } } } }
    topics { id }
    sources { id }
    annexes { id }
  }
}`;

describe('records of the read path', () => {
  let app: TestApp;
  const post = async (query: string): Promise<Answer> => (await app.post({ query })).body as Answer;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it("holds Prof Levin's first participation, on a panel, as its columns and his person as an id, not as a Participation", async () => {
    const { data } = await post(LEVIN);
    const levin = (data!.people as { nodes: Array<{ id: string; participations: { nodes: Array<{ id: string; role: string; session: { id: string } }> } }> }).nodes[0]!;
    const participation = levin.participations.nodes[0]!;
    const loaders = createLoaders(app.lekgotla.database.orm.em.fork());

    const record = (await loaders.participation.load(parseGlobalId(participation.id, 'id').id))!;

    expect(record).not.toBeInstanceOf(Participation);
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.keys(record)).toEqual(['entity', 'id', 'version', 'person', 'role', 'session', 'day', 'position', 'ordinal']);
    expect(record.entity).toBe('Participation');
    expect(record.role).toBe('PANELLIST');
    expect(record.person).toEqual({ id: parseGlobalId(levin.id, 'id').id });
    expect(record.session).toEqual({ id: parseGlobalId(participation.session.id, 'id').id });
  });

  it('leaves out of a person their collections and the columns only search reads', async () => {
    const { data } = await post(LEVIN);
    const levinId = parseGlobalId((data!.people as { nodes: Array<{ id: string }> }).nodes[0]!.id, 'id').id;
    const loaders = createLoaders(app.lekgotla.database.orm.em.fork());

    const record = (await loaders.person.load(levinId))!;

    expect(record).not.toBeInstanceOf(Person);
    expect(record.displayName).toBe('Prof R M Levin');
    expect(Object.keys(record)).toEqual(['entity', 'id', 'version', 'key', 'displayName', 'honorific', 'initials', 'givenNames', 'surname', 'aliases']);
  });

  it('answers node, nodes and search through the resolvers with each record as its own type', async () => {
    const { data } = await post(ONE_OF_EACH);
    type Edition = {
      id: string;
      series: { id: string };
      days: Array<{ id: string }>;
      sessions: { nodes: Array<{ id: string; participants: Array<{ id: string; person: { id: string }; position: { id: string; organisation: { id: string } } }> }> };
      topics: Array<{ id: string }>;
      sources: Array<{ id: string }>;
      annexes: Array<{ id: string }>;
    };
    const edition = data!.conference as Edition;
    const session = edition.sessions.nodes[0]!;
    const participant = session.participants[0]!;
    const ids = [
      edition.id,
      edition.series.id,
      edition.days[0]!.id,
      session.id,
      participant.id,
      participant.person.id,
      participant.position.id,
      participant.position.organisation.id,
      edition.topics[0]!.id,
      edition.sources[0]!.id,
      edition.annexes[0]!.id,
    ];

    const answer = await post(
      throughResolvers(`{
        nodes(ids: ${JSON.stringify(ids)}) { __typename id }
        node(id: "${participant.id}") { __typename ... on Participation { role } }
        search(query: "Levin", types: [PERSON, POSITION]) { nodes { node { __typename ... on Person { displayName } } } }
      }`),
    );

    expect(answer.errors).toBeUndefined();
    expect(answer.data!.nodes).toEqual([
      { __typename: 'Conference', id: ids[0] },
      { __typename: 'ConferenceSeries', id: ids[1] },
      { __typename: 'ConferenceDay', id: ids[2] },
      { __typename: 'Session', id: ids[3] },
      { __typename: 'Participation', id: ids[4] },
      { __typename: 'Person', id: ids[5] },
      { __typename: 'Position', id: ids[6] },
      { __typename: 'Organisation', id: ids[7] },
      { __typename: 'Topic', id: ids[8] },
      { __typename: 'Source', id: ids[9] },
      { __typename: 'Annex', id: ids[10] },
    ]);
    expect(answer.data!.node).toEqual({ __typename: 'Participation', role: 'FACILITATOR' });
    const hits = (answer.data!.search as { nodes: Array<{ node: { __typename: string; displayName?: string } }> }).nodes.map(({ node }) => node);
    expect(hits[0]).toEqual({ __typename: 'Person', displayName: 'Prof R M Levin' });
  });
});

describe('the paging helpers', () => {
  it('give a page of a list in memory the ids of the whole list, for its facets', async () => {
    const records = [{ id: 12 }, { id: 7 }, { id: 30 }, { id: 4 }];

    const connection = paginateArray({ first: 2 }, records);

    expect(connection.nodes).toEqual([{ id: 12 }, { id: 7 }]);
    expect(await connection.facetIds!()).toEqual([12, 7, 30, 4]);
  });
});
