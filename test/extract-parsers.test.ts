import { describe, expect, it } from 'vitest';
import { findAttendance, parseAttendance } from '../src/ingest/extract/attendance.js';
import { parseDateRange } from '../src/ingest/extract/dates.js';
import { extractDraft } from '../src/ingest/extract/extract-draft.js';
import { quote, readLines } from '../src/ingest/extract/lines.js';
import { parsePersonLine } from '../src/ingest/extract/people.js';
import { parseProgramme } from '../src/ingest/extract/programme.js';
import { seriesOf } from '../src/ingest/extract/series.js';

/** The extractor's parts, each on the forms the publishers write. */

describe('lines', () => {
  it('numbers non-blank lines and reads indentation, bullets and blank lines before them', () => {
    const { lines } = readLines('Day 1\n\n\n  • Commission 1\n\t- Ms A Dube\n* allows members to\nmeet');
    expect(lines.map(({ number, indent, bullet, content, gap }) => ({ number, indent, bullet, content, gap }))).toEqual([
      { number: 1, indent: 0, bullet: undefined, content: 'Day 1', gap: 0 },
      { number: 4, indent: 2, bullet: '•', content: 'Commission 1', gap: 2 },
      { number: 5, indent: 4, bullet: '-', content: 'Ms A Dube', gap: 0 },
      { number: 6, indent: 0, bullet: '*', content: 'allows members to', gap: 0 },
      { number: 7, indent: 0, bullet: undefined, content: 'meet', gap: 0 },
    ]);
  });

  it('sets the site chrome aside and keeps the "Last update" line to date the page', () => {
    const source = readLines(
      'Title\n\nLast update: 31 August 2011\n\n*Having trouble viewing this site? Please upgrade.\nBody\nShare this page\n\nSimilar categories to explore\nOther page',
    );
    expect(source.lines.map((line) => line.content)).toEqual(['Title', 'Body']);
    expect(source.lastUpdate?.content).toBe('Last update: 31 August 2011');
    expect(readLines('Profile\nCheck Also\nCentral Database Applicable').lines.map((line) => line.content)).toEqual(['Profile']);
  });

  it('quotes verbatim, non-breaking spaces and Windows line breaks included', () => {
    const text = 'Theme: Leading\r\n\u00A0 the way\u00A0\r\nNext';
    const source = readLines(text);
    expect(source.lines[1]!.content).toBe('the way');
    const excerpt = quote(source, source.lines[0]!, source.lines[1]!);
    expect(excerpt).toBe('Theme: Leading\r\n\u00A0 the way');
    expect(text).toContain(excerpt);
  });
});

describe('dates', () => {
  it.each([
    ['12 Sep 2007 - 14 Sep 2007', '2007-09-12', '2007-09-14'],
    ['12 to 14 September 2007', '2007-09-12', '2007-09-14'],
    ['20-21 September 2006', '2006-09-20', '2006-09-21'],
    ['20 – 21 September 2006', '2006-09-20', '2006-09-21'],
    ['27 July 2007', '2007-07-27', '2007-07-27'],
    ['3 October 2008', '2008-10-03', '2008-10-03'],
    ['30 September - 2 October 2008', '2008-09-30', '2008-10-02'],
    ['September 20-21, 2006', '2006-09-20', '2006-09-21'],
    ['Wednesday, 1 October 2008', '2008-10-01', '2008-10-01'],
    ['1st October 2008', '2008-10-01', '2008-10-01'],
    ['29 February 2008', '2008-02-29', '2008-02-29'],
    ['2008-10-01', '2008-10-01', '2008-10-01'],
  ])('reads "%s"', (written, start, end) => {
    expect(parseDateRange(written)).toEqual({ start, end });
  });

  it.each([
    ['31 September 2008', '31 September 2008 is not a calendar date (September 2008 has 30 days)'],
    ['29 February 2007', '29 February 2007 is not a calendar date (February 2007 has 28 days)'],
    ['2008-09-31', '31 September 2008 is not a calendar date (September 2008 has 30 days)'],
    ['14 Sep 2007 - 12 Sep 2007', 'the period ends (2007-09-12) before it starts (2007-09-14)'],
    ['Tuesday, 1 October 2008', '2008-10-01 was a Wednesday, not a Tuesday'],
  ])('rejects the impossible "%s"', (written, problem) => {
    expect(parseDateRange(written)).toEqual({ problem });
  });

  it.each(['12 to 14 Sept', 'Cape Sun hotel', '8 Principles'])('does not take "%s" for a date', (written) => {
    expect(parseDateRange(written)).toBeUndefined();
  });
});

