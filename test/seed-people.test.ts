import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import { startTestApp, type TestApp } from './support/app.js';

/**
 * People and organisations named by the 2007 SMS programme (event page) and
 * the district department profile, as the sources name them.
 */

graphql(`
  fragment SeedPeoplePerson on Person {
    id
    displayName
    honorific
    initials
    givenNames
    surname
    aliases
    positions {
      title
      acting
      asOf
      organisation {
        name
        acronym
      }
    }
  }
`);

const SeedPeopleByName = graphql(`
  query SeedPeopleByName($name: String!) {
    people(filter: { name: $name }) {
      totalCount
      nodes {
        ...SeedPeoplePerson
      }
    }
  }
`);

const SeedPeopleParticipations = graphql(`
  query SeedPeopleParticipations($name: String!) {
    people(filter: { name: $name }) {
      nodes {
        displayName
        participations {
          totalCount
          nodes {
            role
            day {
              number
            }
            session {
              title
              day {
                number
              }
            }
            position {
              title
              organisation {
                acronym
                name
              }
            }
          }
        }
      }
    }
  }
`);

const SeedPeopleOrganisations = graphql(`
  query SeedPeopleOrganisations($name: String!) {
    organisations(filter: { name: $name }) {
      totalCount
      nodes {
        id
        name
        acronym
        aliases
        kind
        sphere
        parent {
          name
        }
      }
    }
  }
`);

