import { describe, expect, it } from 'vitest';
import { findAttendance } from '../src/ingest/extract/attendance.js';
import { extractDraft } from '../src/ingest/extract/extract-draft.js';
import { readLines } from '../src/ingest/extract/lines.js';
import { namesIn, parseOffice } from '../src/ingest/extract/people.js';
import { readProse } from '../src/ingest/extract/prose.js';
import { sentencesOf } from '../src/ingest/extract/sentences.js';

/** The extractor's reading of plain prose and agendas, on the forms issue 10 names. */

describe('site chrome and link spam', () => {
  it('are set aside line by line, but the "Source:" line keeps its web address', () => {
    const { lines } = readLines(
      [
        'Home | About us | Services | Contact us',
        'cheap replica watches http://www.replica.example.com best prices',
        'Dr Oz recommends Garcinia www.diet.example.net',
        'This website uses cookies to improve your experience. Accept',
        'Skip to main content',
        'Home > Events > SMS Conference',
        'Senior Management Service Conference 2008',
        'Source: Department of Public Service and Administration (http://www.dpsa.gov.za)',
        'Related articles',
        'SMS conference 2009 opens',
      ].join('\n'),
    );
    expect(lines.map((line) => line.content)).toEqual([
      'Senior Management Service Conference 2008',
      'Source: Department of Public Service and Administration (http://www.dpsa.gov.za)',
    ]);
  });

  it('yield no conference, person or organisation from a page of nothing else', () => {
    const { draft } = extractDraft('Skip to main content\n\nBuy Viagra online - Dr Oz http://pills.example.net\nMs Dior bags http://bags.example.org\n', {
      sourceKey: 'spam',
      sourceFile: 'spam.txt',
    });
    expect({ conferences: draft.conferences, people: draft.people, organisations: draft.organisations, series: draft.series }).toEqual({
      conferences: [],
      people: [],
      organisations: [],
      series: [],
    });
  });
});

describe('sentences', () => {
  it('are cut by compromise, which knows "Prof." ends no sentence, and quoted verbatim across line breaks', () => {
    expect(sentencesOf('Prof. R M Levin will outline the\npurpose. Ms C Clark will chair.')).toEqual([
      { text: 'Prof. R M Levin will outline the purpose.', excerpt: 'Prof. R M Levin will outline the\npurpose.' },
      { text: 'Ms C Clark will chair.', excerpt: 'Ms C Clark will chair.' },
    ]);
  });
});

describe('people in prose', () => {
  it('are names after a personal honorific, never an office like "the Premier"', () => {
    const text = 'The Premier of the Western Cape, Mr Thabo Jacobs, and Dr Anne van Wyk will speak with Prof R M Levin.';
    expect(namesIn(text).map(({ name }) => name.written)).toEqual(['Mr Thabo Jacobs', 'Dr Anne van Wyk', 'Prof R M Levin']);
  });

  it.each([
    ['Director-General: Public Service and Administration', { title: 'Director-General', acting: false, organisation: { name: 'Public Service and Administration' } }],
    ['Deputy Director-General: Human Resource Management', { title: 'Deputy Director-General: Human Resource Management', acting: false }],
    ['the Director-General of the Department of Public Service and Administration', { title: 'Director-General', acting: false, organisation: { name: 'Department of Public Service and Administration' } }],
    ['The Premier of the Western Cape', { title: 'Premier', acting: false, organisation: { name: 'Western Cape' } }],
    ['The MEC for Finance in the Eastern Cape', { title: 'MEC for Finance', acting: false, organisation: { name: 'Eastern Cape' } }],
    ['The Minister for the Public Service and Administration', { title: 'Minister for the Public Service and Administration', acting: false }],
    ['The Head of the Provincial Treasury', { title: 'Head of the Provincial Treasury', acting: false }],
  ])('read "%s" as an office', (phrase, position) => {
    expect(parseOffice(phrase)).toEqual(position);
  });

  it.each(['Opening the conference', 'The annual conference', 'Welcoming delegates'])('do not take "%s" for an office', (phrase) => {
    expect(parseOffice(phrase)).toBeUndefined();
  });

  it('take their office from the words before them and their part from the words after', () => {
    const reading = readProse(
      [
        'The Director-General: Public Service and Administration, Professor Richard Levin, will outline the purpose of the conference.',
        'Keynote address: The Minister for the Public Service and Administration, Mr Sipho Dlamini, will give a keynote address.',
        'For more information contact Ms Zandile Qoboshiyane on 040 609 6381.',
      ],
      '2009-09-01',
    );
    expect(reading.people.map(({ person, role }) => ({ name: person.name.written, position: person.position, role }))).toEqual([
      { name: 'Professor Richard Levin', position: { title: 'Director-General', acting: false, organisation: { name: 'Public Service and Administration' } }, role: 'SPEAKER' },
      { name: 'Mr Sipho Dlamini', position: { title: 'Minister for the Public Service and Administration', acting: false }, role: 'KEYNOTE_SPEAKER' },
    ]);
  });
});

