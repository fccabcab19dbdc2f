import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import type { SeedConferenceEditionQuery, SeedConferenceProgrammeQuery } from './generated/graphql.js';
import { startTestApp, type TestApp } from './support/app.js';

/**
 * The 2007 Senior Management Service conference as its two sources describe
 * it: the DPSA event page and the DPSA media statement of 27 July 2007.
 * Every expected value below was read from data/sources/*.txt.
 */

const EVENT_PAGE = 'sms-2007-event-page';
const MEDIA_STATEMENT = 'sms-2007-media-statement';

const SeedConferenceEdition = graphql(`
  query SeedConferenceEdition($series: String!, $year: Int!) {
    conference(seriesSlug: $series, year: $year) {
      id
      title
      year
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
      focus
      background
      bookings
      objectives {
        group
        text
      }
      contacts {
        name
        phone
        email
        organisation {
          name
          acronym
        }
      }
      series {
        slug
      }
      sources {
        key
        kind
        text
      }
      citations {
        excerpt
        source {
          key
        }
      }
    }
  }
`);

graphql(`
  fragment SeedConferenceParticipant on Participation {
    role
    person {
      displayName
    }
    position {
      title
      acting
      organisation {
        name
        acronym
      }
    }
    citations {
      excerpt
      source {
        key
      }
    }
  }
`);

graphql(`
  fragment SeedConferenceSessionFields on Session {
    ref
    kind
    number
    title
    description
    keyIssues
    participants {
      ...SeedConferenceParticipant
    }
    citations {
      excerpt
      source {
        key
      }
    }
  }
`);

const SeedConferenceProgramme = graphql(`
  query SeedConferenceProgramme($series: String!, $year: Int!) {
    conference(seriesSlug: $series, year: $year) {
      days {
        number
        subTheme
        chair {
          ...SeedConferenceParticipant
        }
        citations {
          excerpt
          source {
            key
          }
        }
        sessions {
          ...SeedConferenceSessionFields
          children {
            ...SeedConferenceSessionFields
            parent {
              title
            }
            children {
              ref
            }
          }
        }
      }
    }
  }
`);

type Edition = NonNullable<SeedConferenceEditionQuery['conference']>;
type Day = NonNullable<SeedConferenceProgrammeQuery['conference']>['days'][number];
type ProgrammeSession = Day['sessions'][number];
type Participant = ProgrammeSession['participants'][number];
type CitationLike = { excerpt: string; source: { key: string } };

/** Who took part, as "ROLE displayName (title, organisation)". */
function describeParticipant(participant: Participant): string {
  const position = participant.position;
  const where = position
    ? ` (${position.acting ? 'Acting ' : ''}${position.title}${position.organisation ? `, ${position.organisation.name}` : ''})`
    : '';
  return `${participant.role} ${participant.person.displayName}${where}`;
}

/** The sources (by key) of the citations whose excerpt contains `words`. */
function sourcesCiting(citations: CitationLike[], words: string): string[] {
  return [...new Set(citations.filter((citation) => citation.excerpt.includes(words)).map((citation) => citation.source.key))].sort();
}

let app: TestApp;
let edition: Edition;
let days: Day[];

beforeAll(async () => {
  app = await startTestApp();
  const [editionResponse, programmeResponse] = await Promise.all([
    app.graphql(SeedConferenceEdition, { series: 'sms', year: 2007 }),
    app.graphql(SeedConferenceProgramme, { series: 'sms', year: 2007 }),
  ]);
  expect(editionResponse.errors).toBeUndefined();
  expect(programmeResponse.errors).toBeUndefined();
  edition = editionResponse.data!.conference!;
  days = programmeResponse.data!.conference!.days;
});
afterAll(() => app?.close());

const day = (number: number) => days.find((candidate) => candidate.number === number)!;
const breakaway = () => day(1).sessions.find((session) => session.kind === 'BREAKAWAY')!;
const commission = (number: number) => breakaway().children.find((child) => child.number === number)!;

