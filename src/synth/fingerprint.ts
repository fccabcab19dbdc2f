import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Per table, the rows of the synthetic corpus as text, by natural key rather
 * than id (ids depend on what the database held before), ordered bytewise
 * (collation C) so every server orders them alike.
 */
const ROWS: Record<string, string> = {
  organisation: `select row(o.key, o.name, o.acronym, o.aliases, o.kind, o.sphere, p.key, o.objectives, o.priority_areas)::text as r
                   from organisation o left join organisation p on p.id = o.parent_id where o.key like 'synth-%'`,
  conference_series: `select row(s.slug, s.name, o.key)::text as r from conference_series s left join organisation o on o.id = s.organiser_id where s.slug like 'synth-%'`,
  person: `select row(key, display_name, honorific, initials, given_names, surname, aliases)::text as r from person where key like 'synth-%'`,
  position: `select row(pe.key, po.title, o.key, po.as_of, po.acting)::text as r
               from position po join person pe on pe.id = po.person_id left join organisation o on o.id = po.organisation_id where pe.key like 'synth-%'`,
  conference: `select row(s.slug, c.year, c.title, c.theme, c.start_date, c.end_date, c.venue_name, c.venue_city, c.audience,
                          c.expected_attendance, c.documentation, c.focus, c.background, c.bookings)::text as r
                 from conference c join conference_series s on s.id = c.series_id where s.slug like 'synth-%'`,
  objective: `select row(s.slug, c.year, ob.ordinal, ob."group", ob.text)::text as r
                from objective ob join conference c on c.id = ob.conference_id join conference_series s on s.id = c.series_id where s.slug like 'synth-%'`,
  contact: `select row(s.slug, c.year, ct.name, ct.phone, ct.email, o.key)::text as r
              from contact ct join conference c on c.id = ct.conference_id join conference_series s on s.id = c.series_id
              left join organisation o on o.id = ct.organisation_id where s.slug like 'synth-%'`,
  conference_day: `select row(s.slug, c.year, d.number, d.date, d.sub_theme)::text as r
                     from conference_day d join conference c on c.id = d.conference_id join conference_series s on s.id = c.series_id where s.slug like 'synth-%'`,
  session: `select row(s.slug, c.year, se.ref, se.ordinal, se.kind, se.title, se.number, se.description, se.key_issues, pa.ref, d.number)::text as r
              from session se join conference c on c.id = se.conference_id join conference_series s on s.id = c.series_id
              left join session pa on pa.id = se.parent_id left join conference_day d on d.id = se.day_id where s.slug like 'synth-%'`,
  participation: `select row(s.slug, c.year, se.ref, d.number, pe.key, pa.role, pa.ordinal, po.title, o.key)::text as r
                    from participation pa join person pe on pe.id = pa.person_id
                    left join session se on se.id = pa.session_id left join conference_day d on d.id = pa.day_id
                    join conference c on c.id = coalesce(se.conference_id, d.conference_id) join conference_series s on s.id = c.series_id
                    left join position po on po.id = pa.position_id left join organisation o on o.id = po.organisation_id
                   where s.slug like 'synth-%'`,
  source: `select row(so.key, so.title, so.kind, so.url, o.key, so.issued_on, so.updated_on, so.checksum)::text as r
             from source so left join organisation o on o.id = so.publisher_id where so.key like 'synth-%'`,
  citation: `select row(so.key, ci.subject_kind, ci.excerpt)::text as r from citation ci join source so on so.id = ci.source_id where so.key like 'synth-%'`,
  session_topic: `select row(s.slug, c.year, se.ref, t.slug, st.origin, st.evidence)::text as r
                    from session_topic st join session se on se.id = st.session_id join topic t on t.id = st.topic_id
                    join conference c on c.id = se.conference_id join conference_series s on s.id = c.series_id where s.slug like 'synth-%'`,
};

export type Fingerprint = Record<keyof typeof ROWS, string> & { all: string };

/**
 * MD5 per table of the synthetic corpus in a database, and of them all: two
 * databases loaded with the same scale and seed have the same fingerprint.
 */
export async function fingerprintSyntheticCorpus(em: EntityManager): Promise<Fingerprint> {
  const columns = Object.entries(ROWS).map(
    ([table, rows]) => `(select coalesce(md5(string_agg(r, E'\\n' order by r collate "C")), '') from (${rows}) t) as "${table}"`,
  );
  const [digests] = await em.transactional(async (transaction) => {
    // At scale 1 this reads a few hundred thousand rows: more than the API's statement timeout allows.
    await transaction.execute('set local statement_timeout = 0');
    return transaction.execute<Array<Record<string, string>>>(`select ${columns.join(',\n')}`);
  });
  const all = createHash('md5').update(Object.keys(ROWS).map((table) => digests![table]).join(',')).digest('hex');
  return { ...digests, all } as Fingerprint;
}