describe('a provincial announcement', () => {
  const text = [
    'Western Cape Government',
    '',
    'The Western Cape province hosts its second Senior Management Service (SMS) conference from 17 - 19 September 2008, in George (Fancourt Hotel).',
    '',
  ].join('\n');
  const { draft, pending } = extractDraft(text, { sourceKey: 'wc', sourceFile: 'wc.txt' });

  it("belongs to the province's series, named after the province, never after the sentence", () => {
    expect(draft.series).toEqual([{ slug: 'western-cape-sms', name: 'Western Cape Senior Management Service Conference' }]);
    expect(pending.series).toMatchObject({ sphere: 'PROVINCIAL', province: 'Western Cape' });
  });

  it("is the province's under a title that names no province", () => {
    const titled = `Senior Management Service Conference 2008\n\n${text}`;
    const { draft: fromTitled, pending: titledPending } = extractDraft(titled, { sourceKey: 'wc', sourceFile: 'wc.txt' });
    expect(fromTitled.series).toEqual([{ slug: 'western-cape-sms', name: 'Western Cape Senior Management Service Conference' }]);
    expect(fromTitled.conferences[0]).toMatchObject({ series: 'western-cape-sms', title: 'Senior Management Service Conference 2008' });
    expect(titledPending.series).toMatchObject({ sphere: 'PROVINCIAL', province: 'Western Cape' });
  });

  it('keeps the year, the dates, the town and the venue', () => {
    expect(draft.conferences[0]).toMatchObject({
      series: 'western-cape-sms',
      year: 2008,
      title: 'Western Cape Senior Management Service Conference 2008',
      startDate: '2008-09-17',
      endDate: '2008-09-19',
      venue: { name: 'Fancourt Hotel', city: 'George' },
    });
  });
});

describe('a news article', () => {
  const article = [
    'Senior managers gather to sharpen service delivery',
    '',
    '17 September 2008',
    '',
    'Midrand - The annual Senior Management Service (SMS) conference got underway today at the Gallagher Convention Centre and will continue until tomorrow.',
    '',
  ].join('\n');

  it('reads "today" and "until tomorrow" against its own dated heading, with chrono-node', () => {
    const { draft, pending } = extractDraft(article, { sourceKey: 'news', sourceFile: 'news.txt' });
    expect(draft.conferences[0]).toMatchObject({
      series: 'sms',
      year: 2008,
      startDate: '2008-09-17',
      endDate: '2008-09-18',
      venue: { name: 'Gallagher Convention Centre', city: 'Midrand' },
    });
    expect(pending.series).toMatchObject({ sphere: 'NATIONAL' });
  });

  it('without a date of its own, reads no relative date, so no conference year either', () => {
    const undated = article.replace('17 September 2008\n\n', '');
    expect(extractDraft(undated, { sourceKey: 'news', sourceFile: 'news.txt' }).draft.conferences).toEqual([]);
  });
});