describe('attendance', () => {
  it.each([
    ['A total of ±400 senior managers in the Public Service are yearly given the opportunity to attend.', 400],
    ['A total of \uFFFD400 senior\nmanagers in the Public Service', 400],
    ['About 450 delegates from national and provincial departments', 450],
    ['some 1 200 participants', 1200],
    ['400 delegates', 400],
  ])('finds the count in "%s"', (passage, count) => {
    expect(findAttendance(passage)?.count).toBe(count);
  });

  it.each(['since the introduction of the SMS framework in 2001 senior managers', '8 Principles', 'a total of 400 pages'])(
    'finds no count in "%s"',
    (passage) => {
      expect(findAttendance(passage)).toBeUndefined();
    },
  );

  it.each([
    ['±400', 400],
    ['\uFFFD400', 400],
    ['about 400', 400],
    ['400 delegates', 400],
    ['many', undefined],
  ])('reads the labelled value "%s"', (value, count) => {
    expect(parseAttendance(value)?.count).toBe(count);
  });
});

describe('person lines', () => {
  it.each([
    [
      'Ms C Clark: Deputy Director-General, Department of Public Service and Administration (DPSA)',
      { name: { written: 'Ms C Clark', honorific: 'Ms', initials: 'C', surname: 'Clark' }, position: { title: 'Deputy Director-General', acting: false, organisation: { name: 'Department of Public Service and Administration', acronym: 'DPSA' } } },
    ],
    [
      'Dr C Nwaila, Director-General, Free State',
      { name: { written: 'Dr C Nwaila', honorific: 'Dr', initials: 'C', surname: 'Nwaila' }, position: { title: 'Director-General', acting: false, organisation: { name: 'Free State' } } },
    ],
    [
      'Prof R M Levin: Director-General, Department of Public Service and Administration',
      { name: { written: 'Prof R M Levin', honorific: 'Prof', initials: 'R M', surname: 'Levin' }, position: { title: 'Director-General', acting: false, organisation: { name: 'Department of Public Service and Administration' } } },
    ],
    [
      'Mr L Mthethwa, Acting Chief Executive Officer, Centre For Public Service Innovation (CPSI)',
      { name: { written: 'Mr L Mthethwa', honorific: 'Mr', initials: 'L', surname: 'Mthethwa' }, position: { title: 'Chief Executive Officer', acting: true, organisation: { name: 'Centre For Public Service Innovation', acronym: 'CPSI' } } },
    ],
    [
      'Dr E Ijeoma, Senior Lecturer University of Pretoria',
      { name: { written: 'Dr E Ijeoma', honorific: 'Dr', initials: 'E', surname: 'Ijeoma' }, position: { title: 'Senior Lecturer', acting: false, organisation: { name: 'University of Pretoria' } } },
    ],
    [
      'Commissioner K Mashigo, Public Service Commission',
      { name: { written: 'Commissioner K Mashigo', honorific: 'Commissioner', initials: 'K', surname: 'Mashigo' }, position: { title: 'Commissioner', acting: false, organisation: { name: 'Public Service Commission' } } },
    ],
    ['Adv Misser', { name: { written: 'Adv Misser', honorific: 'Adv', surname: 'Misser' } }],
    ['Ms GJ Fraser-Moleketi', { name: { written: 'Ms GJ Fraser-Moleketi', honorific: 'Ms', initials: 'G J', surname: 'Fraser-Moleketi' } }],
    ['Dr R.M. Levin', { name: { written: 'Dr R.M. Levin', honorific: 'Dr', initials: 'R M', surname: 'Levin' } }],
    ['Ms Thandi Mokoena', { name: { written: 'Ms Thandi Mokoena', honorific: 'Ms', givenNames: 'Thandi', surname: 'Mokoena' } }],
    [
      'Mr J van der Merwe, Director (Acting), SAPS',
      { name: { written: 'Mr J van der Merwe', honorific: 'Mr', initials: 'J', surname: 'van der Merwe' }, position: { title: 'Director', acting: true, organisation: { name: 'SAPS' } } },
    ],
    [
      'Ms K Dube, Chief Director: Human Resource Management, Department of Health',
      { name: { written: 'Ms K Dube', honorific: 'Ms', initials: 'K', surname: 'Dube' }, position: { title: 'Chief Director: Human Resource Management', acting: false, organisation: { name: 'Department of Health' } } },
    ],
    [
      'Ms N Mahlangu, Minister for Public Service and Administration',
      { name: { written: 'Ms N Mahlangu', honorific: 'Ms', initials: 'N', surname: 'Mahlangu' }, position: { title: 'Minister for Public Service and Administration', acting: false } },
    ],
  ])('reads "%s"', (line, expected) => {
    expect(parsePersonLine(line)).toEqual(expected);
  });

  it('keeps the person and the organisation, but reports that an organisation given without a title makes no position', () => {
    expect(parsePersonLine('Ms B Dube, Public Service Commission')).toEqual({
      name: { written: 'Ms B Dube', honorific: 'Ms', initials: 'B', surname: 'Dube' },
      leftOut: '"Public Service Commission" is given without a position title, so no position was recorded',
      organisation: { name: 'Public Service Commission' },
    });
  });

  it.each(['Empowerment Strategies', 'Thandi Mokoena', 'Ms A B Thandi Mokoena', 'Programme to be confirmed'])('does not read "%s" as a person', (line) => {
    expect(parsePersonLine(line)).toHaveProperty('problem');
  });
});