const SeedPeopleOrganisationDetail = graphql(`
  query SeedPeopleOrganisationDetail($id: ID!) {
    node(id: $id) {
      ... on Organisation {
        name
        kind
        sphere
        objectives
        priorityAreas
        parent {
          name
        }
        children {
          name
          aliases
          kind
          sphere
          parent {
            name
          }
        }
        people {
          totalCount
          nodes {
            displayName
          }
        }
        sessions {
          totalCount
          nodes {
            title
          }
        }
        citations {
          excerpt
          source {
            key
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

async function peopleNamed(name: string) {
  const response = await app.graphql(SeedPeopleByName, { name });
  expect(response.errors).toBeUndefined();
  return response.data!.people;
}

async function participationsOf(name: string) {
  const response = await app.graphql(SeedPeopleParticipations, { name });
  expect(response.errors).toBeUndefined();
  const people = response.data!.people.nodes;
  expect(people).toHaveLength(1);
  return people[0]!.participations;
}

async function organisationNamed(name: string) {
  const response = await app.graphql(SeedPeopleOrganisations, { name });
  expect(response.errors).toBeUndefined();
  return response.data!.organisations;
}

async function organisationDetail(name: string) {
  const found = await organisationNamed(name);
  expect(found.totalCount).toBe(1);
  const response = await app.graphql(SeedPeopleOrganisationDetail, { id: found.nodes[0]!.id });
  expect(response.errors).toBeUndefined();
  const node = response.data!.node;
  if (!node || !('kind' in node)) throw new Error(`${name} is not an organisation`);
  return node;
}

describe('one person, however many places name them', () => {
  it('Ms C Clark is one person: she chairs Day 1 and sits on the Day 2 panel', async () => {
    const clark = await peopleNamed('Clark');
    expect(clark.totalCount).toBe(1);
    expect(clark.nodes[0]!.displayName).toBe('Ms C Clark');
    const participations = await participationsOf('Clark');
    expect(participations.totalCount).toBe(2);
    expect(participations.nodes).toEqual([
      {
        role: 'CHAIRPERSON',
        day: { number: 1 },
        session: null,
        position: {
          title: 'Deputy Director-General',
          organisation: { acronym: 'DPSA', name: 'Department of Public Service and Administration' },
        },
      },
      {
        role: 'PANELLIST',
        day: null,
        session: { title: 'The leadership pipeline in the Public Service: Implications for Public Service Managers', day: { number: 2 } },
        position: null,
      },
    ]);
  });

  it('Ms C Clark holds the position of Deputy Director-General at the DPSA', async () => {
    const [clark] = (await peopleNamed('Clark')).nodes;
    expect(clark!.positions).toEqual([
      {
        title: 'Deputy Director-General',
        acting: false,
        asOf: '2007-09-12',
        organisation: { name: 'Department of Public Service and Administration', acronym: 'DPSA' },
      },
    ]);
  });

  it('Prof R M Levin is one person: a Day 1 round-table panellist and the Commission 2 presenter', async () => {
    const levin = await peopleNamed('Levin');
    expect(levin.totalCount).toBe(1);
    const participations = await participationsOf('Levin');
    expect(participations.nodes).toEqual([
      {
        role: 'PANELLIST',
        day: null,
        session: { title: 'Responding to Leadership Development in the Public Service in consideration of the Global challenges', day: { number: 1 } },
        position: null,
      },
      {
        role: 'PRESENTER',
        day: null,
        session: { title: 'Leadership Challenges in the Single Public Service', day: { number: 1 } },
        position: {
          title: 'Director-General',
          organisation: { acronym: 'DPSA', name: 'Department of Public Service and Administration' },
        },
      },
    ]);
  });

  it('Prof R M Levin is Director-General of the Department of Public Service and Administration', async () => {
    const [levin] = (await peopleNamed('Levin')).nodes;
    expect(levin).toMatchObject({
      displayName: 'Prof R M Levin',
      honorific: 'Prof',
      initials: 'R M',
      surname: 'Levin',
      aliases: ['Prof R M Levin'],
    });
    expect(levin!.positions).toEqual([
      {
        title: 'Director-General',
        acting: false,
        asOf: '2007-09-12',
        organisation: { name: 'Department of Public Service and Administration', acronym: 'DPSA' },
      },
    ]);
  });

  it('Dr M Singh, the Day 2 chair, is not confused with R Singh, the media contact', async () => {
    const singh = await peopleNamed('Singh');
    expect(singh.nodes.map((person) => person.displayName)).toEqual(['Dr M Singh']);
  });
});

describe('names as the programme writes them', () => {
  it('Ms GJ Fraser-Moleketi has the initials "G J" and keeps her hyphenated surname', async () => {
    const [person] = (await peopleNamed('Fraser-Moleketi')).nodes;
    expect(person).toMatchObject({
      displayName: 'Ms G J Fraser-Moleketi',
      honorific: 'Ms',
      initials: 'G J',
      givenNames: null,
      surname: 'Fraser-Moleketi',
      aliases: ['Ms GJ Fraser-Moleketi'],
      positions: [],
    });
  });

  it('Adv Misser has no initials, because the programme gives none', async () => {
    const [person] = (await peopleNamed('Misser')).nodes;
    expect(person).toMatchObject({
      displayName: 'Adv Misser',
      honorific: 'Adv',
      initials: null,
      givenNames: null,
      surname: 'Misser',
      aliases: ['Adv Misser'],
    });
  });

  it('Commissioner K Mashigo carries "Commissioner" as her honorific and as her position', async () => {
    const [person] = (await peopleNamed('Mashigo')).nodes;
    expect(person).toMatchObject({ displayName: 'Commissioner K Mashigo', honorific: 'Commissioner', initials: 'K', surname: 'Mashigo' });
    expect(person!.positions.map((position) => [position.title, position.organisation?.name])).toEqual([
      ['Commissioner', 'Public Service Commission'],
    ]);
  });

  it('Ms L Msengana-Ndlela and Mr Manyi are named as the programme names them', async () => {
    const [msengana] = (await peopleNamed('Msengana-Ndlela')).nodes;
    expect(msengana).toMatchObject({ honorific: 'Ms', initials: 'L', surname: 'Msengana-Ndlela' });
    const [manyi] = (await peopleNamed('Manyi')).nodes;
    expect(manyi).toMatchObject({ displayName: 'Mr Manyi', honorific: 'Mr', initials: null, surname: 'Manyi' });
  });

  it('Mr L Mthethwa, Acting CEO of the CPSI, holds an acting position titled Chief Executive Officer', async () => {
    const [person] = (await peopleNamed('Mthethwa')).nodes;
    expect(person!.displayName).toBe('Mr L Mthethwa');
    expect(person!.positions).toEqual([
      {
        title: 'Chief Executive Officer',
        acting: true,
        asOf: '2007-09-12',
        organisation: { name: 'Centre for Public Service Innovation', acronym: 'CPSI' },
      },
    ]);
  });
});

describe('finding people by name', () => {
  const levinFor = async (name: string) => (await peopleNamed(name)).nodes.map((person) => person.displayName);

  it('finds Prof R M Levin by "Levin"', async () => {
    expect(await levinFor('Levin')).toEqual(['Prof R M Levin']);
  });

  it('finds Prof R M Levin by "levin r", ignoring case', async () => {
    expect(await levinFor('levin r')).toEqual(['Prof R M Levin']);
  });

  it('finds Prof R M Levin by "Prof Levin", ignoring the honorific', async () => {
    expect(await levinFor('Prof Levin')).toEqual(['Prof R M Levin']);
  });

  it('finds Ms G J Fraser-Moleketi by "Fraser Moleketi", ignoring the hyphen', async () => {
    expect(await levinFor('Fraser Moleketi')).toEqual(['Ms G J Fraser-Moleketi']);
  });

  it('finds nobody by a name no source uses', async () => {
    const nobody = await peopleNamed('Mandela');
    expect(nobody.totalCount).toBe(0);
    expect(nobody.nodes).toEqual([]);
  });
});

describe('organisations as the sources name them', () => {
  it('the Department of Public Service and Administration is the national department DPSA', async () => {
    const found = await organisationNamed('DPSA');
    expect(found.nodes.map(({ name, acronym, kind, sphere }) => ({ name, acronym, kind, sphere }))).toEqual([
      { name: 'Department of Public Service and Administration', acronym: 'DPSA', kind: 'NATIONAL_DEPARTMENT', sphere: 'NATIONAL' },
    ]);
  });

  it('SAPS is the national police service', async () => {
    const found = await organisationNamed('SAPS');
    expect(found.nodes.map(({ acronym, kind, sphere }) => ({ acronym, kind, sphere }))).toEqual([
      { acronym: 'SAPS', kind: 'POLICE_SERVICE', sphere: 'NATIONAL' },
    ]);
    expect(found.nodes[0]!.name).toBe('South African Police Service');
  });

  it('the Free State is a provincial government, named "Free State" by the programme', async () => {
    const found = await organisationNamed('Free State');
    expect(found.nodes.map(({ kind, sphere, aliases, acronym }) => ({ kind, sphere, aliases, acronym }))).toEqual([
      { kind: 'PROVINCIAL_GOVERNMENT', sphere: 'PROVINCIAL', aliases: ['Free State'], acronym: null },
    ]);
  });

  it('the Centre for Public Service Innovation has the acronym CPSI and keeps the programme\'s "Centre For" spelling as an alias', async () => {
    const found = await organisationNamed('CPSI');
    expect(found.nodes.map(({ name, acronym, aliases }) => ({ name, acronym, aliases }))).toEqual([
      { name: 'Centre for Public Service Innovation', acronym: 'CPSI', aliases: ['Centre For Public Service Innovation'] },
    ]);
  });

  it('the University of Pretoria is a university, with no acronym since no source writes one', async () => {
    const found = await organisationNamed('University of Pretoria');
    expect(found.nodes.map(({ name, acronym, kind }) => ({ name, acronym, kind }))).toEqual([
      { name: 'University of Pretoria', acronym: null, kind: 'UNIVERSITY' },
    ]);
  });

  it('the Public Service Commission is a constitutional body', async () => {
    const found = await organisationNamed('Public Service Commission');
    expect(found.nodes.map(({ name, kind, sphere }) => ({ name, kind, sphere }))).toEqual([
      { name: 'Public Service Commission', kind: 'CONSTITUTIONAL_BODY', sphere: 'NATIONAL' },
    ]);
  });

  it('Sport and Recreation South Africa is a national department', async () => {
    const found = await organisationNamed('Sport and Recreation');
    expect(found.nodes.map(({ name, kind }) => ({ name, kind }))).toEqual([
      { name: 'Sport and Recreation South Africa', kind: 'NATIONAL_DEPARTMENT' },
    ]);
  });
});

describe('the Strategic Executive Management Services department', () => {
  it('is a municipal department in the local sphere, with no parent since the profile never names its municipality', async () => {
    const department = await organisationDetail('Strategic Executive Management Services');
    expect(department.kind).toBe('MUNICIPAL_DEPARTMENT');
    expect(department.sphere).toBe('LOCAL');
    expect(department.parent).toBeNull();
  });

  it('is constituted by nine sections, each a local organisational unit under it', async () => {
    const department = await organisationDetail('Strategic Executive Management Services');
    const sections = department.children.map((child) => child.name).sort();
    expect(sections).toEqual(
      [
        "Executive Mayor's Office",
        'Office of the Chief Whip',
        'Office of the Speaker',
        'Special Focus',
        'Communications',
        'Risk Management',
        'Internal Audit',
        'Intergovernmental Relations',
        'Strategy Management and Institutional Development',
      ].sort(),
    );
    for (const child of department.children) {
      expect({ name: child.name, kind: child.kind, sphere: child.sphere, parent: child.parent }).toEqual({
        name: child.name,
        kind: 'ORGANISATIONAL_UNIT',
        sphere: 'LOCAL',
        parent: { name: 'Strategic Executive Management Services' },
      });
    }
  });

  it('keeps the profile\'s "Inter-Governmental Relations" spelling as an alias of its section', async () => {
    const department = await organisationDetail('Strategic Executive Management Services');
    const igr = department.children.find((child) => child.name === 'Intergovernmental Relations')!;
    expect(igr.aliases).toEqual(['Inter-Governmental Relations']);
  });

  it('lists its strategic and other objectives one statement each, in the profile\'s order', async () => {
    const department = await organisationDetail('Strategic Executive Management Services');
    expect(department.objectives).toEqual([
      'Engage in programmes that foster participation, interaction and partnership',
      'Build accountable and transparent governance structures responsive to the needs of the community',
      'Provide strategic and administrative support to Council structures',
      'Promote the needs and interests of special focus groupings',
      'Provide communication support services, public liaison, marketing, advocacy and events management activities within the district',
      'Protect the municipality from potential risk',
      'Ensure reduction of fraud and corruption within the municipality',
      'Protect the municipal properties and employees against potential threats',
      'Provide independent objective assurance and consulting activities of the internal control systems, risk management and governance processes',
      'Ensure that issues raised by Auditor General are adequately addressed',
      'Strengthen accountability through proactive oversight',
      'Ensure effective and functional Internal Audit at the local municipalities',
      'Manage and coordinate the implementation of performance management systems (PMS) in the district',
      'Ensure compliance with the Performance Management System policy framework and Municipal Systems Act (MSA)',
      'Ensure effective and efficient service delivery by putting people first',
      'Fully institutionalize performance monitoring and evaluation in the district',
      'Ensure that organisational policies are aligned and compliant to district policy framework, National and Provincial legislation',
    ]);
  });

  it('has nine IDP priority areas, from mayoral support services to organisational performance management', async () => {
    const department = await organisationDetail('Strategic Executive Management Services');
    expect(department.priorityAreas).toEqual([
      'Mayoral support services',
      'Council and administrative support',
      'Public participation programmes',
      'Special focus',
      'Communication management',
      'Risk management',
      'Internal audit',
      'Intergovernmental relations',
      'Organisational performance management',
    ]);
  });

  it('cites the department profile for its IDP priority areas, verbatim', async () => {
    const department = await organisationDetail('Strategic Executive Management Services');
    expect(department.citations).toContainEqual({
      excerpt:
        'Integrated Development Planning (IDP) priority areas are mayoral support services, council and administrative support, public participation programmes, special focus, communication management, risk management, internal audit, intergovernmental relations and organisational performance management.',
      source: { key: 'semsd-department-profile' },
    });
  });

  it('has no people and no sessions, since the profile names none', async () => {
    const department = await organisationDetail('Strategic Executive Management Services');
    expect(department.people).toEqual({ totalCount: 0, nodes: [] });
    expect(department.sessions).toEqual({ totalCount: 0, nodes: [] });
  });
});

describe('who worked where, and in which sessions', () => {
  it("the DPSA's people are Clark, Kornegay and Levin, by surname", async () => {
    const dpsa = await organisationDetail('DPSA');
    expect(dpsa.people).toEqual({
      totalCount: 3,
      nodes: [{ displayName: 'Ms C Clark' }, { displayName: 'Dr E Kornegay' }, { displayName: 'Prof R M Levin' }],
    });
  });

  it("the DPSA's sessions are Commission 2 (Levin presenting) and the Day 2 round table (Kornegay facilitating), in programme order", async () => {
    const dpsa = await organisationDetail('DPSA');
    expect(dpsa.sessions).toEqual({
      totalCount: 2,
      nodes: [
        { title: 'Leadership Challenges in the Single Public Service' },
        { title: 'The leadership pipeline in the Public Service: Implications for Public Service Managers' },
      ],
    });
  });

  it("the SAPS's people are Nchwe and Singh; its only session is Commission 2, since Singh chaired a day, not a session", async () => {
    const saps = await organisationDetail('SAPS');
    expect(saps.people).toEqual({ totalCount: 2, nodes: [{ displayName: 'Ms M Nchwe' }, { displayName: 'Dr M Singh' }] });
    expect(saps.sessions).toEqual({ totalCount: 1, nodes: [{ title: 'Leadership Challenges in the Single Public Service' }] });
  });

  it("the CPSI's person is its Acting CEO, Mr L Mthethwa, who facilitated Commission 1", async () => {
    const cpsi = await organisationDetail('CPSI');
    expect(cpsi.people).toEqual({ totalCount: 1, nodes: [{ displayName: 'Mr L Mthethwa' }] });
    expect(cpsi.sessions).toEqual({ totalCount: 1, nodes: [{ title: 'Organisational Performance Management' }] });
  });

  it('the Free State\'s Director-General, Dr C Nwaila, facilitated the Day 1 round table', async () => {
    const freeState = await organisationDetail('Free State');
    expect(freeState.people).toEqual({ totalCount: 1, nodes: [{ displayName: 'Dr C Nwaila' }] });
    expect(freeState.sessions).toEqual({
      totalCount: 1,
      nodes: [{ title: 'Responding to Leadership Development in the Public Service in consideration of the Global challenges' }],
    });
  });
});