describe('attendance', () => {
  it.each([
    ['The conference, attended by 500 managers from national departments, closed.', { count: 500, approximate: false, kind: 'REPORTED' }],
    ['Some ±350 senior managers are expected at the gathering.', { count: 350, approximate: true, kind: 'EXPECTED' }],
    ['Close to 180 senior managers of the province are expected to attend.', { count: 180, approximate: true, kind: 'EXPECTED' }],
    ['The conference was attended by about 580 senior managers.', { count: 580, approximate: true, kind: 'REPORTED' }],
  ])('reads "%s"', (passage, expected) => {
    expect(findAttendance(passage)).toMatchObject(expected);
  });
});

describe('an agenda in time slots', () => {
  const agenda = [
    'SENIOR MANAGEMENT SERVICE CONFERENCE 2010',
    'PROVISIONAL PROGRAMME',
    '',
    'Venue: Durban International Convention Centre, Durban',
    '',
    'Tuesday, 14 September 2010',
    'Sub-theme: Outcomes-based planning and delivery',
    'Chair: Ms C Clark, Deputy Director-General, Department of Public Service and Administration',
    '',
    '08:00 - 09:00   Registration and tea',
    '09:00 - 09:30   Welcome address',
    '                Mr T Bhengu, Mayor, eThekwini Metropolitan Municipality',
    '09h30 - 10h30   Keynote address: Mr S Mabasa, Premier of Limpopo',
    '11:00 - 12:30   Panel discussion: Managing for outcomes',
    '                Presenters: Dr E Ijeoma, Senior Lecturer, University of Pretoria; Mr D Makwela, Auditor-General\'s Office',
    '',
  ].join('\n');
  const { draft, unparsed } = extractDraft(agenda, { sourceKey: 'agenda', sourceFile: 'agenda.txt' });
  const day = draft.conferences[0]!.days[0]!;

  it('takes a date heading for a day, and the details above it for the conference', () => {
    expect(draft.conferences[0]).toMatchObject({ year: 2010, startDate: '2010-09-14', endDate: '2010-09-14', venue: { name: 'Durban International Convention Centre', city: 'Durban' } });
    expect(day).toMatchObject({ number: 1, date: '2010-09-14', subTheme: 'Outcomes-based planning and delivery', chair: { person: 'clark-c' } });
  });

  it('opens a session at each time slot, with the speaker written under it or after it', () => {
    expect(day.sessions.map(({ kind, title, participants }) => ({ kind, title, people: participants.map(({ person, role, position }) => [person, role, position]) }))).toEqual([
      { kind: 'OTHER', title: 'Registration and tea', people: [] },
      { kind: 'ADDRESS', title: 'Welcome address', people: [['bhengu-t', 'SPEAKER', 'mayor-ethekwini-metropolitan-municipality']] },
      { kind: 'KEYNOTE', title: 'Keynote address', people: [['mabasa-s', 'KEYNOTE_SPEAKER', 'premier-limpopo']] },
      { kind: 'ROUND_TABLE', title: 'Managing for outcomes', people: [['ijeoma-e', 'PRESENTER', 'senior-lecturer-university-of-pretoria'], ['makwela-d', 'PRESENTER', undefined]] },
    ]);
  });

  it("keeps an organisation given without a title, and says why the person has no position", () => {
    expect(draft.organisations.map((organisation) => organisation.name)).toContain("Auditor-General's Office");
    expect(unparsed.map((entry) => entry.reason)).toEqual([`"Auditor-General's Office" is given without a position title, so no position was recorded`]);
  });
});

