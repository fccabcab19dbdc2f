import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';
import { throughResolvers } from './support/read-paths.js';

/**
 * A person's roles share the few positions they held, so the read floor
 * writes each position once per page and joins it to every role
 * (src/read/field-sql.ts, readOncePerKey). Prof Levin gets two more roles
 * in the position he presented in; a role without a position stays null, and
 * paging after the first role still finds the shared position.
 */
const LEVIN_ROLES = `query ($after: String) {
  people(filter: { name: "Prof R M Levin" }) {
    nodes {
      participations(first: 3, after: $after) {
        nodes { role session { title } position { title organisation { name acronym } } }
        pageInfo { hasNextPage }
      }
    }
  }
}`;

type Role = { role: string; session: { title: string } | null; position: { title: string; organisation: { name: string; acronym: string | null } | null } | null };
type Answer = { data: { people: { nodes: Array<{ participations: { nodes: Role[]; pageInfo: { hasNextPage: boolean } } }> } } };

describe("a person's roles in one position", () => {
  let app: TestApp;
  const ask = async (query: string, after: string | null) => (await app.post({ query, variables: { after } })).body as Answer;
  const rolesOf = (answer: Answer) => answer.data.people.nodes[0]!.participations;

  beforeAll(async () => {
    app = await startTestApp();
    await app.lekgotla.database.orm.em.fork().execute(
      `insert into participation (person_id, role, session_id, position_id, ordinal)
       select levin.person_id, role::participation_role, s.id, levin.position_id, 9
         from (select person_id, position_id from participation where role = 'PRESENTER' and person_id = (select id from person where display_name = 'Prof R M Levin')) levin,
              (values ('CHAIRPERSON', 'day-1-commission-4'), ('FACILITATOR', 'day-1-gala-dinner')) as added(role, ref)
         join "session" s on s.ref = added.ref`,
    );
  });
  afterAll(() => app.close());

  const dg = { title: 'Director-General', organisation: { name: 'Department of Public Service and Administration', acronym: 'DPSA' } };

  it('writes the shared position for each role, as the resolvers do', async () => {
    const compiled = await ask(LEVIN_ROLES, null);
    expect(rolesOf(compiled)).toEqual({
      nodes: [
        { role: 'PANELLIST', session: { title: 'Responding to Leadership Development in the Public Service in consideration of the Global challenges' }, position: null },
        { role: 'PRESENTER', session: { title: 'Leadership Challenges in the Single Public Service' }, position: dg },
        { role: 'CHAIRPERSON', session: { title: 'Commission 4' }, position: dg },
      ],
      pageInfo: { hasNextPage: true },
    });
    expect(rolesOf(await ask(throughResolvers(LEVIN_ROLES), null))).toEqual(rolesOf(compiled));
  });

  it('finds the shared position on a later page', async () => {
    const after = Buffer.from('arrayconnection:2').toString('base64');
    const compiled = await ask(LEVIN_ROLES, after);
    expect(rolesOf(compiled)).toEqual({ nodes: [{ role: 'FACILITATOR', session: { title: 'Gala Dinner' }, position: dg }], pageInfo: { hasNextPage: false } });
    expect(rolesOf(await ask(throughResolvers(LEVIN_ROLES), after))).toEqual(rolesOf(compiled));
  });
});