describe('the 2007 SMS conference: what, when, where and for whom', () => {
  it('is the Senior Management Service Conference 2007 of the "sms" series', () => {
    expect(edition.title).toBe('Senior Management Service Conference 2007');
    expect(edition.year).toBe(2007);
    expect(edition.series.slug).toBe('sms');
  });

  it('has the theme "Performance and leadership development management in the 21st Century: …" on one line', () => {
    expect(edition.theme).toBe(
      'Performance and leadership development management in the 21st Century: Best practice and implication for service delivery improvement',
    );
  });

  it('runs from 12 to 14 September 2007', () => {
    expect(edition.startDate).toBe('2007-09-12');
    expect(edition.endDate).toBe('2007-09-14');
  });

  it('takes place at the Cape Sun Hotel in Cape Town', () => {
    expect(edition.venue).toEqual({ name: 'Cape Sun Hotel', city: 'Cape Town' });
  });

  it('is meant for senior managers in the Public Service, about 400 of them', () => {
    expect(edition.audience).toBe('Senior managers in the Public Service');
    expect(edition.expectedAttendance).toBe(400);
  });

  it('is documented by its own sources, the event page and the media statement', () => {
    expect(edition.documentation).toBe('DOCUMENTED');
    expect(edition.sources.map((source) => [source.key, source.kind]).sort()).toEqual([
      [EVENT_PAGE, 'EVENT_PAGE'],
      [MEDIA_STATEMENT, 'MEDIA_STATEMENT'],
    ]);
  });

  it('focuses on the Leadership Development Management Framework and Organisational Performance Management', () => {
    expect(edition.focus).toBe(
      'The 2007 SMS conference would focus on the Leadership Development Management Framework and Organisational Performance Management. ' +
        'Aspects such as best practice on performance, training and development, learning, coaching and mentoring will be discussed.',
    );
  });

  it('gives the background: an annual event since 2001, ±400 managers a year, earlier focus at tag A, the 2002 consultation', () => {
    expect(edition.background).toContain(
      'The Senior Management Service (SMS) conference is an annual event and has run since the introduction of the SMS framework in 2001.',
    );
    expect(edition.background).toContain('A total of ±400 senior managers in the Public Service are yearly given the opportunity to attend.');
    expect(edition.background).toContain('The focus of previous SMS conferences is attached at tag A.');
    expect(edition.background).toContain(
      'the only SMS conference that focused on formal consultation with SMS members was the 2002 SMS conference which consulted members on professional aspects of the SMS.',
    );
    expect(edition.background).toContain(
      'Learning and proper consultation on Performance Management, Coaching and Mentoring, Assessment and Development Centres need to happen at the SMS conference.',
    );
    expect(edition.background).not.toContain('\uFFFD');
  });

  it('says that information about bookings will be made available soon', () => {
    expect(edition.bookings).toBe('Information about bookings will be made available soon');
  });

  it('names R Singh of the DPSA as the contact, on 012 336 1241 and sms@dpsa.gov.za', () => {
    expect(edition.contacts).toEqual([
      {
        name: 'R Singh',
        phone: '012 336 1241',
        email: 'sms@dpsa.gov.za',
        organisation: { name: 'Department of Public Service and Administration', acronym: 'DPSA' },
      },
    ]);
  });
});

describe('the 2007 SMS conference: its objectives, grouped as the media statement groups them', () => {
  it('lists three Networking, two Motivational sessions and six Professionalism objectives, in that order', () => {
    expect(edition.objectives.map((objective) => objective.group)).toEqual([
      'Networking',
      'Networking',
      'Networking',
      'Motivational sessions',
      'Motivational sessions',
      'Professionalism',
      'Professionalism',
      'Professionalism',
      'Professionalism',
      'Professionalism',
      'Professionalism',
    ]);
  });

  it('states every objective as one corrected sentence under its group', () => {
    expect(edition.objectives).toEqual([
      { group: 'Networking', text: 'Allows SMS members to meet with their peers and to share experiences in order to adopt best practices.' },
      {
        group: 'Networking',
        text: 'Creates an opportunity for SMS members to meet and share experiences with international and continental speakers with regard to SMS issues.',
      },
      {
        group: 'Networking',
        text: 'Creates a space for business leaders to share business practices and principles that can benefit SMS members.',
      },
      {
        group: 'Motivational sessions',
        text: 'Creates an opportunity for SMS members to meet with the Minister for the Public Service and Administration (MPSA) and it gives the Minister an opportunity to address the delegates directly and collectively.',
      },
      {
        group: 'Motivational sessions',
        text: 'Creates an opportunity to meet other motivational speakers who can boost the morale of SMS members, including political leaders such as Ministers, MECs, Premiers, the Deputy President, and the President.',
      },
      { group: 'Professionalism', text: 'Develops a culture of professional and ethical behaviour.' },
      { group: 'Professionalism', text: 'Promotes service delivery, efficiency and effectiveness in the Public Service.' },
      { group: 'Professionalism', text: 'Creates a forum for debate and discussion on professionalism in the senior management service.' },
      { group: 'Professionalism', text: 'Evaluates the new dispensation of the SMS in order to identify gaps and possible interventions.' },
      { group: 'Professionalism', text: 'Creates learning sessions for SMS members.' },
      { group: 'Professionalism', text: 'Reviews new developments in the SMS.' },
    ]);
  });

  it('does not run "the President" into the Professionalism heading as the media statement does', () => {
    const texts = edition.objectives.map((objective) => objective.text);
    expect(texts.some((text) => text.includes('President Professionalism'))).toBe(false);
  });
});

