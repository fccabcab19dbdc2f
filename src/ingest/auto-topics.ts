
/** The records that carry topics, with their link table and search document. */
const subjects = [
  { table: 'session', linkTable: 'session_topic', column: 'session_id' },
  { table: 'conference', linkTable: 'conference_topic', column: 'conference_id' },
  { table: 'organisation', linkTable: 'organisation_topic', column: 'organisation_id' },
] as const;

export type AutomaticTopicReport = { assigned: number; removed: number; unchanged: number };

/**
 * Tags sessions, conferences and organisations with every topic whose name
 * or synonym occurs in their text as a phrase (stemmed, ignoring case and
 * accents), keeping the phrase as evidence. Conferences also match through
 * their objectives. Runs inside the caller's transaction; running it again
 * over the same data changes nothing.
 */
/** Runs one SQL statement in the caller's transaction and gives its rows (an EntityManager's `execute`, a pg client's `query`). */
export type RunSql = <Row extends object>(sql: string) => Promise<Row[]>;

export async function assignTopicsAutomatically(run: RunSql): Promise<AutomaticTopicReport> {
  const report: AutomaticTopicReport = { assigned: 0, removed: 0, unchanged: 0 };
  for (const { table, linkTable, column } of subjects) {
    const documents =
      table === 'conference'
        ? `select id, search_document from conference
           union all select conference_id, search_document from objective`
        : `select id, search_document from ${table}`;
    const [outcome] = await run<{ assigned: number; removed: number; matched: number }>(
      `with term as (
         select t.id as topic_id, phrase, phraseto_tsquery('lekgotla_english', phrase) as query
           from topic t cross join lateral unnest(array[lower(t.name)] || t.synonyms) as phrase
       ),
       matched as (
         -- The longest matching phrase is the most telling evidence.
         select distinct on (d.id, term.topic_id) d.id as subject_id, term.topic_id, term.phrase
           from (${documents}) d join term on d.search_document @@ term.query
          where numnode(term.query) > 0
          order by d.id, term.topic_id, length(term.phrase) desc, term.phrase
       ),
       removed as (
         delete from ${linkTable} link
          where link.origin = 'AUTOMATIC'
            and not exists (select 1 from matched m where m.subject_id = link.${column} and m.topic_id = link.topic_id)
          returning 1
       ),
       assigned as (
         insert into ${linkTable} (${column}, topic_id, origin, evidence)
         select subject_id, topic_id, 'AUTOMATIC', phrase from matched
         on conflict (${column}, topic_id, origin) do update set evidence = excluded.evidence
           where ${linkTable}.evidence is distinct from excluded.evidence
         returning 1
       )
       select (select count(*) from assigned)::int as assigned, (select count(*) from removed)::int as removed,
              (select count(*) from matched)::int as matched`,
    );
    report.assigned += outcome!.assigned;
    report.removed += outcome!.removed;
    report.unchanged += outcome!.matched - outcome!.assigned;
  }
  return report;
}