describe('series', () => {
  it.each([
    ['Senior management service conference 2007', 'sms', 'Senior management service conference'],
    ['Free State Senior Management Service Conference 2008', 'free-state-sms', 'Free State Senior Management Service Conference'],
    ['Free State Provincial SMS Conference 2009', 'free-state-sms', 'Free State Provincial SMS Conference'],
    ['KwaZulu-Natal Senior Management Service Conference 2008', 'kwazulu-natal-sms', 'KwaZulu-Natal Senior Management Service Conference'],
    ['5th Annual SMS Conference 2010', 'sms', '5th Annual SMS Conference'],
  ])('places "%s" in series "%s"', (title, slug, name) => {
    expect(seriesOf(title)).toEqual({ slug, name });
  });
});

describe('programmes', () => {
  const programme = (text: string) => {
    const source = readLines(text);
    return parseProgramme(source, source.lines);
  };

  it('reads a flat layout: a chair, a plenary with its chair and panel, an inline commission title', () => {
    const { days, unparsed } = programme(
      [
        'Day 1',
        'Chair: Mr A Botha, Director, Department of Health',
        'Plenary: The state of the public service',
        'Chair: Ms B Dlamini',
        '• Dr C Ngcobo',
        'Commission 2: Ethics in practice',
        'Presenters: Dr D Pillay; Ms E Smit, Director, National Treasury',
      ].join('\n'),
    );
    expect(unparsed).toEqual([]);
    const [day] = days;
    expect(day!.chair?.person.name.surname).toBe('Botha');
    const [plenary, commission] = day!.sessions;
    expect(plenary!.participants.map(({ role, person }) => [role, person.name.written])).toEqual([
      ['CHAIRPERSON', 'Ms B Dlamini'],
      ['PANELLIST', 'Dr C Ngcobo'],
    ]);
    expect(commission).toMatchObject({ ref: 'day-1-commission-2', kind: 'COMMISSION', number: 2, title: 'Ethics in practice' });
    expect(commission!.participants.map(({ role, person }) => [role, person.name.written, person.position?.title])).toEqual([
      ['PRESENTER', 'Dr D Pillay', undefined],
      ['PRESENTER', 'Ms E Smit', 'Director'],
    ]);
  });

  it('reports what fits nothing, never guessing', () => {
    const { days, unparsed } = programme(
      [
        'Opening remarks',
        'Day 1',
        'Programme to be confirmed',
        'Chairperson: Ms B Dlamini',
        'Chairperson: Mr C Ngcobo',
        'Facilitator: Dr A Botha',
        '• Round table discussions: Leading change',
        '    • Thandi Mokoena',
        '• Gala dinner',
        '    Dress: formal',
        '    Music by the SAPS band',
        'Day 1',
      ].join('\n'),
    );
    expect(days).toHaveLength(1);
    expect(days[0]!.chair?.person.name.written).toBe('Ms B Dlamini');
    expect(days[0]!.sessions[1]).toMatchObject({ kind: 'GALA_DINNER', description: 'Dress: formal' });
    expect(unparsed.map(({ line, reason }) => [line, reason])).toEqual([
      [1, 'programme text before any "Day" heading'],
      [3, 'fits nothing in the programme'],
      [5, 'Day 1 already has a chair'],
      [6, 'Facilitator outside any session'],
      [8, 'not a person: no honorific (Ms, Dr, …) or initials'],
      [11, 'not understood under "Gala dinner"'],
      [12, 'Day 1 is listed twice'],
    ]);
  });

  it('reads day headings with dates, rejects wrong weekdays and ignores sentences starting with "Day"', () => {
    const { days, unparsed } = programme(
      ['Day One (Wednesday 1 October 2008)', 'Day 2 – Tuesday, 2 October 2008', 'Day one of the conference is for plenaries'].join('\n'),
    );
    expect(days.map(({ number, date }) => ({ number, date }))).toEqual([{ number: 1, date: '2008-10-01' }, { number: 2, date: undefined }]);
    expect(unparsed.map(({ line, reason }) => [line, reason])).toEqual([
      [2, '2008-10-02 was a Thursday, not a Tuesday'],
      [3, 'fits nothing in the programme'],
    ]);
  });
});

