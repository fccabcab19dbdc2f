import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { conferencesCsv } from '../src/export/conferences-csv.js';
import { ParticipationRole, SessionKind } from '../src/entities/enums.js';
import { Conference, ConferenceDay, Participation, Person, Session } from '../src/entities/index.js';
import { prepareExport } from '../src/export/catalogue.js';
import { ExportInputError, ExportNotFoundError } from '../src/export/errors.js';
import { sessionsCsv } from '../src/export/sessions-csv.js';
import { readThroughFloor } from '../src/export/read-floor.js';
import { topicTimelineCsv } from '../src/export/timeline-csv.js';
import { startTestApp, type TestApp } from './support/app.js';
import { throughResolvers } from './support/read-paths.js';

/**
 * The exports read through the read floor, as the API does: a file and an
 * API answer come from the same compiled statement and cannot disagree, and
 * a query the read floor does not compile is refused rather than read some
 * other way.
 */

let app: TestApp;
const em = () => app.lekgotla.database.orm.em.fork();
const records = (text: string) => parse(text, { bom: true, columns: true }) as Array<Record<string, string>>;

async function api<T>(query: string): Promise<T> {
  const response = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return ((await response.json()) as { data: T }).data;
}

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('exports through the read floor', () => {
  it('answers an export query as the API answers it', async () => {
    const query = '{ conference(seriesSlug: "sms", year: 2007) { title days { number subTheme } topics { slug } } }';
    expect(await readThroughFloor(em(), query)).toEqual(await api(query));
  });

  it('refuses a query the read floor does not compile, naming why', async () => {
    await expect(readThroughFloor(em(), '{ search(query: "leadership") { totalCount } }')).rejects.toThrow(
      "the read floor does not compile an export's query (a search whose plan was not read)",
    );
  });

  it("gives conferences.csv the API's editions, each with the API's topics", async () => {
    const rows = records(await conferencesCsv(em()));
    const { conferences } = await api<{ conferences: { nodes: Array<{ id: string; year: number; topics: Array<{ name: string }> }> } }>(
      '{ conferences(first: 100) { nodes { id year topics { name } } } }',
    );
    expect(rows.map((row) => row.year)).toEqual(['2001', '2002', '2003', '2004', '2005', '2006', '2007']);
    for (const row of rows) {
      const conference = conferences.nodes.find((node) => node.id === row.conference_id)!;
      expect(row.topics).toBe(conference.topics.length === 0 && row.topics_known === 'false' ? 'unknown' : conference.topics.map((topic) => topic.name).join('; '));
    }
  });

  it("gives topic-timeline.csv the API's topicTimeline rows", async () => {
    const rows = records(await topicTimelineCsv(em(), { topicSlugs: ['leadership-development'], seriesSlug: 'sms', fromYear: 2006, toYear: 2007 }));
    expect(rows).toEqual([
      { topic_slug: 'leadership-development', topic_name: 'Leadership development', year: '2006', session_count: '', conference_count: '', known: 'false', documentation: 'REFERENCED' },
      { topic_slug: 'leadership-development', topic_name: 'Leadership development', year: '2007', session_count: '5', conference_count: '1', known: 'true', documentation: 'DOCUMENTED' },
    ]);
  });

  it("gives sessions.csv each session's programme place as the API's Session.ordinal, read on both paths alike", async () => {
    const query = '{ sessions(first: 100, filter: { kind: COMMISSION }) { nodes { id ordinal number } } }';
    const compiled = await api<{ sessions: { nodes: Array<{ id: string; ordinal: number; number: number }> } }>(query);
    const resolved = await api<{ __type: unknown; sessions: unknown }>(throughResolvers(query));
    expect(resolved.sessions).toEqual(compiled.sessions);
    expect(compiled.sessions.nodes.find((node) => node.number === 1)?.ordinal).toBe(2);
    const rows = records(await sessionsCsv(em(), { kind: SessionKind.COMMISSION }));
    for (const row of rows) {
      expect(Number(row.session_ordinal)).toBe(compiled.sessions.nodes.find((node) => node.id === row.session_id)!.ordinal);
    }
  });

  it.each(['conference.jsonld', 'conference.ics'] as const)('renders %s of the 2007 edition from one SQL statement', async (name) => {
    const { statements } = app.lekgotla.database;
    const { result, tally } = statements.track(() => prepareExport(name, { series: 'sms', year: '2007' })(em()));
    const file = await result;
    expect(file.filename).toBe(name === 'conference.ics' ? 'sms-2007.ics' : 'sms-2007.jsonld');
    expect(file.body).toContain('Ms C Clark');
    expect(tally.statements).toBe(1);
  });

  it('refuses the JSON-LD of an edition that does not exist after that one statement', async () => {
    const { result, tally } = app.lekgotla.database.statements.track(() => prepareExport('conference.jsonld', { series: 'sms', year: '1999' })(em()));
    await expect(result).rejects.toThrow(new ExportNotFoundError('no conference of the series "sms" in 1999'));
    expect(tally.statements).toBe(1);
  });

  it("puts in the JSON-LD the day chairs the API's ConferenceDay.participants gives, with their ids", async () => {
    const { conference } = await api<{ conference: { days: Array<{ participants: Array<{ id: string; person: { id: string } }> }> } }>(
      '{ conference(seriesSlug: "sms", year: 2007) { days { participants { id person { id } } } } }',
    );
    const event = JSON.parse((await prepareExport('conference.jsonld', { series: 'sms', year: '2007' })(em())).body) as {
      performer: Array<{ identifier: string; performer: { identifier: string } }>;
    };
    expect(event.performer.map((role) => [role.identifier, role.performer.identifier])).toEqual(
      conference.days.flatMap((day) => day.participants.map((participant) => [participant.id, participant.person.id])),
    );
  });

  it('refuses sessions.csv for a topic slug no topic has, as the API does', async () => {
    const refused = sessionsCsv(em(), { topicSlug: 'no-such-topic' });
    await expect(refused).rejects.toBeInstanceOf(ExportInputError);
    await expect(refused).rejects.toThrow('topicSlug: no topic has the slug "no-such-topic"');
  });
});

