import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import { startTestApp, type GraphQLResponse, type TestApp } from './support/app.js';

/**
 * Who took part in what, in which role and in which position, read from the
 * 2007 event page's programme (data/sources/sms-2007-event-page.txt).
 */

const PresentedWhatParticipations = graphql(`
  query PresentedWhatParticipations($name: String!, $role: ParticipationRole, $first: Int, $after: String) {
    people(filter: { name: $name }) {
      nodes {
        displayName
        participations(role: $role, first: $first, after: $after) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            role
            session {
              ref
              title
              conference {
                year
              }
            }
            day {
              number
              conference {
                year
              }
            }
            position {
              title
              acting
              asOf
              organisation {
                name
                acronym
              }
            }
            citations {
              excerpt
            }
          }
        }
      }
    }
  }
`);

const PresentedWhatOrganisation = graphql(`
  query PresentedWhatOrganisation($name: String!) {
    organisations(filter: { name: $name }) {
      nodes {
        name
        people {
          totalCount
          nodes {
            displayName
            positions {
              title
              acting
              organisation {
                name
              }
            }
          }
        }
        sessions {
          totalCount
          nodes {
            ref
            title
            conference {
              year
            }
          }
        }
      }
    }
  }
`);

const PresentedWhatOnATopic = graphql(`
  query PresentedWhatOnATopic($topicSlug: String!) {
    sessions(filter: { topicSlug: $topicSlug, role: PRESENTER, fromYear: 2001, toYear: 2007 }) {
      totalCount
      nodes {
        title
        conference {
          year
          documentation
        }
        participants(role: PRESENTER) {
          person {
            displayName
          }
          position {
            title
            organisation {
              name
            }
          }
        }
      }
    }
  }
`);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

function dataOf<T>(response: GraphQLResponse<T>): T {
  expect(response.errors).toBeUndefined();
  return response.data!;
}

async function participationsOf(name: string, extra: { role?: 'PRESENTER' | 'CHAIRPERSON' | 'PANELLIST'; first?: number; after?: string } = {}) {
  const people = dataOf(await app.graphql(PresentedWhatParticipations, { name, ...extra })).people.nodes;
  expect(people).toHaveLength(1);
  return people[0]!;
}

async function organisation(name: string) {
  const nodes = dataOf(await app.graphql(PresentedWhatOrganisation, { name })).organisations.nodes;
  const found = nodes.find((candidate) => candidate.name === name);
  expect(found, name).toBeDefined();
  return found!;
}

const DPSA = { name: 'Department of Public Service and Administration', acronym: 'DPSA' };