describe('the 2007 SMS conference: Day 1', () => {
  it('has the sub-theme "Strategies to strengthen leadership development to enhance organisational performance management in the Public Service"', () => {
    expect(day(1).subTheme).toBe(
      'Strategies to strengthen leadership development to enhance organisational performance management in the Public Service',
    );
  });

  it('is chaired by Ms C Clark, Deputy Director-General of the DPSA', () => {
    expect(describeParticipant(day(1).chair!)).toBe(
      'CHAIRPERSON Ms C Clark (Deputy Director-General, Department of Public Service and Administration)',
    );
    expect(day(1).chair!.position!.organisation!.acronym).toBe('DPSA');
  });

  it('runs a round table, the breakaway commissions and a gala dinner, in that order', () => {
    expect(day(1).sessions.map((session) => [session.kind, session.title])).toEqual([
      ['ROUND_TABLE', 'Responding to Leadership Development in the Public Service in consideration of the Global challenges'],
      ['BREAKAWAY', 'Breakaway Commissions'],
      ['GALA_DINNER', 'Gala Dinner'],
    ]);
  });

  it('has its round table facilitated by Dr C Nwaila, Director-General of the Free State, with six panellists in programme order', () => {
    const roundTable = day(1).sessions[0]!;
    expect(roundTable.participants.map(describeParticipant)).toEqual([
      'FACILITATOR Dr C Nwaila (Director-General, Free State Provincial Government)',
      'PANELLIST Ms G J Fraser-Moleketi',
      'PANELLIST Ms V Petersen',
      'PANELLIST Prof R M Levin',
      'PANELLIST Prof D Argyriades',
      'PANELLIST Ms R Perez',
      'PANELLIST Ms L Msengana-Ndlela',
    ]);
  });

  it('holds Commissions 1 to 4 under "Breakaway Commissions"', () => {
    expect(breakaway().children.map((child) => [child.kind, child.number, child.title, child.parent?.title])).toEqual([
      ['COMMISSION', 1, 'Organisational Performance Management', 'Breakaway Commissions'],
      ['COMMISSION', 2, 'Leadership Challenges in the Single Public Service', 'Breakaway Commissions'],
      ['COMMISSION', 3, "Women in Leadership - SMS Women's Forum", 'Breakaway Commissions'],
      ['COMMISSION', 4, 'Commission 4', 'Breakaway Commissions'],
    ]);
    expect(breakaway().participants).toEqual([]);
  });

  it('has Commission 1 on OPM, facilitated by the Acting CEO of the CPSI and presented by a University of Pretoria senior lecturer', () => {
    expect(commission(1).participants.map(describeParticipant)).toEqual([
      'FACILITATOR Mr L Mthethwa (Acting Chief Executive Officer, Centre for Public Service Innovation)',
      'PRESENTER Dr E Ijeoma (Senior Lecturer, University of Pretoria)',
    ]);
    expect(commission(1).participants[0]!.position!.organisation!.acronym).toBe('CPSI');
    expect(commission(1).keyIssues).toEqual([
      'What Is OPM and What It Is Not - (Elements of OPM & Best Case Study Locally and Around the World.)',
      'Key Steps to Improving Service Delivery Through OPM (Implementation Challenges and Role Clarification)',
      'Linking Organisational Performance With Service Delivery Impact',
    ]);
  });

  it('has Commission 2 on the Single Public Service, facilitated by a SAPS DDG and presented by the DPSA Director-General', () => {
    expect(commission(2).participants.map(describeParticipant)).toEqual([
      'FACILITATOR Ms M Nchwe (Deputy Director-General, South African Police Service)',
      'PRESENTER Prof R M Levin (Director-General, Department of Public Service and Administration)',
    ]);
    expect(commission(2).participants[0]!.position!.organisation!.acronym).toBe('SAPS');
    expect(commission(2).keyIssues).toEqual([
      'Implications of the Single Public Service',
      'Key Challenges and Elements of A Single Public Service and Its Impact on Leadership',
    ]);
  });

  it('has Commission 3, the SMS Women\'s Forum, facilitated by the DG of Sport and Recreation SA and presented by a Public Service Commissioner', () => {
    expect(commission(3).participants.map(describeParticipant)).toEqual([
      'FACILITATOR Ms X Sibeko (Director-General, Sport and Recreation South Africa)',
      'PRESENTER Commissioner K Mashigo (Commissioner, Public Service Commission)',
    ]);
    expect(commission(3).keyIssues).toEqual([
      'Empowerment Strategies',
      '8 Principles',
      'Leadership Pipeline For Women',
      'Support Structures For Women',
    ]);
  });

  it('records Commission 4 as listed but empty: no participants, no key issues, no sub-sessions', () => {
    expect(commission(4).participants).toEqual([]);
    expect(commission(4).keyIssues).toEqual([]);
    expect(commission(4).children).toEqual([]);
    expect(sourcesCiting(commission(4).citations, 'Commission 4')).toEqual([EVENT_PAGE]);
  });

  it('ends with a gala dinner that launched the Draft Leadership Development Management Strategic Framework', () => {
    const dinner = day(1).sessions.find((session) => session.kind === 'GALA_DINNER')!;
    expect(dinner.title).toBe('Gala Dinner');
    expect(dinner.description).toBe(
      'Launch of the Draft Leadership Development Management Strategic Framework for Senior Managers in the Public Service',
    );
    expect(dinner.participants).toEqual([]);
  });
});