type DayParticipants = {
  conference: {
    days: Array<{
      number: number;
      chair: { person: { displayName: string } } | null;
      participants: Array<{ role: string; person: { displayName: string }; position: { title: string; organisation: { acronym: string } | null } | null }>;
      panellists: unknown[];
    }>;
  };
};

const DAY_PARTICIPANTS = `{
  conference(seriesSlug: "sms", year: 2007) {
    days {
      number
      chair { person { displayName } }
      participants { role person { displayName } position { title organisation { acronym } } }
      panellists: participants(role: PANELLIST) { id }
    }
  }
}`;

describe('ConferenceDay.participants', () => {
  it("gives each 2007 day its chairperson, with the position the programme gave them, on both read paths alike", async () => {
    const compiled = await api<DayParticipants>(DAY_PARTICIPANTS);
    const resolved = await api<DayParticipants & { __type: unknown }>(throughResolvers(DAY_PARTICIPANTS));
    expect(resolved.conference).toEqual(compiled.conference);
    expect(compiled.conference.days).toEqual([
      {
        number: 1,
        chair: { person: { displayName: 'Ms C Clark' } },
        participants: [{ role: 'CHAIRPERSON', person: { displayName: 'Ms C Clark' }, position: { title: 'Deputy Director-General', organisation: { acronym: 'DPSA' } } }],
        panellists: [],
      },
      {
        number: 2,
        chair: { person: { displayName: 'Dr M Singh' } },
        participants: [{ role: 'CHAIRPERSON', person: { displayName: 'Dr M Singh' }, position: { title: 'Deputy Commissioner', organisation: { acronym: 'SAPS' } } }],
        panellists: [],
      },
    ]);
  });
});

describe('a programme of its own database', () => {
  let own: TestApp;
  const ownEm = () => own.lekgotla.database.orm.em.fork();
  const ownApi = async <T>(query: string): Promise<T> => {
    const response = await fetch(`${own.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    return ((await response.json()) as { data: T }).data;
  };

  beforeAll(async () => {
    own = await startTestApp();
    const em = ownEm();
    const conference = await em.findOneOrFail(Conference, { year: 2007 });
    const dayOne = await em.findOneOrFail(ConferenceDay, { conference, number: 1 });
    // A co-chair listed after Ms C Clark, and a long programme: 120 plenaries after the 11 sessions of the seed.
    em.create(Participation, { person: await em.findOneOrFail(Person, { key: 'nwaila-c' }), role: ParticipationRole.CHAIRPERSON, day: dayOne, ordinal: 1 });
    for (let index = 0; index < 120; index += 1) {
      em.create(Session, { conference, day: dayOne, ref: `long-${index}`, ordinal: 100 + index, kind: SessionKind.PLENARY, title: `Plenary ${index + 1}` });
    }
    await em.flush();
  });
  afterAll(() => own?.close());

  it('lists both chairpersons of a day in programme order on both read paths, where chair gives the first', async () => {
    const query = '{ conference(seriesSlug: "sms", year: 2007) { days { number chair { person { displayName } } participants { person { displayName } } } } }';
    const compiled = await ownApi<{ conference: unknown }>(query);
    const resolved = await ownApi<{ conference: unknown }>(throughResolvers(query));
    expect(resolved.conference).toEqual(compiled.conference);
    expect(compiled.conference).toEqual({
      days: [
        { number: 1, chair: { person: { displayName: 'Ms C Clark' } }, participants: [{ person: { displayName: 'Ms C Clark' } }, { person: { displayName: 'Dr C Nwaila' } }] },
        { number: 2, chair: { person: { displayName: 'Dr M Singh' } }, participants: [{ person: { displayName: 'Dr M Singh' } }] },
      ],
    });
  });

  it('reads a programme of more than a hundred sessions page after page, one statement per hundred, every session in order', async () => {
    const { result, tally } = own.lekgotla.database.statements.track(() => prepareExport('conference.jsonld', { series: 'sms', year: '2007' })(ownEm()));
    const event = JSON.parse((await result).body) as { subEvent: Array<{ name: string }>; performer: Array<{ performer: { name: string } }> };
    expect(tally.statements).toBe(2);
    const names = event.subEvent.map((session) => session.name);
    expect(names).toHaveLength(4 + 120);
    expect(names.slice(0, 5)).toEqual([
      'Responding to Leadership Development in the Public Service in consideration of the Global challenges',
      'Breakaway Commissions',
      'Gala Dinner',
      'The leadership pipeline in the Public Service: Implications for Public Service Managers',
      'Plenary 1',
    ]);
    expect(names.at(-1)).toBe('Plenary 120');
    expect(event.performer.map((role) => role.performer.name)).toEqual(['Ms C Clark', 'Dr C Nwaila', 'Dr M Singh']);
  });
});