describe("a person's participations", () => {
  it('gives Prof Levin a Day 1 panel seat without a position, then Commission 2 as Director-General', async () => {
    const levin = await participationsOf('Levin');
    expect(levin.displayName).toBe('Prof R M Levin');
    expect(levin.participations.totalCount).toBe(2);
    expect(levin.participations.nodes).toEqual([
      {
        role: 'PANELLIST',
        session: {
          ref: 'day-1-round-table',
          title: 'Responding to Leadership Development in the Public Service in consideration of the Global challenges',
          conference: { year: 2007 },
        },
        day: null,
        position: null,
        citations: [{ excerpt: '• Prof R M Levin' }],
      },
      {
        role: 'PRESENTER',
        session: { ref: 'day-1-commission-2', title: 'Leadership Challenges in the Single Public Service', conference: { year: 2007 } },
        day: null,
        position: { title: 'Director-General', acting: false, asOf: '2007-09-12', organisation: DPSA },
        citations: [{ excerpt: 'Presenter: Prof R M Levin: Director-General, Department of Public Service and Administration' }],
      },
    ]);
  });

  it('gives Ms Clark the Day 1 chair as Deputy Director-General, then a Day 2 panel seat without a position', async () => {
    const clark = await participationsOf('Clark');
    expect(clark.displayName).toBe('Ms C Clark');
    expect(clark.participations.nodes).toEqual([
      {
        role: 'CHAIRPERSON',
        session: null,
        day: { number: 1, conference: { year: 2007 } },
        position: { title: 'Deputy Director-General', acting: false, asOf: '2007-09-12', organisation: DPSA },
        citations: [{ excerpt: 'Chairperson: Ms C Clark: Deputy Director-General, Department of Public Service and Administration (DPSA)' }],
      },
      {
        role: 'PANELLIST',
        session: {
          ref: 'day-2-round-table',
          title: 'The leadership pipeline in the Public Service: Implications for Public Service Managers',
          conference: { year: 2007 },
        },
        day: null,
        position: null,
        citations: [{ excerpt: '• Ms C Clark' }],
      },
    ]);
  });

  it('keeps the position a source gave at that place: "Acting Chief Executive Officer" for Mr Mthethwa', async () => {
    const mthethwa = await participationsOf('Mthethwa');
    expect(mthethwa.participations.nodes.map((participation) => [participation.role, participation.session?.ref, participation.position])).toEqual([
      [
        'FACILITATOR',
        'day-1-commission-1',
        {
          title: 'Chief Executive Officer',
          acting: true,
          asOf: '2007-09-12',
          organisation: { name: 'Centre for Public Service Innovation', acronym: 'CPSI' },
        },
      ],
    ]);
  });

  it('filters participations by role', async () => {
    const levinPresenting = await participationsOf('Levin', { role: 'PRESENTER' });
    expect(levinPresenting.participations.totalCount).toBe(1);
    expect(levinPresenting.participations.nodes.map((participation) => participation.session?.ref)).toEqual(['day-1-commission-2']);

    const levinOnPanels = await participationsOf('Levin', { role: 'PANELLIST' });
    expect(levinOnPanels.participations.nodes.map((participation) => participation.session?.ref)).toEqual(['day-1-round-table']);

    const clarkPresenting = await participationsOf('Clark', { role: 'PRESENTER' });
    expect(clarkPresenting.participations.totalCount).toBe(0);
    expect(clarkPresenting.participations.nodes).toEqual([]);

    const clarkChairing = await participationsOf('Clark', { role: 'CHAIRPERSON' });
    expect(clarkChairing.participations.nodes.map((participation) => [participation.role, participation.day?.number])).toEqual([['CHAIRPERSON', 1]]);
  });

  it('pages through participations in date order', async () => {
    const first = await participationsOf('Levin', { first: 1 });
    expect(first.participations.nodes.map((participation) => participation.session?.ref)).toEqual(['day-1-round-table']);
    expect(first.participations.pageInfo.hasNextPage).toBe(true);
    const second = await participationsOf('Levin', { first: 1, after: first.participations.pageInfo.endCursor! });
    expect(second.participations.nodes.map((participation) => participation.session?.ref)).toEqual(['day-1-commission-2']);
    expect(second.participations.pageInfo.hasNextPage).toBe(false);
  });
});