describe('the 2007 SMS conference: Day 2', () => {
  it('has the sub-theme with "continuous" spelt correctly', () => {
    expect(day(2).subTheme).toBe('Creation of a culture of continuous learning and development - Management implications');
  });

  it('is chaired by Dr M Singh, Deputy Commissioner of the SAPS', () => {
    expect(describeParticipant(day(2).chair!)).toBe('CHAIRPERSON Dr M Singh (Deputy Commissioner, South African Police Service)');
    expect(day(2).chair!.position!.organisation!.acronym).toBe('SAPS');
  });

  it('has one round table, titled with "Service" mended where the page writes "Ser vice"', () => {
    expect(day(2).sessions.map((session) => [session.kind, session.title])).toEqual([
      ['ROUND_TABLE', 'The leadership pipeline in the Public Service: Implications for Public Service Managers'],
    ]);
  });

  it('has its round table facilitated by Dr E Kornegay of the DPSA, with five panellists in programme order', () => {
    expect(day(2).sessions[0]!.participants.map(describeParticipant)).toEqual([
      'FACILITATOR Dr E Kornegay (Deputy Director-General, Department of Public Service and Administration)',
      'PANELLIST Ms C Clark',
      'PANELLIST Dr M Orkin',
      'PANELLIST Adv Misser',
      'PANELLIST Mr Manyi',
      'PANELLIST Ms Hefele',
    ]);
  });

  it('has the Day 1 chair back as a Day 2 panellist', () => {
    const day1Chair = day(1).chair!.person.displayName;
    const day2Panel = day(2).sessions[0]!.participants.filter((p) => p.role === 'PANELLIST').map((p) => p.person.displayName);
    expect(day1Chair).toBe('Ms C Clark');
    expect(day2Panel).toContain('Ms C Clark');
  });
});

describe('the 2007 SMS conference: the sources are kept verbatim', () => {
  const sourceText = (key: string) => edition.sources.find((source) => source.key === key)!.text;

  it('keeps the media statement\'s mis-encoded "\uFFFD400" in its text, and the event page\'s "±400"', () => {
    expect(sourceText(MEDIA_STATEMENT)).toContain('A total of \uFFFD400 senior\nmanagers in the Public Service');
    expect(sourceText(EVENT_PAGE)).toContain('A total of ±400 senior managers in the Public Service');
  });

  it('keeps "continuoues" and "Public Ser vice" in the event page text', () => {
    expect(sourceText(EVENT_PAGE)).toContain('Sub Theme: Creation of a culture of continuoues learning and development - Management implications');
    expect(sourceText(EVENT_PAGE)).toContain('The leadership pipeline in the Public Ser vice: Implications for Public Service Managers');
  });

  it('keeps the contact e-mail as the media statement writes it, "Sms@dpsa.gov.za"', () => {
    expect(sourceText(MEDIA_STATEMENT)).toContain('Contact details:\nR Singh\nTel: 012 336 1241\nE-mail: Sms@dpsa.gov.za');
  });
});

