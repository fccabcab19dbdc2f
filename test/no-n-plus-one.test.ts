import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Conference,
  ConferenceDay,
  ConferenceSeries,
  Organisation,
  Participation,
  Person,
  Position,
  Session,
} from '../src/entities/index.js';
import { DocumentationStatus, OrganisationKind, ParticipationRole, SessionKind } from '../src/entities/enums.js';
import { graphql } from './generated/index.js';
import { startTestApp, type TestApp } from './support/app.js';

const ProgrammesOfASeries = graphql(`
  query ProgrammesOfASeries($series: String!, $first: Int!) {
    conferences(filter: { seriesSlug: $series }, first: $first) {
      totalCount
      nodes {
        year
        days { number chair { person { surname } } }
        sessions(first: 10) {
          totalCount
          nodes {
            title
            topics { slug }
            participants {
              role
              person { displayName positions { title } }
              position { title organisation { name parent { name } } }
            }
          }
        }
      }
    }
  }
`);

const CONFERENCES = 50;
const SESSIONS_PER_CONFERENCE = 4;
const PARTICIPANTS_PER_SESSION = 3;

/** A series of 50 editions, each with a day, sessions and participants in positions at organisations. */
async function buildLargeSeries(app: TestApp) {
  const em = app.lekgotla.database.orm.em.fork();
  const parent = em.create(Organisation, { key: 'n1-parent', name: 'Parent Department', kind: OrganisationKind.NATIONAL_DEPARTMENT });
  const organisations = Array.from({ length: 5 }, (_, index) =>
    em.create(Organisation, { key: `n1-unit-${index}`, name: `Unit ${index}`, kind: OrganisationKind.ORGANISATIONAL_UNIT, parent }),
  );
  const series = em.create(ConferenceSeries, { slug: 'n1', name: 'Batching Series' });
  let personNumber = 0;
  for (let edition = 0; edition < CONFERENCES; edition += 1) {
    const conference = em.create(Conference, {
      series,
      year: 1950 + edition,
      title: `Edition ${edition}`,
      documentation: DocumentationStatus.DOCUMENTED,
    });
    const day = em.create(ConferenceDay, { conference, number: 1 });
    for (let index = 0; index < SESSIONS_PER_CONFERENCE; index += 1) {
      const session = em.create(Session, {
        conference,
        day,
        ref: `session-${index}`,
        ordinal: index,
        kind: SessionKind.PLENARY,
        title: `Session ${edition}.${index}`,
      });
      for (let seat = 0; seat < PARTICIPANTS_PER_SESSION; seat += 1) {
        personNumber += 1;
        const person = em.create(Person, { key: `n1-person-${personNumber}`, displayName: `Person ${personNumber}`, surname: `Surname${personNumber}` });
        const position = em.create(Position, { person, title: 'Director', organisation: organisations[personNumber % organisations.length] });
        em.create(Participation, { person, role: ParticipationRole.SPEAKER, session, position, ordinal: seat });
        if (index === 0 && seat === 0) em.create(Participation, { person, role: ParticipationRole.CHAIRPERSON, day, ordinal: 0 });
      }
    }
  }
  await em.flush();
}

describe('a nested query over many conferences', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ environment: { REPORT_SQL_STATEMENTS: 'true' } });
    await buildLargeSeries(app);
  });
  afterAll(() => app.close());

  async function statementsFor(first: number) {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: (await import('graphql')).print(ProgrammesOfASeries), variables: { series: 'n1', first } }),
    });
    const body = (await response.json()) as {
      data: { conferences: { nodes: Array<{ sessions: { nodes: Array<{ participants: unknown[] }> } }> } };
      extensions: { sqlStatements: number };
    };
    return { data: body.data, statements: body.extensions.sqlStatements };
  }

  it('issues as many SQL statements for 50 conferences as for 1', async () => {
    const one = await statementsFor(1);
    const fifty = await statementsFor(50);
    expect(one.data.conferences.nodes).toHaveLength(1);
    expect(fifty.data.conferences.nodes).toHaveLength(CONFERENCES);
    const participants = fifty.data.conferences.nodes.flatMap((conference) => conference.sessions.nodes.flatMap((session) => session.participants));
    expect(participants).toHaveLength(CONFERENCES * SESSIONS_PER_CONFERENCE * PARTICIPANTS_PER_SESSION);
    expect(fifty.statements).toBe(one.statements);
    // The read floor compiles the whole query, counts included, into one statement.
    expect(one.statements).toBe(1);
  });

  it('answers a page of conferences in one statement, with or without its totalCount', async () => {
    const post = async (query: string) => {
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      return (await response.json()) as { data: { conferences: { totalCount?: number; nodes: Array<{ year: number }> } }; extensions: { sqlStatements: number } };
    };
    const counted = await post('{ conferences(filter: { seriesSlug: "n1" }, first: 3) { totalCount nodes { year } } }');
    const uncounted = await post('{ conferences(filter: { seriesSlug: "n1" }, first: 3) { pageInfo { hasNextPage } nodes { year } } }');
    expect(counted.data.conferences.totalCount).toBe(CONFERENCES);
    expect(uncounted.data.conferences.nodes.map((conference) => conference.year)).toEqual([1999, 1998, 1997]);
    expect(counted.extensions.sqlStatements).toBe(1);
    expect(uncounted.extensions.sqlStatements).toBe(1);
  });

  it('answers the nested query with the right people in the right places', async () => {
    const { data } = await app.graphql(ProgrammesOfASeries, { series: 'n1', first: 2 });
    const newest = data!.conferences.nodes[0]!;
    expect(data!.conferences.totalCount).toBe(CONFERENCES);
    expect(newest.year).toBe(1999);
    expect(newest.days).toEqual([{ number: 1, chair: { person: { surname: 'Surname589' } } }]);
    expect(newest.sessions.totalCount).toBe(SESSIONS_PER_CONFERENCE);
    expect(newest.sessions.nodes[0]!.title).toBe('Session 49.0');
    expect(newest.sessions.nodes[0]!.participants[0]).toEqual({
      role: 'SPEAKER',
      person: { displayName: 'Person 589', positions: [{ title: 'Director' }] },
      position: { title: 'Director', organisation: { name: 'Unit 4', parent: { name: 'Parent Department' } } },
    });
  });
});
