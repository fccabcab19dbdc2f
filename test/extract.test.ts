import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCorpus, walkSessions } from '../src/ingest/check-corpus.js';
import { corpusFileSchema, type CorpusFile, type SessionInput } from '../src/ingest/corpus.schema.js';
import { extractDraft } from '../src/ingest/extract/extract-draft.js';
import { parseCorpusFile } from '../src/ingest/read-corpus.js';

/**
 * Drafts extracted from the seed sources (data/sources) and from documents
 * written for these tests in the same styles (test/fixtures/documents). Every
 * expected value below was read from the document under test.
 */

const root = new URL('../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

function extract(path: string, sourceKey: string, seriesSlug?: string) {
  const text = read(path);
  const { draft, unparsed } = extractDraft(text, { sourceKey, sourceFile: path.replace(/^data\//, ''), ...(seriesSlug ? { seriesSlug } : {}) });
  const conference = draft.conferences[0];
  const sessions = new Map(
    (conference?.days ?? []).flatMap((day) => [...walkSessions(day.sessions, '')].map(({ session }) => [session.ref, session] as const)),
  );
  return {
    text,
    sourceKey,
    draft,
    unparsed,
    conference: conference!,
    source: draft.sources[0]!,
    session: (ref: string) => sessions.get(ref)!,
    sessionRefs: () => [...sessions.keys()],
    person: (key: string) => draft.people.find((person) => person.key === key)!,
    organisation: (key: string) => draft.organisations.find((organisation) => organisation.key === key)!,
  };
}

/** Who takes part and in what position: what a curator checks first. */
function cast(session: SessionInput) {
  return session.participants.map(({ person, role, position }) => ({ person, role, ...(position ? { position } : {}) }));
}

function curated(file: string): CorpusFile {
  return parseCorpusFile(file, read(`data/corpus/${file}`)).content;
}

const documents = {
  eventPage2007: () => extract('data/sources/sms-2007-event-page.txt', 'sms-2007-event-page'),
  mediaStatement2007: () => extract('data/sources/sms-2007-media-statement.txt', 'sms-2007-media-statement'),
  profile: () => extract('data/sources/semsd-department-profile.txt', 'semsd-department-profile'),
  eventPage2008: () => extract('test/fixtures/documents/sms-2008-event-page.txt', 'sms-2008-event-page'),
  mediaStatement2006: () => extract('test/fixtures/documents/sms-2006-media-statement.txt', 'sms-2006-media-statement'),
  freeState2009: () => extract('test/fixtures/documents/free-state-sms-2009-event-page.txt', 'free-state-sms-2009-event-page'),
  limpopo2008: () => extract('test/fixtures/documents/limpopo-sms-2008-media-statement.txt', 'limpopo-sms-2008-media-statement'),
};

describe.each(Object.entries(documents))('the draft of %s', (_name, load) => {
  const document = load();

  it('is already in the shape the corpus schema produces', () => {
    expect(corpusFileSchema.parse(document.draft)).toEqual(document.draft);
  });

  it('passes the corpus check on its own, read with its source text', () => {
    expect(() =>
      checkCorpus({
        parts: [{ file: 'draft', content: corpusFileSchema.parse(document.draft) }],
        texts: new Map([[document.sourceKey, { text: document.text, checksum: '' }]]),
      }),
    ).not.toThrow();
  });

  it('quotes its source verbatim in every citation', () => {
    const excerpts: string[] = [];
    JSON.stringify(document.draft, (key, value: unknown) => {
      if (key === 'cite') excerpts.push(...(value as Array<{ excerpt: string }>).map((cite) => cite.excerpt));
      return value;
    });
    for (const excerpt of excerpts) expect(document.text).toContain(excerpt);
  });

  it('reports each unparsed line by its number, as written', () => {
    const lines = document.text.split('\n');
    for (const entry of document.unparsed) {
      expect(lines[entry.line - 1]).toContain(entry.text);
      expect(entry.reason).not.toBe('');
    }
  });
});

describe('the 2007 event page (seed)', () => {
  const page = documents.eventPage2007();

  it('is an event page, dated by its "Last update" footer', () => {
    expect(page.source).toEqual({
      key: 'sms-2007-event-page',
      title: 'Senior management service conference 2007',
      kind: 'EVENT_PAGE',
      file: 'sources/sms-2007-event-page.txt',
      updatedOn: '2011-08-31',
      annexes: [],
    });
  });

  it('reads the edition: title, theme, dates, venue, audience and attendance', () => {
    const { conference } = page;
    expect(conference).toMatchObject({
      series: 'sms',
      year: 2007,
      title: 'Senior management service conference 2007',
      theme: 'Performance and leadership development management in the 21st Century: Best practice and implication for service delivery improvement',
      startDate: '2007-09-12',
      endDate: '2007-09-14',
      venue: { name: 'Cape Sun hotel', city: 'Cape Town' },
      audience: 'Senior managers in the Public Service',
      expectedAttendance: 400,
      documentation: 'DOCUMENTED',
      sources: ['sms-2007-event-page'],
    });
    expect(page.draft.series).toEqual([{ slug: 'sms', name: 'Senior management service conference' }]);
    expect(conference.cite).toContainEqual({
      source: 'sms-2007-event-page',
      excerpt: 'A total of ±400 senior managers in the Public Service are yearly given the opportunity to attend.',
    });
  });

  it('keeps the background in paragraphs, with sentence capitals restored, and states the focus', () => {
    const paragraphs = page.conference.background!.split('\n\n');
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[0]).toContain('attend. The conferences are devoted');
    expect(page.conference.focus).toBe(
      'The 2007 SMS conference would focus on the Leadership Development Management Framework and Organisational Performance Management. Aspects such as best practice on performance, training and development, learning, coaching and mentoring will be discussed.',
    );
  });

  it('reads the objectives in order; a double blank line ends the "Motivational Sessions" group', () => {
    expect(page.conference.objectives.map((objective) => objective.group)).toEqual([
      undefined, undefined, undefined, 'Motivational Sessions', 'Motivational Sessions',
      undefined, undefined, undefined, undefined, undefined, undefined,
    ]);
    expect(page.conference.objectives[4]!.text).toBe(
      'Creates an opportunity to meet other motivational speakers who can boost the morale of SMS members, including political leaders such as Ministers, MECs, Premiers, the Deputy President, and the President.',
    );
  });

  it('reads both days with their sub-themes and chairs (spelling left for the curator)', () => {
    const [day1, day2] = page.conference.days;
    expect(day1).toMatchObject({
      number: 1,
      subTheme: 'Strategies to strengthen leadership development to enhance organisational performance management in the Public Service',
      chair: { person: 'clark-c', position: 'deputy-director-general-dpsa' },
    });
    expect(day2).toMatchObject({
      number: 2,
      subTheme: 'Creation of a culture of continuoues learning and development - Management implications',
      chair: { person: 'singh-m', position: 'deputy-commissioner-saps' },
    });
    expect(day2!.cite.map((cite) => cite.excerpt)).toEqual([
      'Day 2',
      'Sub Theme: Creation of a culture of continuoues learning and development - Management implications',
    ]);
  });

  it('reads the Day 1 round table with its facilitator and panel', () => {
    const roundTable = page.session('day-1-round-table');
    expect(roundTable).toMatchObject({
      kind: 'ROUND_TABLE',
      title: 'Responding to Leadership Development in the Public Service in consideration of the Global challenges',
    });
    expect(cast(roundTable)).toEqual([
      { person: 'nwaila-c', role: 'FACILITATOR', position: 'director-general-free-state' },
      { person: 'fraser-moleketi-g-j', role: 'PANELLIST' },
      { person: 'petersen-v', role: 'PANELLIST' },
      { person: 'levin-r-m', role: 'PANELLIST' },
      { person: 'argyriades-d', role: 'PANELLIST' },
      { person: 'perez-r', role: 'PANELLIST' },
      { person: 'msengana-ndlela-l', role: 'PANELLIST' },
    ]);
  });

  it('puts the numbered commissions under the breakaway listed beside them, the empty one included', () => {
    const breakaway = page.session('day-1-breakaway-commissions');
    expect(breakaway.kind).toBe('BREAKAWAY');
    expect(breakaway.title).toBe('Breakaway Commissions');
    expect(breakaway.children.map(({ ref, kind, number, title }) => ({ ref, kind, number, title }))).toEqual([
      { ref: 'day-1-commission-1', kind: 'COMMISSION', number: 1, title: 'Organisational Performance Management' },
      { ref: 'day-1-commission-2', kind: 'COMMISSION', number: 2, title: 'Leadership Challenges in the Single Public Service' },
      { ref: 'day-1-commission-3', kind: 'COMMISSION', number: 3, title: "Women in Leadership - SMS Women's Forum" },
      { ref: 'day-1-commission-4', kind: 'COMMISSION', number: 4, title: 'Commission 4' },
    ]);
    expect(page.session('day-1-commission-4')).toMatchObject({ keyIssues: [], participants: [], cite: [{ excerpt: '• Commission 4' }] });
  });

  it('reads a commission: facilitator, presenter and key issues', () => {
    const commission = page.session('day-1-commission-1');
    expect(cast(commission)).toEqual([
      { person: 'mthethwa-l', role: 'FACILITATOR', position: 'acting-chief-executive-officer-cpsi' },
      { person: 'ijeoma-e', role: 'PRESENTER', position: 'senior-lecturer-university-of-pretoria' },
    ]);
    expect(commission.keyIssues).toEqual([
      'What Is OPM and What It Is Not - (Elements of OPM & Best Case Study Locally and Around the World.)',
      'Key Steps to Improving Service Delivery Through OPM (Implementation Challenges and Role Clarification)',
      'Linking Organisational Performance With Service Delivery Impact',
    ]);
    expect(page.session('day-1-commission-3').keyIssues).toEqual([
      'Empowerment Strategies',
      '8 Principles',
      'Leadership Pipeline For Women',
      'Support Structures For Women',
    ]);
  });

  it('reads the gala dinner and what it launches', () => {
    expect(page.session('day-1-gala-dinner')).toMatchObject({
      kind: 'GALA_DINNER',
      title: 'Gala Dinner',
      description: 'Launch of the Draft Leadership Development Management Strategic Framework for Senior Managers in the Public Service',
    });
  });

  it('reads the Day 2 round table, whose title keeps the page\'s stray space', () => {
    const roundTable = page.session('day-2-round-table');
    expect(roundTable.title).toBe('The leadership pipeline in the Public Ser vice: Implications for Public Service Managers');
    expect(cast(roundTable)).toEqual([
      { person: 'kornegay-e', role: 'FACILITATOR', position: 'deputy-director-general-dpsa' },
      { person: 'clark-c', role: 'PANELLIST' },
      { person: 'orkin-m', role: 'PANELLIST' },
      { person: 'misser', role: 'PANELLIST' },
      { person: 'manyi', role: 'PANELLIST' },
      { person: 'hefele', role: 'PANELLIST' },
    ]);
  });

  it('parses people: honorific, initials, surname, aliases and positions', () => {
    expect(page.person('levin-r-m')).toEqual({
      key: 'levin-r-m',
      honorific: 'Prof',
      initials: 'R M',
      surname: 'Levin',
      aliases: ['Prof R M Levin'],
      positions: [
        {
          key: 'director-general-dpsa',
          title: 'Director-General',
          organisation: 'dpsa',
          acting: false,
          asOf: '2007-09-12',
          cite: [{ source: 'sms-2007-event-page', excerpt: 'Presenter: Prof R M Levin: Director-General, Department of Public Service and Administration' }],
        },
      ],
      cite: [
        { source: 'sms-2007-event-page', excerpt: '• Prof R M Levin' },
        { source: 'sms-2007-event-page', excerpt: 'Presenter: Prof R M Levin: Director-General, Department of Public Service and Administration' },
      ],
    });
    expect(page.person('fraser-moleketi-g-j')).toMatchObject({ honorific: 'Ms', initials: 'G J', surname: 'Fraser-Moleketi', aliases: ['Ms GJ Fraser-Moleketi'], positions: [] });
    expect(page.person('misser')).toEqual({
      key: 'misser', honorific: 'Adv', surname: 'Misser', aliases: ['Adv Misser'], positions: [],
      cite: [{ source: 'sms-2007-event-page', excerpt: '• Adv Misser' }],
    });
    expect(page.person('mthethwa-l').positions[0]).toMatchObject({ title: 'Chief Executive Officer', acting: true, organisation: 'cpsi' });
    expect(page.person('mashigo-k')).toMatchObject({
      honorific: 'Commissioner',
      positions: [{ key: 'commissioner-public-service-commission', title: 'Commissioner', organisation: 'public-service-commission' }],
    });
    expect(page.person('clark-c').cite.map((cite) => cite.excerpt)).toEqual([
      'Chairperson: Ms C Clark: Deputy Director-General, Department of Public Service and Administration (DPSA)',
      '• Ms C Clark',
    ]);
  });

  it('merges an organisation written with and without its acronym', () => {
    expect(page.organisation('dpsa')).toMatchObject({
      name: 'Department of Public Service and Administration',
      acronym: 'DPSA',
      kind: 'NATIONAL_DEPARTMENT',
    });
    expect(page.organisation('dpsa').cite).toHaveLength(3);
    expect(page.organisation('cpsi')).toMatchObject({ name: 'Centre For Public Service Innovation', acronym: 'CPSI' });
    expect(page.organisation('free-state')).toMatchObject({ name: 'Free State', kind: 'PROVINCIAL_GOVERNMENT', sphere: 'PROVINCIAL' });
    expect(page.organisation('university-of-pretoria').kind).toBe('UNIVERSITY');
    expect(page.organisation('saps')).toMatchObject({ name: 'SAPS', acronym: 'SAPS' });
  });

  it('leaves nothing unparsed', () => {
    expect(page.unparsed).toEqual([]);
  });

  describe('comes close to the curated corpus', () => {
    const corpusConference = curated('conferences-sms.yaml').conferences.find((conference) => conference.year === 2007)!;
    const corpusSessions = new Map(
      corpusConference.days.flatMap((day) => [...walkSessions(day.sessions, '')].map(({ session }) => [session.ref, session] as const)),
    );

    it('with the same people, positions and organisation keys', () => {
      const people = curated('people.yaml').people;
      expect(page.draft.people.map((person) => person.key).sort()).toEqual(people.map((person) => person.key).sort());
      for (const person of people) {
        expect(page.person(person.key).positions.map((position) => position.key)).toEqual(person.positions.map((position) => position.key));
      }
      const organisationKeys = curated('organisations.yaml').organisations.map((organisation) => organisation.key);
      for (const organisation of page.draft.organisations) expect(organisationKeys).toContain(organisation.key);
    });

    it('with the same sessions, kinds and participants', () => {
      expect(page.sessionRefs()).toEqual([...corpusSessions.keys()]);
      for (const [ref, session] of corpusSessions) {
        expect(page.session(ref).kind).toBe(session.kind);
        expect(cast(page.session(ref))).toEqual(cast(session));
      }
      expect(page.conference.days.map((day) => day.chair?.person)).toEqual(corpusConference.days.map((day) => day.chair?.person));
    });

    it('with the same objectives', () => {
      expect(page.conference.objectives.map((objective) => objective.text)).toEqual(corpusConference.objectives.map((objective) => objective.text));
    });
  });
});

describe('a copy of the 2007 event page saved with Windows line breaks', () => {
  const text = read('data/sources/sms-2007-event-page.txt').replace(/\n/g, '\r\n');
  const { draft, unparsed } = extractDraft(text, { sourceKey: 'sms-2007-event-page', sourceFile: 'sources/sms-2007-event-page.txt' });

  it('drafts the same records, still quoting the text verbatim', () => {
    expect(unparsed).toEqual([]);
    expect(draft).toEqual(documents.eventPage2007().draft);
    expect(() =>
      checkCorpus({ parts: [{ file: 'draft', content: draft }], texts: new Map([['sms-2007-event-page', { text, checksum: '' }]]) }),
    ).not.toThrow();
  });
});

describe('the 2007 media statement (seed)', () => {
  const statement = documents.mediaStatement2007();

  it('is a media statement with its issue date and web address', () => {
    expect(statement.source).toMatchObject({
      kind: 'MEDIA_STATEMENT',
      title: 'Public Service and Administration to hold Senior Management Service (SMS) Conference, 12 to 14 Sept',
      issuedOn: '2007-07-27',
      url: 'http://www.dpsa.gov.za',
      publisher: 'department-of-public-service-and-administration',
    });
    expect(statement.organisation('department-of-public-service-and-administration')).toMatchObject({
      name: 'Department of Public Service and Administration',
      kind: 'NATIONAL_DEPARTMENT',
      cite: [
        { excerpt: 'Issued by: Department of Public Service and Administration' },
        { excerpt: 'Source: Department of Public Service and Administration (http://www.dpsa.gov.za)' },
      ],
    });
  });

  it('reads the details, the theme over two lines and the mis-encoded "±400"', () => {
    const corpus = curated('conferences-sms.yaml').conferences.find((conference) => conference.year === 2007)!;
    expect(statement.conference).toMatchObject({
      series: 'sms',
      year: 2007,
      title: 'Senior Management Service Conference 2007',
      theme: corpus.theme,
      startDate: '2007-09-12',
      endDate: '2007-09-14',
      venue: { name: 'Cape Sun hotel', city: 'Cape Town' },
      audience: 'Senior managers in the Public Service',
      expectedAttendance: 400,
      focus: corpus.focus!.replace(/\s+/g, ' '),
      bookings: 'Information about bookings will be made available soon',
    });
    expect(statement.conference.cite).toContainEqual({
      source: 'sms-2007-media-statement',
      excerpt: 'Theme: Performance and leadership development management in the 21st Century:\nBest practice and implication for service delivery improvement',
    });
    expect(statement.conference.cite).toContainEqual({
      source: 'sms-2007-media-statement',
      excerpt: 'A total of \uFFFD400 senior\nmanagers in the Public Service are yearly given the opportunity to attend.',
    });
    expect(statement.conference.background).toContain('A total of ±400 senior managers');
  });

  it('reads the contact, for the issuing department', () => {
    expect(statement.conference.contacts).toEqual([
      { name: 'R Singh', phone: '012 336 1241', email: 'sms@dpsa.gov.za', organisation: 'department-of-public-service-and-administration' },
    ]);
    expect(statement.conference.cite).toContainEqual({
      source: 'sms-2007-media-statement',
      excerpt: 'Contact details:\nR Singh\nTel: 012 336 1241\nE-mail: Sms@dpsa.gov.za',
    });
  });

  it('reads the objectives by group, joining items wrapped over lines', () => {
    const corpus = curated('conferences-sms.yaml').conferences.find((conference) => conference.year === 2007)!;
    const objectives = statement.conference.objectives;
    expect(objectives.slice(0, 5).map((objective) => objective.group)).toEqual([
      'Networking', 'Networking', 'Networking', 'Motivational sessions', 'Motivational sessions',
    ]);
    expect(objectives[0]!.text).toBe('Allows SMS members to meet with their peers and to share experiences in order to adopt best practices.');
    const unchanged = [0, 1, 2, 3, 5, 6, 7, 8, 9, 10];
    expect(unchanged.map((index) => objectives[index]!.text)).toEqual(unchanged.map((index) => corpus.objectives[index]!.text));
  });

  it('leaves the "Professionalism" heading the statement runs into an item inside that item, for the curator', () => {
    expect(statement.conference.objectives[4]!.text).toMatch(/the President Professionalism\.$/);
    expect(statement.conference.objectives[5]!.group).toBe('Motivational sessions');
  });

  it('has no programme, names no people and leaves nothing unparsed', () => {
    expect(statement.conference.days).toEqual([]);
    expect(statement.draft.people).toEqual([]);
    expect(statement.unparsed).toEqual([]);
  });

  it('takes the series from the options when given', () => {
    const { draft } = extract('data/sources/sms-2007-media-statement.txt', 'sms-2007-media-statement', 'national-sms');
    expect(draft.conferences[0]!.series).toBe('national-sms');
    expect(draft.series).toEqual([
      { slug: 'national-sms', name: 'Senior Management Service Conference', organiser: 'department-of-public-service-and-administration' },
    ]);
  });
});

describe('the department profile (seed), which describes no conference', () => {
  const profile = documents.profile();

  it('is drafted as a source only', () => {
    expect(profile.source).toMatchObject({ kind: 'OTHER', title: 'Strategic Executive Management Services' });
    expect(profile.draft.conferences).toEqual([]);
    expect(profile.draft.people).toEqual([]);
  });

  it('leaves every line after the heading unparsed, but not the site navigation after "Check Also"', () => {
    expect(profile.unparsed).toHaveLength(13);
    expect(profile.unparsed[0]).toMatchObject({ line: 6, reason: 'no conference found: the document names no conference with a year' });
    expect(profile.unparsed.map((entry) => entry.text).join('\n')).not.toContain('Central Database');
  });
});

describe('a 2008 national event page with three days (fixture)', () => {
  const page = documents.eventPage2008();

  it('reads the edition', () => {
    expect(page.conference).toMatchObject({
      series: 'sms',
      year: 2008,
      title: 'Senior management service conference 2008',
      theme: 'Building a developmental state: Leadership for accelerated service delivery',
      startDate: '2008-10-01',
      endDate: '2008-10-03',
      venue: { name: 'Birchwood Hotel and Conference Centre', city: 'Boksburg' },
      audience: 'Senior managers in the Public Service',
      expectedAttendance: 450,
      focus: 'The 2008 SMS conference will focus on the role of senior managers in building a capable developmental state. Topics such as integrated planning, monitoring and evaluation and ethical leadership will be discussed.',
    });
    expect(page.source.updatedOn).toBe('2008-10-14');
    expect(page.conference.objectives).toEqual([
      { text: 'Strengthens the link between planning, budgeting and performance.' },
      { text: 'Provides a platform for SMS members to reflect on the Code of Conduct.' },
      { group: 'Learning and Development', text: 'Exposes SMS members to international best practice in public administration.' },
      { group: 'Learning and Development', text: 'Launches the review of the SMS competency framework.' },
    ]);
  });

  it('reads three dated days with sub-themes and chairs', () => {
    expect(page.conference.days.map(({ number, date, subTheme, chair }) => ({ number, date, subTheme, chair: chair && { person: chair.person, position: chair.position } }))).toEqual([
      { number: 1, date: '2008-10-01', subTheme: 'The developmental state and the role of the Public Service', chair: { person: 'dlamini-t', position: 'deputy-director-general-dpsa' } },
      { number: 2, date: '2008-10-02', subTheme: 'Accountability and ethics in the Senior Management Service', chair: { person: 'ramokgopa-m', position: 'acting-director-general-gauteng' } },
      { number: 3, date: '2008-10-03', subTheme: 'The way forward', chair: { person: 'clark-c', position: 'deputy-director-general-dpsa' } },
    ]);
    expect(page.person('ramokgopa-m').positions[0]).toMatchObject({ title: 'Director-General', acting: true, organisation: 'gauteng', asOf: '2008-10-02' });
  });

  it('lists the sessions of each day in programme order', () => {
    expect(page.sessionRefs()).toEqual([
      'day-1-keynote', 'day-1-round-table', 'day-1-gala-dinner',
      'day-2-breakaway-commissions', 'day-2-commission-1', 'day-2-commission-2', 'day-2-commission-3',
      'day-3-plenary', 'day-3-closing-address',
    ]);
  });

  it('reads the keynote address: its title and the speaker written after it', () => {
    const keynote = page.session('day-1-keynote');
    expect(keynote).toMatchObject({ kind: 'KEYNOTE', title: 'The Public Service we want' });
    expect(cast(keynote)).toEqual([{ person: 'mahlangu-n', role: 'KEYNOTE_SPEAKER', position: 'minister-for-public-service-and-administration' }]);
    expect(page.person('mahlangu-n').positions).toMatchObject([{ title: 'Minister for Public Service and Administration', acting: false }]);
    expect(page.person('mahlangu-n').positions[0]!.organisation).toBeUndefined();
  });

  it('reads a panellist with a surname particle', () => {
    expect(cast(page.session('day-1-round-table'))).toEqual([
      { person: 'van-der-berg-s', role: 'FACILITATOR', position: 'professor-university-of-stellenbosch' },
      { person: 'naidoo-p', role: 'PANELLIST' },
      { person: 'botha-k', role: 'PANELLIST' },
      { person: 'khumalo-mbeki-z', role: 'PANELLIST' },
    ]);
    expect(page.person('van-der-berg-s')).toMatchObject({ honorific: 'Prof', initials: 'S', surname: 'van der Berg' });
  });

  it('reads commissions with two presenters, written on two lines or as a list', () => {
    expect(cast(page.session('day-2-commission-1'))).toEqual([
      { person: 'jacobs-b', role: 'FACILITATOR', position: 'chief-director-psc' },
      { person: 'moosa-f', role: 'PRESENTER', position: 'senior-lecturer-university-of-cape-town' },
      { person: 'pillay-j', role: 'PRESENTER', position: 'commissioner-psc' },
    ]);
    expect(page.session('day-2-commission-1').keyIssues).toEqual(['Financial disclosure by senior managers', 'Conflicts of interest']);
    expect(cast(page.session('day-2-commission-2'))).toEqual([
      { person: 'sithole-d', role: 'FACILITATOR', position: 'chief-executive-officer-sita' },
      { person: 'govender-r', role: 'PRESENTER', position: 'director-the-presidency' },
      { person: 'mokoena-a', role: 'PRESENTER', position: 'deputy-director-general-national-treasury' },
    ]);
    expect(page.session('day-2-commission-3')).toMatchObject({ title: 'Commission 3', number: 3, participants: [] });
    expect(page.organisation('psc')).toMatchObject({ name: 'Public Service Commission', acronym: 'PSC' });
    expect(page.organisation('sita')).toMatchObject({ name: 'State Information Technology Agency', acronym: 'SITA' });
  });

  it('reads the plenary and the closing address of Day 3', () => {
    expect(page.session('day-3-plenary')).toMatchObject({ kind: 'PLENARY', title: 'Report-back from the commissions' });
    expect(cast(page.session('day-3-plenary'))).toEqual([{ person: 'dlamini-t', role: 'FACILITATOR' }]);
    expect(page.session('day-3-closing-address')).toMatchObject({ kind: 'ADDRESS', title: 'Closing address' });
    expect(cast(page.session('day-3-closing-address'))).toEqual([{ person: 'mahlangu-n', role: 'SPEAKER' }]);
    expect(page.person('mahlangu-n').aliases).toEqual(['Ms N Mahlangu']);
  });

  it('leaves nothing unparsed', () => {
    expect(page.unparsed).toEqual([]);
  });
});

describe('a media statement announcing the 2006 conference (fixture)', () => {
  const statement = documents.mediaStatement2006();

  it('reads "20-21 September 2006" and the other details', () => {
    expect(statement.source).toMatchObject({ kind: 'MEDIA_STATEMENT', issuedOn: '2006-08-04', url: 'http://www.dpsa.gov.za' });
    expect(statement.source.title).toBe('Public Service and Administration to host the 2006 Senior Management Service (SMS) Conference, 20-21 September');
    expect(statement.conference).toMatchObject({
      series: 'sms',
      year: 2006,
      title: 'Senior Management Service Conference 2006',
      theme: 'Mobilising the Senior Management Service for shared growth: The role of the SMS in AsgiSA',
      startDate: '2006-09-20',
      endDate: '2006-09-21',
      venue: { name: 'Durban International Convention Centre', city: 'Durban' },
      audience: 'Senior managers in national and provincial departments',
      expectedAttendance: 500,
      bookings: 'Delegates must register with their departmental training units by 25 August 2006.',
    });
    expect(statement.conference.background).toContain('Public Service. This year the conference');
  });

  it('reads the objectives under their two group headings', () => {
    expect(statement.conference.objectives).toEqual([
      { group: 'Leadership', text: 'To deepen the understanding of AsgiSA among senior managers.' },
      { group: 'Leadership', text: 'To share experiences of implementing the Batho Pele principles.' },
      { group: 'Capacity building', text: 'To introduce the new SMS competency framework.' },
      { group: 'Capacity building', text: 'To launch the Khaedu deployment programme for senior managers.' },
    ]);
  });

  it('reads two contacts, each cited by its own lines', () => {
    const organisation = 'department-of-public-service-and-administration';
    expect(statement.conference.contacts).toEqual([
      { name: 'Ms T Nkosi', phone: '012 336 1100', email: 't.nkosi@dpsa.gov.za', organisation },
      { name: 'Mr P Venter', phone: '012 336 1101', organisation },
    ]);
    expect(statement.conference.cite).toContainEqual({ source: 'sms-2006-media-statement', excerpt: 'Mr P Venter\nTel: 012 336 1101' });
  });

  it('drops the site navigation after "Share this page" and leaves nothing unparsed', () => {
    expect(statement.unparsed).toEqual([]);
  });
});

describe('a provincial SMS conference page (fixture)', () => {
  const page = documents.freeState2009();

  it('derives the provincial series from the title', () => {
    expect(page.draft.series).toEqual([{ slug: 'free-state-sms', name: 'Free State Provincial SMS Conference' }]);
    expect(page.conference).toMatchObject({
      series: 'free-state-sms',
      year: 2009,
      theme: 'Working together to build a caring provincial administration',
      startDate: '2009-09-03',
      endDate: '2009-09-04',
      venue: { name: 'Windmill Casino and Entertainment Centre', city: 'Bloemfontein' },
      audience: 'Senior managers of the Free State Provincial Government',
      expectedAttendance: 250,
    });
  });

  it('reads "Day One", "Sub-theme:" and "Chair:"', () => {
    expect(page.conference.days.map(({ number, date, subTheme, chair }) => ({ number, date, subTheme, chair: chair && { person: chair.person, position: chair.position } }))).toEqual([
      { number: 1, date: '2009-09-03', subTheme: 'Integrated service delivery in the Free State', chair: { person: 'mokoena-s', position: 'director-general-free-state-provincial-government' } },
      { number: 2, date: '2009-09-04', subTheme: 'Managing performance in the province', chair: { person: 'mofokeng-n', position: 'chief-director-office-of-the-premier' } },
    ]);
  });

  it('reads tab-indented sessions, commissions without a breakaway heading and a keynote known by its speaker', () => {
    expect(page.conference.days.map((day) => day.sessions.map(({ ref, kind, title }) => ({ ref, kind, title })))).toEqual([
      [
        { ref: 'day-1-official-opening', kind: 'ADDRESS', title: 'Official opening' },
        { ref: 'day-1-round-table', kind: 'ROUND_TABLE', title: 'Joint planning across departments' },
        { ref: 'day-1-commission-1', kind: 'COMMISSION', title: 'Health and social development' },
        { ref: 'day-1-commission-2', kind: 'COMMISSION', title: 'Rural development' },
        { ref: 'day-1-tea-break', kind: 'OTHER', title: 'Tea break' },
      ],
      [
        { ref: 'day-2-keynote', kind: 'KEYNOTE', title: 'Keynote address' },
        { ref: 'day-2-plenary', kind: 'PLENARY', title: 'Signing of performance agreements' },
      ],
    ]);
    expect(cast(page.session('day-1-official-opening'))).toEqual([{ person: 'thabethe-b', role: 'SPEAKER', position: 'premier-free-state' }]);
    expect(cast(page.session('day-1-round-table'))).toEqual([
      { person: 'venter-l', role: 'FACILITATOR', position: 'head-of-department-free-state-department-of-health' },
      { person: 'molefe-k', role: 'PANELLIST' },
      { person: 'ndlovu-p', role: 'PANELLIST' },
    ]);
    expect(cast(page.session('day-1-commission-1'))).toEqual([
      { person: 'tshabalala-a', role: 'FACILITATOR', position: 'chief-director-free-state-department-of-social-development' },
      { person: 'khoza-g', role: 'PRESENTER', position: 'acting-deputy-director-general-free-state-department-of-health' },
    ]);
    expect(cast(page.session('day-2-keynote'))).toEqual([
      { person: 'zulu-t', role: 'KEYNOTE_SPEAKER', position: 'chief-executive-officer-free-state-development-corporation' },
    ]);
  });

  it('classifies the organisations it can tell from their names', () => {
    expect(page.organisation('free-state-provincial-government')).toMatchObject({ kind: 'PROVINCIAL_GOVERNMENT', sphere: 'PROVINCIAL' });
    expect(page.organisation('university-of-the-free-state').kind).toBe('UNIVERSITY');
    expect(page.organisation('free-state-department-of-health')).toMatchObject({ kind: 'OTHER', sphere: 'PROVINCIAL' });
    expect(page.person('khoza-g').positions[0]).toMatchObject({ title: 'Deputy Director-General', acting: true });
  });

  it('leaves nothing unparsed', () => {
    expect(page.unparsed).toEqual([]);
  });
});

describe('a statement with an impossible date and lines that fit nothing (fixture)', () => {
  const statement = documents.limpopo2008();

  it('lists the bad lines by number with the reason', () => {
    expect(statement.unparsed).toEqual([
      { line: 4, text: 'Date: 31 September 2008', reason: '31 September 2008 is not a calendar date (September 2008 has 30 days)' },
      { line: 16, text: 'Programme to be confirmed', reason: 'text among the objectives that is neither a heading nor an item' },
      { line: 25, text: 'Fax: 015 287 6001', reason: 'the corpus format has no field for fax numbers' },
    ]);
  });

  it('drafts the rest, without guessing the dates', () => {
    expect(statement.conference).toMatchObject({
      series: 'limpopo-sms',
      year: 2008,
      title: 'Limpopo Senior Management Service Conference 2008',
      theme: 'Leading for a better life for all',
      venue: { name: 'Ranch Resort', city: 'Polokwane' },
      bookings: 'Bookings close on 15 September 2008.',
      objectives: [
        { text: 'Review progress on the provincial growth and development strategy.' },
        { text: 'Agree on priorities for the 2009 financial year.' },
      ],
      contacts: [{ name: 'Mr M Maluleke', phone: '015 287 6000', email: 'sms@limpopo.gov.za', organisation: 'office-of-the-premier-limpopo' }],
    });
    expect(statement.conference.startDate).toBeUndefined();
    expect(statement.conference.endDate).toBeUndefined();
    expect(statement.source).toMatchObject({ kind: 'MEDIA_STATEMENT', issuedOn: '2008-08-29', publisher: 'office-of-the-premier-limpopo' });
  });
});