describe('the 2007 SMS conference: citations', () => {
  function everyCitation(): Array<CitationLike & { where: string }> {
    const all: Array<CitationLike & { where: string }> = [];
    const add = (where: string, citations: CitationLike[]) => citations.forEach((citation) => all.push({ ...citation, where }));
    add('conference', edition.citations);
    for (const oneDay of days) {
      add(`day ${oneDay.number}`, oneDay.citations);
      if (oneDay.chair) add(`day ${oneDay.number} chair`, oneDay.chair.citations);
      for (const session of oneDay.sessions) {
        for (const each of [session, ...session.children]) {
          add(each.ref, each.citations);
          each.participants.forEach((participant) => add(`${each.ref} ${participant.person.displayName}`, participant.citations));
        }
      }
    }
    return all;
  }

  it('quotes every excerpt (conference, days, chairs, sessions, participants) verbatim from its Source.text', () => {
    const texts = new Map(edition.sources.map((source) => [source.key, source.text]));
    const citations = everyCitation();
    expect(citations.length).toBeGreaterThan(40);
    const notVerbatim = citations
      .filter((citation) => !(texts.get(citation.source.key) ?? '').includes(citation.excerpt))
      .map((citation) => `${citation.where}: ${citation.source.key}: ${JSON.stringify(citation.excerpt)}`);
    expect(notVerbatim).toEqual([]);
  });

  it('finds a citation\'s excerpt in the Source.text fetched on its own', async () => {
    const Source = graphql(`
      query SeedConferenceCitedSource($series: String!, $year: Int!) {
        conference(seriesSlug: $series, year: $year) {
          citations {
            excerpt
            source {
              key
              text
              checksum
            }
          }
        }
      }
    `);
    const response = await app.graphql(Source, { series: 'sms', year: 2007 });
    expect(response.errors).toBeUndefined();
    const attendance = response.data!.conference!.citations.find(
      (citation) => citation.source.key === MEDIA_STATEMENT && citation.excerpt.includes('400'),
    )!;
    expect(attendance.excerpt).toBe('A total of \uFFFD400 senior\nmanagers in the Public Service are yearly given the opportunity to attend.');
    expect(attendance.source.text.includes(attendance.excerpt)).toBe(true);
    expect(attendance.source.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('cites the theme from both 2007 documents', () => {
    expect(sourcesCiting(edition.citations, 'Best practice and implication for service delivery improvement')).toEqual([
      EVENT_PAGE,
      MEDIA_STATEMENT,
    ]);
  });

  it('cites the dates and the venue from both 2007 documents', () => {
    expect(sourcesCiting(edition.citations, 'Venue: Cape Sun hotel, Cape Town')).toEqual([EVENT_PAGE, MEDIA_STATEMENT]);
    const dateCitations = edition.citations.filter((citation) => citation.excerpt.startsWith('Date: 12'));
    expect(dateCitations.map((citation) => [citation.source.key, citation.excerpt]).sort()).toEqual([
      [EVENT_PAGE, 'Date: 12 Sep 2007 - 14 Sep 2007'],
      [MEDIA_STATEMENT, 'Date: 12 to 14 September 2007'],
    ]);
  });

  it('cites the expected attendance from both documents, each with its own "400"', () => {
    expect(sourcesCiting(edition.citations, '±400')).toEqual([EVENT_PAGE]);
    expect(sourcesCiting(edition.citations, '\uFFFD400')).toEqual([MEDIA_STATEMENT]);
  });

  it('cites the bookings note and the contact from the media statement only', () => {
    expect(sourcesCiting(edition.citations, 'Information about bookings will be made available soon')).toEqual([MEDIA_STATEMENT]);
    expect(sourcesCiting(edition.citations, 'R Singh')).toEqual([MEDIA_STATEMENT]);
  });

  it('cites the Day 2 sub-theme from the event page as it is spelt there, "continuoues"', () => {
    expect(sourcesCiting(day(2).citations, 'culture of continuoues learning')).toEqual([EVENT_PAGE]);
  });

  it('cites the Day 2 round table with the page\'s "Public Ser vice"', () => {
    expect(sourcesCiting(day(2).sessions[0]!.citations, 'The leadership pipeline in the Public Ser vice')).toEqual([EVENT_PAGE]);
  });

  it('cites each chair with the chairperson line of the event page', () => {
    expect(day(1).chair!.citations).toEqual([
      {
        excerpt: 'Chairperson: Ms C Clark: Deputy Director-General, Department of Public Service and Administration (DPSA)',
        source: { key: EVENT_PAGE },
      },
    ]);
    expect(day(2).chair!.citations).toEqual([
      { excerpt: 'Chairperson: Dr M Singh, Deputy Commissioner, SAPS', source: { key: EVENT_PAGE } },
    ]);
  });

  it('cites the gala dinner with its line of the programme', () => {
    const dinner = day(1).sessions.find((session) => session.kind === 'GALA_DINNER')!;
    expect(sourcesCiting(dinner.citations, 'Gala Dinner – Launch of the Draft Leadership Development Management Strategic Framework')).toEqual([
      EVENT_PAGE,
    ]);
  });
});