describe("an organisation's people and sessions", () => {
  it('lists the DPSA people, by surname, through the positions the programme gives them there', async () => {
    const dpsa = await organisation('Department of Public Service and Administration');
    expect(dpsa.people.totalCount).toBe(3);
    expect(dpsa.people.nodes).toEqual([
      {
        displayName: 'Ms C Clark', // Chairperson of Day 1
        positions: [{ title: 'Deputy Director-General', acting: false, organisation: { name: DPSA.name } }],
      },
      {
        displayName: 'Dr E Kornegay', // Facilitator of the Day 2 round table
        positions: [{ title: 'Deputy Director-General', acting: false, organisation: { name: DPSA.name } }],
      },
      {
        displayName: 'Prof R M Levin', // Presenter of Commission 2
        positions: [{ title: 'Director-General', acting: false, organisation: { name: DPSA.name } }],
      },
    ]);
  });

  it("lists the DPSA sessions in programme order: those its people took part in while in a position there", async () => {
    const dpsa = await organisation('Department of Public Service and Administration');
    // Commission 2 (Prof Levin, Director-General) and the Day 2 round table (Dr Kornegay, Deputy Director-General).
    // Ms Clark's Day 1 chair is not a session, and on the Day 2 panel the programme gives her no position.
    expect(dpsa.sessions.totalCount).toBe(2);
    expect(dpsa.sessions.nodes).toEqual([
      { ref: 'day-1-commission-2', title: 'Leadership Challenges in the Single Public Service', conference: { year: 2007 } },
      {
        ref: 'day-2-round-table',
        title: 'The leadership pipeline in the Public Service: Implications for Public Service Managers',
        conference: { year: 2007 },
      },
    ]);
  });

  it('does the same for SAPS, the CPSI and the Free State', async () => {
    const saps = await organisation('South African Police Service');
    // "Ms M Nchwe, Deputy Director-General, SAPS" facilitated Commission 2; "Dr M Singh, Deputy Commissioner, SAPS" chaired Day 2.
    expect(saps.people.nodes.map((person) => person.displayName)).toEqual(['Ms M Nchwe', 'Dr M Singh']);
    expect(saps.sessions.nodes.map((session) => session.ref)).toEqual(['day-1-commission-2']);

    const cpsi = await organisation('Centre for Public Service Innovation');
    expect(cpsi.people.nodes.map((person) => person.displayName)).toEqual(['Mr L Mthethwa']);
    expect(cpsi.sessions.nodes.map((session) => session.ref)).toEqual(['day-1-commission-1']);

    const freeState = await organisation('Free State Provincial Government');
    expect(freeState.people.nodes.map((person) => person.displayName)).toEqual(['Dr C Nwaila']);
    expect(freeState.sessions.nodes.map((session) => session.ref)).toEqual(['day-1-round-table']);

    // Nobody from the municipal department appears in a programme.
    const department = await organisation('Strategic Executive Management Services');
    expect(department.people.totalCount).toBe(0);
    expect(department.sessions.totalCount).toBe(0);
  });
});

describe('who presented on a topic, and in which years', () => {
  it('answers for organisational performance management in one query', async () => {
    const answer = dataOf(await app.graphql(PresentedWhatOnATopic, { topicSlug: 'organisational-performance-management' })).sessions;
    // "Commission 1 • Organisational Performance Management ... Presenter: Dr E Ijeoma, Senior Lecturer University of Pretoria"
    expect(answer).toEqual({
      totalCount: 1,
      nodes: [
        {
          title: 'Organisational Performance Management',
          conference: { year: 2007, documentation: 'DOCUMENTED' },
          participants: [
            { person: { displayName: 'Dr E Ijeoma' }, position: { title: 'Senior Lecturer', organisation: { name: 'University of Pretoria' } } },
          ],
        },
      ],
    });
  });

  it('answers for leadership development: Commission 2 and Commission 3', async () => {
    const answer = dataOf(await app.graphql(PresentedWhatOnATopic, { topicSlug: 'leadership-development' })).sessions;
    expect(answer.nodes.map((session) => [session.title, session.conference.year, session.participants.map((participant) => participant.person.displayName)])).toEqual([
      ['Leadership Challenges in the Single Public Service', 2007, ['Prof R M Levin']],
      ["Women in Leadership - SMS Women's Forum", 2007, ['Commissioner K Mashigo']],
    ]);
    expect(answer.nodes[1]!.participants[0]!.position).toEqual({ title: 'Commissioner', organisation: { name: 'Public Service Commission' } });
  });

  it('finds no presenter for a topic carried only by an organisation', async () => {
    const answer = dataOf(await app.graphql(PresentedWhatOnATopic, { topicSlug: 'risk-management' })).sessions;
    expect(answer).toEqual({ totalCount: 0, nodes: [] });
  });
});
