import { parse } from 'csv-parse/sync';
import express from 'express';
import ICAL from 'ical.js';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../src/cli/command.js';
import { exportCommand } from '../src/cli/commands/export.js';
import { parseConfig } from '../src/config.js';
import { Conference, ConferenceDay, Organisation, Person, Session } from '../src/entities/index.js';
import { exportRouter } from '../src/export/routes.js';
import { createLogger } from '../src/logger.js';
import { globalIdOf } from '../src/schema/global-id.js';
import { startTestApp, type TestApp } from './support/app.js';

/**
 * The analysts' downloads over real HTTP, against the seeded 2007 SMS
 * conference. Every expected value was read from data/corpus/*.yaml; the
 * numeric database ids behind the global ids are looked up by natural key.
 */

let app: TestApp;
let server: http.Server;
let base: string;

const orm = () => app.lekgotla.database.orm;

async function get(pathAndQuery: string) {
  const response = await fetch(`${base}${pathAndQuery}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    bytes,
    text: bytes.toString('utf8'),
  };
}

const csvRecords = (text: string) => parse(text, { bom: true, columns: true }) as Array<Record<string, string>>;

/** The records' global ids, found by their natural keys so the test does not depend on insertion order. */
async function ids() {
  const em = orm().em.fork();
  const person = async (key: string) => globalIdOf('Person', (await em.findOneOrFail(Person, { key })).id);
  const session = async (ref: string) => globalIdOf('Session', (await em.findOneOrFail(Session, { ref, conference: { year: 2007 } })).id);
  return {
    ijeoma: await person('ijeoma-e'),
    nwaila: await person('nwaila-c'),
    commission1: await session('day-1-commission-1'),
    commission4: await session('day-1-commission-4'),
    dayOneRoundTable: await session('day-1-round-table'),
    upOrganisation: globalIdOf('Organisation', (await em.findOneOrFail(Organisation, { key: 'university-of-pretoria' })).id),
    freeState: globalIdOf('Organisation', (await em.findOneOrFail(Organisation, { key: 'free-state' })).id),
    sms2007: globalIdOf('Conference', (await em.findOneOrFail(Conference, { year: 2007 })).id),
  };
}

beforeAll(async () => {
  app = await startTestApp();
  server = express().use(exportRouter(orm())).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await app?.close();
});

const SESSIONS_HEADER =
  'conference_year,conference_title,day,session_ordinal,session_kind,session_number,session_title,parent_title,key_issues,role,person,honorific,initials,surname,position_title,acting,organisation,organisation_acronym,session_id,person_id';
const COMMISSION_1 =
  '2007,Senior Management Service Conference 2007,1,2,COMMISSION,1,Organisational Performance Management,Breakaway Commissions,What Is OPM and What It Is Not - (Elements of OPM & Best Case Study Locally and Around the World.); Key Steps to Improving Service Delivery Through OPM (Implementation Challenges and Role Clarification); Linking Organisational Performance With Service Delivery Impact';

describe('conferences.csv', () => {
  it('starts with a UTF-8 BOM and the header row, and names the file', async () => {
    const response = await get('/export/conferences.csv');
    expect(response.status).toBe(200);
    expect(response.type).toBe('text/csv; charset=utf-8; header=present');
    expect(response.disposition).toBe('attachment; filename=conferences.csv');
    expect([...response.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(response.text.split('\r\n')[0]).toBe(
      '\uFEFFseries,year,title,theme,start_date,end_date,venue,city,audience,expected_attendance,documentation,focus,background,topics,conference_id,topics_known',
    );
  });

  it('has one row per edition, a referenced one with its cells empty and its topics unknown, not none', async () => {
    const { text } = await get('/export/conferences.csv');
    const records = csvRecords(text);
    expect(records.map((record) => record.year)).toEqual(['2001', '2002', '2003', '2004', '2005', '2006', '2007']);
    const conference2003 = globalIdOf('Conference', (await orm().em.fork().findOneOrFail(Conference, { year: 2003 })).id);
    expect(text).toContain(`\r\nsms,2003,Senior Management Service Conference 2003,,,,,,,,REFERENCED,,,unknown,${conference2003},false\r\n`);
    // The 2002 edition is referenced too: its recorded focus gives one topic, which is not all of them.
    expect(records.map((record) => [record.year, record.topics, record.topics_known])).toEqual([
      ['2001', 'unknown', 'false'],
      ['2002', 'Professionalism and ethics', 'false'],
      ['2003', 'unknown', 'false'],
      ['2004', 'unknown', 'false'],
      ['2005', 'unknown', 'false'],
      ['2006', 'unknown', 'false'],
      ['2007', expect.stringMatching(/^Assessment and development centres; /), 'true'],
    ]);
  });

  it('quotes the fields with commas and line breaks, and keeps "±" as UTF-8', async () => {
    const { text, bytes } = await get('/export/conferences.csv');
    const { sms2007 } = await ids();
    expect(text).toContain(
      'sms,2007,Senior Management Service Conference 2007,Performance and leadership development management in the 21st Century: Best practice and implication for service delivery improvement,2007-09-12,2007-09-14,Cape Sun Hotel,Cape Town,Senior managers in the Public Service,400,DOCUMENTED,' +
        '"The 2007 SMS conference would focus on the Leadership Development Management Framework and Organisational Performance Management. Aspects such as best practice on performance, training and development, learning, coaching and mentoring will be discussed.",' +
        '"The Senior Management Service (SMS) conference is an annual event and has run since the introduction of the SMS framework in 2001. A total of ±400 senior managers',
    );
    // The background's paragraph breaks stay inside its quotes, as bare LF.
    expect(text).toContain('address the SMS members.\n\nSMS conferences have in the past');
    expect(bytes.includes(Buffer.from([0xc2, 0xb1, 0x34, 0x30, 0x30]))).toBe(true); // "±400"
    const record = csvRecords(text).find((row) => row.year === '2007')!;
    expect(record.background!.split('\n\n')).toHaveLength(3);
    expect(record.topics).toBe(
      'Assessment and development centres; Coaching and mentoring; Leadership development; Learning and development; Networking and peer learning; Organisational performance management; Performance management; Professionalism and ethics; Service delivery; Single Public Service; Women in leadership',
    );
    expect(record.conference_id).toBe(sms2007);
  });
});

describe('sessions.csv', () => {
  it('has the header, CRLF line ends and a row per participation', async () => {
    const response = await get('/export/sessions.csv');
    expect(response.status).toBe(200);
    expect(response.disposition).toBe('attachment; filename=sessions.csv');
    const lines = response.text.split('\r\n');
    expect(lines[0]).toBe(`\uFEFF${SESSIONS_HEADER}`);
    expect(lines.at(-1)).toBe('');
    expect(/[^\r]\n/.test(response.text)).toBe(false);
    // The header; 7 people on the day-1 round table; 2 in each of commissions 1-3; one row
    // without people each for the breakaway heading, Commission 4 and the gala dinner; 6 on the
    // day-2 round table; and the empty string after the last CRLF.
    expect(lines).toHaveLength(1 + 7 + 6 + 3 + 6 + 1);
  });

  it("gives Commission 1's presenter his position and organisation", async () => {
    const { text } = await get('/export/sessions.csv');
    const { commission1, ijeoma } = await ids();
    expect(text).toContain(
      `\r\n${COMMISSION_1},PRESENTER,Dr E Ijeoma,Dr,E,Ijeoma,Senior Lecturer,false,University of Pretoria,,${commission1},${ijeoma}\r\n`,
    );
  });

  it('lists the day-1 round table facilitator and panellists in programme order', async () => {
    const { text } = await get('/export/sessions.csv');
    const { dayOneRoundTable } = await ids();
    const rows = csvRecords(text).filter((row) => row.session_id === dayOneRoundTable);
    expect(rows.map((row) => [row.role, row.person, row.position_title, row.organisation])).toEqual([
      ['FACILITATOR', 'Dr C Nwaila', 'Director-General', 'Free State Provincial Government'],
      ['PANELLIST', 'Ms G J Fraser-Moleketi', '', ''],
      ['PANELLIST', 'Ms V Petersen', '', ''],
      ['PANELLIST', 'Prof R M Levin', '', ''],
      ['PANELLIST', 'Prof D Argyriades', '', ''],
      ['PANELLIST', 'Ms R Perez', '', ''],
      ['PANELLIST', 'Ms L Msengana-Ndlela', '', ''],
    ]);
    expect(rows[0]!.session_title).toBe('Responding to Leadership Development in the Public Service in consideration of the Global challenges');
  });

  it('keeps Commission 4, which lists nobody, as a row with empty participant cells', async () => {
    const { text } = await get('/export/sessions.csv');
    const { commission4 } = await ids();
    expect(text).toContain(
      `\r\n2007,Senior Management Service Conference 2007,1,5,COMMISSION,4,Commission 4,Breakaway Commissions,,,,,,,,,,,${commission4},\r\n`,
    );
  });

  it('filters by topic and role down to the one presenter row', async () => {
    const { status, text } = await get('/export/sessions.csv?topicSlug=organisational-performance-management&role=PRESENTER');
    const { commission1, ijeoma } = await ids();
    expect(status).toBe(200);
    expect(text).toBe(
      `\uFEFF${SESSIONS_HEADER}\r\n${COMMISSION_1},PRESENTER,Dr E Ijeoma,Dr,E,Ijeoma,Senior Lecturer,false,University of Pretoria,,${commission1},${ijeoma}\r\n`,
    );
  });

  it('filters by person, organisation, kind and years as SessionFilter does', async () => {
    const { ijeoma, upOrganisation } = await ids();
    const byPerson = csvRecords((await get(`/export/sessions.csv?personId=${encodeURIComponent(ijeoma)}`)).text);
    expect(byPerson.map((row) => row.person)).toEqual(['Dr E Ijeoma']);
    const byOrganisation = csvRecords((await get(`/export/sessions.csv?organisationId=${encodeURIComponent(upOrganisation)}`)).text);
    expect(byOrganisation.map((row) => row.person)).toEqual(['Dr E Ijeoma']);
    const commissions = csvRecords((await get('/export/sessions.csv?kind=COMMISSION&role=')).text);
    expect([...new Set(commissions.map((row) => row.session_number))]).toEqual(['1', '2', '3', '4']);
    expect(csvRecords((await get('/export/sessions.csv?toYear=2006')).text)).toEqual([]);
    expect((await get('/export/sessions.csv?toYear=2006')).text).toBe(`\uFEFF${SESSIONS_HEADER}\r\n`);
  });

  it('filters by position title and rank as SessionFilter does, down to the rows of those participations', async () => {
    const directorsGeneral = csvRecords((await get('/export/sessions.csv?rank=DIRECTOR_GENERAL')).text);
    expect(directorsGeneral.map((row) => [row.person, row.role, row.position_title])).toEqual([
      ['Dr C Nwaila', 'FACILITATOR', 'Director-General'],
      ['Prof R M Levin', 'PRESENTER', 'Director-General'],
      ['Ms X Sibeko', 'FACILITATOR', 'Director-General'],
    ]);
    const deputies = csvRecords((await get('/export/sessions.csv?positionTitle=deputy%20director%20general&role=FACILITATOR')).text);
    expect(deputies.map((row) => [row.person, row.organisation_acronym])).toEqual([
      ['Ms M Nchwe', 'SAPS'],
      ['Dr E Kornegay', 'DPSA'],
    ]);
    const refused = await get('/export/sessions.csv?rank=DG');
    expect(refused.status).toBe(400);
    expect((JSON.parse(refused.text) as { errors: Array<{ extensions: unknown }> }).errors.map((error) => error.extensions)).toEqual([
      { code: 'BAD_USER_INPUT', parameter: 'rank' },
    ]);
  });
});

describe('topic-timeline.csv', () => {
  it('leaves the counts of years only referenced empty (unknown), and gives zeros only for documented years', async () => {
    const response = await get('/export/topic-timeline.csv?topicSlugs=women-in-leadership&seriesSlug=sms');
    expect(response.status).toBe(200);
    expect(response.disposition).toBe('attachment; filename=topic-timeline.csv');
    expect(response.text).toBe(
      '\uFEFFtopic_slug,topic_name,year,session_count,conference_count,known,documentation\r\n' +
        'women-in-leadership,Women in leadership,2001,,,false,REFERENCED\r\n' +
        'women-in-leadership,Women in leadership,2002,,,false,REFERENCED\r\n' +
        'women-in-leadership,Women in leadership,2003,,,false,REFERENCED\r\n' +
        'women-in-leadership,Women in leadership,2004,,,false,REFERENCED\r\n' +
        'women-in-leadership,Women in leadership,2005,,,false,REFERENCED\r\n' +
        'women-in-leadership,Women in leadership,2006,,,false,REFERENCED\r\n' +
        'women-in-leadership,Women in leadership,2007,1,1,true,DOCUMENTED\r\n',
    );
  });

  it('takes several topics and a year range; a lower bound recorded for a referenced year stays, a year without an edition is unknown', async () => {
    const { text } = await get('/export/topic-timeline.csv?topicSlugs=leadership-development,professionalism-and-ethics&fromYear=2002&toYear=2008');
    expect(text).toBe(
      '\uFEFFtopic_slug,topic_name,year,session_count,conference_count,known,documentation\r\n' +
        'leadership-development,Leadership development,2002,,,false,REFERENCED\r\n' +
        'leadership-development,Leadership development,2003,,,false,REFERENCED\r\n' +
        'leadership-development,Leadership development,2004,,,false,REFERENCED\r\n' +
        'leadership-development,Leadership development,2005,,,false,REFERENCED\r\n' +
        'leadership-development,Leadership development,2006,,,false,REFERENCED\r\n' +
        'leadership-development,Leadership development,2007,5,1,true,DOCUMENTED\r\n' +
        'leadership-development,Leadership development,2008,,,false,NO_EDITION\r\n' +
        // The 2002 edition's recorded focus: at least one edition, its sessions unknown.
        'professionalism-and-ethics,Professionalism and ethics,2002,,1,false,REFERENCED\r\n' +
        'professionalism-and-ethics,Professionalism and ethics,2003,,,false,REFERENCED\r\n' +
        'professionalism-and-ethics,Professionalism and ethics,2004,,,false,REFERENCED\r\n' +
        'professionalism-and-ethics,Professionalism and ethics,2005,,,false,REFERENCED\r\n' +
        'professionalism-and-ethics,Professionalism and ethics,2006,,,false,REFERENCED\r\n' +
        // Documented 2007: a counted zero (no session carried it), and the edition itself.
        'professionalism-and-ethics,Professionalism and ethics,2007,0,1,true,DOCUMENTED\r\n' +
        'professionalism-and-ethics,Professionalism and ethics,2008,,,false,NO_EDITION\r\n',
    );
  });
});

describe('conference JSON-LD', () => {
  it('is a schema.org Event with its dates, place and organiser', async () => {
    const response = await get('/export/conferences/sms/2007.jsonld');
    expect(response.status).toBe(200);
    expect(response.type).toBe('application/ld+json; charset=utf-8');
    expect(response.disposition).toBe('attachment; filename=sms-2007.jsonld');
    const event = JSON.parse(response.text);
    expect(event['@context']).toBe('https://schema.org');
    expect(event['@type']).toBe('Event');
    expect(event.name).toBe('Senior Management Service Conference 2007');
    expect(event.description).toBe(
      'Performance and leadership development management in the 21st Century: Best practice and implication for service delivery improvement',
    );
    expect([event.startDate, event.endDate]).toEqual(['2007-09-12', '2007-09-14']);
    expect(event.location).toEqual({
      '@type': 'Place',
      name: 'Cape Sun Hotel',
      address: { '@type': 'PostalAddress', addressLocality: 'Cape Town' },
    });
    expect(event.organizer).toMatchObject({ '@type': 'Organization', name: 'Department of Public Service and Administration', alternateName: 'DPSA' });
    expect(event.subjectOf.map((work: { name: string }) => work.name)).toEqual([
      'Senior management service conference 2007',
      'Public Service and Administration to hold Senior Management Service (SMS) Conference, 12 to 14 Sept',
    ]);
  });

  it('has the sessions as subEvents in programme order, children nested', async () => {
    const event = JSON.parse((await get('/export/conferences/sms/2007.jsonld')).text);
    expect(event.subEvent.map((session: { name: string }) => session.name)).toEqual([
      'Responding to Leadership Development in the Public Service in consideration of the Global challenges',
      'Breakaway Commissions',
      'Gala Dinner',
      'The leadership pipeline in the Public Service: Implications for Public Service Managers',
    ]);
    expect(event.subEvent[1].subEvent.map((session: { name: string }) => session.name)).toEqual([
      'Organisational Performance Management',
      'Leadership Challenges in the Single Public Service',
      "Women in Leadership - SMS Women's Forum",
      'Commission 4',
    ]);
    expect(event.subEvent[1].subEvent[3].performer).toBeUndefined();
  });

  it('keeps the facilitator role and the position of Dr C Nwaila', async () => {
    const event = JSON.parse((await get('/export/conferences/sms/2007.jsonld')).text);
    const { nwaila, freeState } = await ids();
    const facilitator = event.subEvent[0].performer[0];
    expect(facilitator).toMatchObject({
      '@type': 'Role',
      roleName: 'Facilitator',
      performer: {
        '@type': 'Person',
        identifier: nwaila,
        name: 'Dr C Nwaila',
        honorificPrefix: 'Dr',
        familyName: 'Nwaila',
        worksFor: {
          '@type': 'OrganizationRole',
          roleName: 'Director-General',
          worksFor: { '@type': 'Organization', identifier: freeState, name: 'Free State Provincial Government' },
        },
      },
    });
    expect(event.subEvent[0].performer.slice(1).map((role: { roleName: string }) => role.roleName)).toEqual(Array(6).fill('Panellist'));
  });

  it('puts each day chair on the conference, with the day', async () => {
    const event = JSON.parse((await get('/export/conferences/sms/2007.jsonld')).text);
    expect(event.performer.map((role: { roleName: string; description: string; performer: { name: string } }) => [role.roleName, role.performer.name, role.description])).toEqual([
      ['Chairperson', 'Ms C Clark', 'Day 1: Strategies to strengthen leadership development to enhance organisational performance management in the Public Service'],
      ['Chairperson', 'Dr M Singh', 'Day 2: Creation of a culture of continuous learning and development - Management implications'],
    ]);
  });
});

/** Content lines of an iCalendar text, unfolded (RFC 5545, 3.1). */
const unfolded = (text: string) => text.replace(/\r\n[ \t]/g, '').split('\r\n');

describe('conference iCalendar', () => {
  it('has an all-day event for the whole conference', async () => {
    const response = await get('/export/conferences/sms/2007.ics');
    expect(response.status).toBe(200);
    expect(response.type).toBe('text/calendar; charset=utf-8');
    expect(response.disposition).toBe('attachment; filename=sms-2007.ics');
    const lines = unfolded(response.text);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-2)).toBe('END:VCALENDAR');
    const { sms2007 } = await ids();
    const start = lines.indexOf(`UID:${sms2007}@lekgotla`);
    const conferenceEvent = lines.slice(start, lines.indexOf('END:VEVENT', start));
    expect(lines[start - 1]).toBe('BEGIN:VEVENT');
    expect(conferenceEvent).toContain('DTSTART;VALUE=DATE:20070912');
    expect(conferenceEvent).toContain('DTEND;VALUE=DATE:20070915');
    expect(conferenceEvent).toContain('SUMMARY:Senior Management Service Conference 2007');
    expect(conferenceEvent).toContain('LOCATION:Cape Sun Hotel\\, Cape Town');
    // Every physical line is folded to at most 75 octets and ends in CRLF.
    const physical = response.text.split('\r\n');
    expect(physical.every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(physical.at(-1)).toBe('');
  });

  it('gives days without a stated date no events of their own: the edition\'s event lists them, their sessions and people', async () => {
    const calendar = new ICAL.Component(ICAL.parse((await get('/export/conferences/sms/2007.ics')).text));
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    // The sources date the conference (12–14 September) but neither of its two described days.
    expect(events.map((event) => [event.summary, event.startDate.toString(), event.endDate.toString(), event.startDate.isDate])).toEqual([
      ['Senior Management Service Conference 2007', '2007-09-12', '2007-09-15', true],
    ]);
    const [edition] = events;
    const { sms2007 } = await ids();
    expect(edition!.uid).toBe(`${sms2007}@lekgotla`);
    const lines = edition!.description.split('\n');
    expect(lines.slice(0, 14)).toEqual([
      'Theme: Performance and leadership development management in the 21st Century: Best practice and implication for service delivery improvement',
      'Audience: Senior managers in the Public Service',
      'Organiser: Department of Public Service and Administration',
      '',
      'Dates not stated: the sources place days 1 and 2 within the conference (12 September 2007 to 14 September 2007) without saying on which date.',
      '',
      'Day 1',
      '  Strategies to strengthen leadership development to enhance organisational performance management in the Public Service',
      '  Chairperson: Ms C Clark, Deputy Director-General, Department of Public Service and Administration (DPSA)',
      '',
      '  Responding to Leadership Development in the Public Service in consideration of the Global challenges',
      '    Facilitator: Dr C Nwaila, Director-General, Free State Provincial Government',
      '    Panellists: Ms G J Fraser-Moleketi; Ms V Petersen; Prof R M Levin; Prof D Argyriades; Ms R Perez; Ms L Msengana-Ndlela',
      '  Breakaway Commissions',
    ]);
    expect(edition!.description).toContain('\n      Presenter: Dr E Ijeoma, Senior Lecturer, University of Pretoria\n    Commission 2:');
    const dayTwo = lines.indexOf('Day 2');
    expect(lines.slice(dayTwo, dayTwo + 3)).toEqual([
      'Day 2',
      '  Creation of a culture of continuous learning and development - Management implications',
      '  Chairperson: Dr M Singh, Deputy Commissioner, South African Police Service (SAPS)',
    ]);
  });

  it('gives a day its own event on its date once the date is known, and lists only the undated days in the edition', async () => {
    const em = orm().em.fork();
    const [dayOne, dayTwo] = await em.find(ConferenceDay, { conference: { year: 2007 } }, { orderBy: { number: 'asc' } });
    await em.nativeUpdate(ConferenceDay, { id: dayOne!.id }, { date: '2007-09-12' });
    try {
      const parse = async () =>
        new ICAL.Component(ICAL.parse((await get('/export/conferences/sms/2007.ics')).text))
          .getAllSubcomponents('vevent')
          .map((component) => new ICAL.Event(component));
      const events = await parse();
      expect(events.map((event) => [event.uid, event.summary, event.startDate.toString(), event.endDate.toString()])).toEqual([
        [`${(await ids()).sms2007}@lekgotla`, 'Senior Management Service Conference 2007', '2007-09-12', '2007-09-15'],
        [`${globalIdOf('ConferenceDay', dayOne!.id)}@lekgotla`, 'Senior Management Service Conference 2007: day 1', '2007-09-12', '2007-09-13'],
      ]);
      expect(events[1]!.description.split('\n').slice(0, 4)).toEqual([
        'Strategies to strengthen leadership development to enhance organisational performance management in the Public Service',
        'Chairperson: Ms C Clark, Deputy Director-General, Department of Public Service and Administration (DPSA)',
        '',
        'Responding to Leadership Development in the Public Service in consideration of the Global challenges',
      ]);
      expect(events[0]!.description).toContain(
        'Dates not stated: the sources place day 2 within the conference (12 September 2007 to 14 September 2007) without saying on which date.',
      );
      expect(events[0]!.description).not.toContain('Day 1');
      const event = JSON.parse((await get('/export/conferences/sms/2007.jsonld')).text);
      expect(event.performer[0].startDate).toBe('2007-09-12');
      expect(event.subEvent.map((session: { startDate?: string }) => session.startDate)).toEqual(['2007-09-12', '2007-09-12', '2007-09-12', undefined]);

      // Both days dated: an event each, and nothing left undated in the edition's.
      await em.nativeUpdate(ConferenceDay, { id: dayTwo!.id }, { date: '2007-09-13' });
      const dated = await parse();
      expect(dated.map((item) => [item.summary, item.startDate.toString()])).toEqual([
        ['Senior Management Service Conference 2007', '2007-09-12'],
        ['Senior Management Service Conference 2007: day 1', '2007-09-12'],
        ['Senior Management Service Conference 2007: day 2', '2007-09-13'],
      ]);
      expect(dated[0]!.description).toBe(
        'Theme: Performance and leadership development management in the 21st Century: Best practice and implication for service delivery improvement\n' +
          'Audience: Senior managers in the Public Service\n' +
          'Organiser: Department of Public Service and Administration',
      );
    } finally {
      await em.nativeUpdate(ConferenceDay, { id: { $in: [dayOne!.id, dayTwo!.id] } }, { date: null });
    }
  });

  it('says so when the sources give no end date, rather than ending the event on the first day silently', async () => {
    const em = orm().em.fork();
    await em.nativeUpdate(Conference, { year: 2007 }, { endDate: null });
    try {
      const [edition] = new ICAL.Component(ICAL.parse((await get('/export/conferences/sms/2007.ics')).text))
        .getAllSubcomponents('vevent')
        .map((component) => new ICAL.Event(component));
      expect([edition!.startDate.toString(), edition!.endDate.toString()]).toEqual(['2007-09-12', '2007-09-13']);
      expect(edition!.description.split('\n').slice(3, 6)).toEqual([
        'End date not stated: the sources give only the day the conference starts.',
        '',
        'Dates not stated: the sources place days 1 and 2 within the conference (from 12 September 2007, end date not stated) without saying on which date.',
      ]);
    } finally {
      await em.nativeUpdate(Conference, { year: 2007 }, { endDate: '2007-09-14' });
    }
  });
});

describe('bad requests', () => {
  it.each([
    ['/export/sessions.csv?kind=LECTURE', 'kind'],
    ['/export/sessions.csv?role=MODERATOR', 'role'],
    ['/export/sessions.csv?fromYear=last', 'fromYear'],
    ['/export/sessions.csv?topicSlug=Not%20A%20Slug', 'topicSlug'],
    ['/export/topic-timeline.csv?seriesSlug=sms&toYear=20007', 'toYear'],
    ['/export/conferences/sms/07.ics', 'year'],
  ])('%s is refused, naming %s', async (url, parameter) => {
    const response = await get(url);
    expect(response.status).toBe(400);
    const body = JSON.parse(response.text);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message.startsWith(`${parameter}: `)).toBe(true);
  });

  it('says what is wrong', async () => {
    const messages = await Promise.all(
      [
        '/export/sessions.csv?personId=abc',
        '/export/sessions.csv?fromYear=2008&toYear=2007',
        '/export/sessions.csv?topic=leadership-development',
        '/export/sessions.csv?kind=COMMISSION&kind=ROUND_TABLE',
        '/export/topic-timeline.csv?topicSlugs=leadership-development,no-such-topic',
        '/export/topic-timeline.csv?seriesSlug=nope',
      ].map(async (url) => JSON.parse((await get(url)).text)),
    );
    expect(messages).toEqual([
      { errors: [{ message: 'personId: "abc" is not a valid id', extensions: { code: 'BAD_USER_INPUT', parameter: 'personId' } }] },
      { errors: [{ message: 'fromYear: 2008 is after toYear 2007', extensions: { code: 'BAD_USER_INPUT', parameter: 'fromYear' } }] },
      { errors: [{ message: 'unknown parameter "topic"', extensions: { code: 'BAD_USER_INPUT', parameter: 'topic' } }] },
      { errors: [{ message: 'kind: give it once', extensions: { code: 'BAD_USER_INPUT', parameter: 'kind' } }] },
      { errors: [{ message: 'topicSlugs: no topic has the slug "no-such-topic"', extensions: { code: 'BAD_USER_INPUT', parameter: 'topicSlugs' } }] },
      { errors: [{ message: 'seriesSlug: no conference series has the slug "nope"', extensions: { code: 'BAD_USER_INPUT', parameter: 'seriesSlug' } }] },
    ]);
  });

  it('answers 404 for an edition that does not exist, or has no dates for a calendar', async () => {
    const missing = await get('/export/conferences/sms/1999.jsonld');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.text)).toEqual({ errors: [{ message: 'no conference of the series "sms" in 1999', extensions: { code: 'NOT_FOUND' } }] });
    expect((await get('/export/conferences/nope/2007.ics')).status).toBe(404);
    const undated = await get('/export/conferences/sms/2003.ics');
    expect(undated.status).toBe(404);
    expect(JSON.parse(undated.text)).toEqual({
      errors: [{ message: 'Senior Management Service Conference 2003 has no dates, so it has no calendar', extensions: { code: 'NOT_FOUND' } }],
    });
    // The edition itself exists, so its JSON-LD is there.
    expect((await get('/export/conferences/sms/2003.jsonld')).status).toBe(200);
  });
});

describe('quoting of awkward values', () => {
  it('round-trips quotes, commas, CRLF and accents', async () => {
    const em = orm().em.fork();
    const focus = 'He said "batho pele", twice;\r\nthen ±5 more — Zoë, Thabo & Nkosí';
    const hefele = await em.findOneOrFail(Person, { key: 'hefele' });
    await em.nativeUpdate(Conference, { year: 2003 }, { focus });
    // Nothing but a line break to quote for: csv-stringify leaves that bare unless told otherwise.
    await em.nativeUpdate(Conference, { year: 2004 }, { focus: 'First line\nsecond line' });
    await em.nativeUpdate(Person, { id: hefele.id }, { displayName: 'Ms Zoë Héfèle-Ngcobo' });
    try {
      const conferences = (await get('/export/conferences.csv')).text;
      expect(conferences).toContain(',REFERENCED,"He said ""batho pele"", twice;\r\nthen ±5 more — Zoë, Thabo & Nkosí",,');
      expect(csvRecords(conferences).find((row) => row.year === '2003')!.focus).toBe(focus);
      expect(conferences).toContain(',REFERENCED,"First line\nsecond line",,');
      expect(csvRecords(conferences).map((row) => row.year)).toEqual(['2001', '2002', '2003', '2004', '2005', '2006', '2007']);
      const sessions = (await get('/export/sessions.csv?kind=ROUND_TABLE')).text;
      expect(csvRecords(sessions).at(-1)!.person).toBe('Ms Zoë Héfèle-Ngcobo');
      expect(sessions).toContain(',PANELLIST,Ms Zoë Héfèle-Ngcobo,Ms,,Hefele,');
    } finally {
      await em.nativeUpdate(Conference, { year: { $in: [2003, 2004] } }, { focus: null });
      await em.nativeUpdate(Person, { id: hefele.id }, { displayName: 'Ms Hefele' });
    }
  });
});

describe('kb export', () => {
  const context = (args: string[]) => ({
    args,
    config: parseConfig({ DATABASE_URL: orm().config.get('clientUrl'), LOG_LEVEL: 'silent' }),
    logger: createLogger('silent'),
  });

  it('writes the same file the HTTP route serves', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'lekgotla-export-'));
    try {
      const out = path.join(folder, 'presenters.csv');
      const code = await exportCommand.run(
        context(['sessions.csv', '--topic', 'organisational-performance-management', '--role', 'PRESENTER', '--out', out]),
      );
      expect(code).toBe(0);
      const written = await readFile(out, 'utf8');
      const { commission1, ijeoma } = await ids();
      expect(written).toBe(
        `\uFEFF${SESSIONS_HEADER}\r\n${COMMISSION_1},PRESENTER,Dr E Ijeoma,Dr,E,Ijeoma,Senior Lecturer,false,University of Pretoria,,${commission1},${ijeoma}\r\n`,
      );

      const calendar = path.join(folder, 'sms-2007.ics');
      expect(await exportCommand.run(context(['conference.ics', '--series', 'sms', '--year', '2007', '--out', calendar]))).toBe(0);
      expect(unfolded(await readFile(calendar, 'utf8'))).toContain('DTEND;VALUE=DATE:20070915');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('refuses options an export does not take, and bad values, before opening the database', async () => {
    await expect(exportCommand.run(context(['sessions.csv', '--series', 'sms']))).rejects.toThrow(
      new UsageError('--series does not apply to sessions.csv'),
    );
    await expect(exportCommand.run(context(['sessions.csv', '--from-year', 'soon']))).rejects.toThrow(
      new UsageError('--from-year: must be a four-digit year'),
    );
    await expect(exportCommand.run(context(['conference.jsonld', '--series', 'sms']))).rejects.toThrow(
      new UsageError('conference.jsonld needs --series and --year'),
    );
    await expect(exportCommand.run(context(['everything.xlsx']))).rejects.toBeInstanceOf(UsageError);
  });
});