describe('drafts of unusual documents', () => {
  it('reports a second sub-theme, a label without a value and an impossible update date', () => {
    const text = [
      'Gauteng SMS Conference 2010',
      '',
      'Date: 12 and 13 May 2010',
      'Venue:',
      'Expected attendance: about 300',
      '',
      'Day 1',
      'Sub-theme: Leading change',
      'Sub-theme: Managing change',
      '',
      'Last update: 31 June 2010',
    ].join('\n');
    const { draft, unparsed } = extractDraft(text, { sourceKey: 'gauteng-2010', sourceFile: 'sources/gauteng-2010.txt' });
    expect(draft.conferences[0]).toMatchObject({ series: 'gauteng-sms', year: 2010, startDate: '2010-05-12', endDate: '2010-05-13', expectedAttendance: 300 });
    expect(draft.conferences[0]!.days[0]!.subTheme).toBe('Leading change');
    expect(unparsed.map(({ line, reason }) => [line, reason])).toEqual([
      [4, 'venue label without a venue'],
      [9, 'Day 1 already has a sub-theme'],
      [11, '31 June 2010 is not a calendar date (June 2010 has 30 days)'],
    ]);
    expect(draft.sources[0]!.updatedOn).toBeUndefined();
  });

  it('reads commissions indented under their breakaway, a keynote named by its speaker and an issue date on the issuer\'s line', () => {
    const text = [
      'Eastern Cape Senior Management Service Conference 2010',
      '',
      'Date: 30 September - 2 October 2010',
      '',
      'Programme',
      '',
      'Day 1',
      '• Keynote address',
      '    Keynote speaker: Mr N Kwelita, Premier, Eastern Cape',
      '• Breakaway sessions',
      '    • Commission 1',
      '        • Supply chain management',
      '    • Commission 2',
      '• Lunch',
      '',
      'Issued by: Office of the Premier, 1 September 2010',
    ].join('\n');
    const { draft, unparsed } = extractDraft(text, { sourceKey: 'eastern-cape-2010', sourceFile: 'sources/eastern-cape-2010.txt' });
    expect(unparsed).toEqual([]);
    expect(draft.sources[0]).toMatchObject({ kind: 'MEDIA_STATEMENT', issuedOn: '2010-09-01', publisher: 'office-of-the-premier' });
    const [keynote, breakaway, lunch] = draft.conferences[0]!.days[0]!.sessions;
    expect(keynote).toMatchObject({ ref: 'day-1-keynote', kind: 'KEYNOTE', title: 'Keynote address', participants: [{ person: 'kwelita-n', role: 'KEYNOTE_SPEAKER', position: 'premier-eastern-cape' }] });
    expect(breakaway!.children.map(({ ref, title }) => [ref, title])).toEqual([
      ['day-1-commission-1', 'Supply chain management'],
      ['day-1-commission-2', 'Commission 2'],
    ]);
    expect(lunch).toMatchObject({ ref: 'day-1-lunch', kind: 'OTHER', title: 'Lunch' });
  });
});