describe('what generalised after the second holdout set was spent', () => {
  it('takes a headline with a verb for no conference title (compromise tags "to open"), and the edition\'s own line for one', () => {
    const text = [
      'Deputy Minister Radebe to open the 2011 SMS conference',
      '',
      '14 September 2011 has been set aside for the opening of the annual Senior Management Service conference.',
      '',
      'Senior Management Service Conference 2011',
      'Date: 14 - 16 September 2011',
      '',
    ].join('\n');
    const { draft } = extractDraft(text, { sourceKey: 'statement', sourceFile: 'statement.txt' });
    expect(draft.series).toEqual([{ slug: 'sms', name: 'Senior Management Service Conference' }]);
    expect(draft.conferences[0]).toMatchObject({ title: 'Senior Management Service Conference 2011', startDate: '2011-09-14', endDate: '2011-09-16' });
  });

  it('reads an office after "by", and the part the sentence gives: "chaired by the Director-General of the Eastern Cape, Ms N Dyantyi"', () => {
    const reading = readProse(['The conference is being chaired by the Director-General of the Eastern Cape, Ms N Dyantyi.'], '2010-09-22');
    expect(reading.people.map(({ person, role }) => ({ position: person.position, role }))).toEqual([
      { position: { title: 'Director-General', acting: false, organisation: { name: 'Eastern Cape' } }, role: 'CHAIRPERSON' },
    ]);
  });

  it('finds the province of "the provincial SMS conference" named earlier in its sentence', () => {
    const reading = readProse(
      ['More than 400 senior managers from across the Eastern Cape are gathered at the Boardwalk Hotel for the provincial Senior Management Service (SMS) conference, which opened today and closes on Friday.'],
      '2010-09-22',
    );
    expect({ province: reading.province?.value, start: reading.start?.value, end: reading.end?.value, venue: reading.venue?.value }).toEqual({
      province: 'Eastern Cape',
      start: '2010-09-22',
      end: '2010-09-24',
      venue: { name: 'Boardwalk Hotel' },
    });
  });

  it('reads the speaker column of an agenda copied from a table, and drops an organisation cut off with the page', () => {
    const agenda = [
      'Western Cape Senior Management Service Conference 2012',
      'Programme',
      '',
      'Wednesday, 7 March 2012',
      '09:00 - 09:30\tWelcome address\tMr A Jacobs, Director-General, Western Cape Government',
      '09:30 - 10:30\tKeynote address\tProf J de Villiers, Rector, Stellenbosch University',
      '11:00 - 12:30   Panel: Practice   Adv T Maharaj, Senior Lecturer, University of KwaZulu-',
    ].join('\n');
    const { draft } = extractDraft(agenda, { sourceKey: 'agenda', sourceFile: 'agenda.txt' });
    expect(draft.conferences[0]!.days[0]!.sessions.map(({ kind, title, participants }) => [kind, title, participants.map(({ person, role, position }) => [person, role, position])])).toEqual([
      ['ADDRESS', 'Welcome address', [['jacobs-a', 'SPEAKER', 'director-general-western-cape-government']]],
      ['KEYNOTE', 'Keynote address', [['de-villiers-j', 'KEYNOTE_SPEAKER', 'rector-stellenbosch-university']]],
      ['ROUND_TABLE', 'Practice', [['maharaj-t', 'PANELLIST', 'senior-lecturer']]],
    ]);
    expect(draft.organisations.map((organisation) => organisation.name)).toEqual(['Western Cape Government', 'Stellenbosch University']);
  });

  it('takes "Office of the Premier" and "Office of the Premier, Mpumalanga" on one page for one office, by its fuller name', () => {
    const text = [
      'Mpumalanga SMS Conference 2009',
      '',
      'The Director-General in the Office of the Premier, Mr Thulasizwe Ngwenya, will welcome the delegates.',
      '',
      'Issued by: Office of the Premier, Mpumalanga',
      '',
    ].join('\n');
    const { draft } = extractDraft(text, { sourceKey: 'statement', sourceFile: 'statement.txt' });
    expect(draft.organisations.map(({ key, name, aliases }) => ({ key, name, aliases }))).toEqual([
      { key: 'office-of-the-premier-mpumalanga', name: 'Office of the Premier, Mpumalanga', aliases: ['Office of the Premier'] },
    ]);
    expect(draft.people[0]!.positions[0]).toMatchObject({ title: 'Director-General', organisation: 'office-of-the-premier-mpumalanga' });
  });
});
