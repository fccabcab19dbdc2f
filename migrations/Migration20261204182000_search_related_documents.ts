import { Migration } from '@mikro-orm/migrations';
import { deletePostings, documentTriggers, indexFunction, postingTables, type DocumentTable, type HitKind } from '../src/db/search-postings-sql.ts';

/** A position's document: its title (A) and its organisation's name (B), acronym and aliases (B). */
const positionDocument: DocumentTable = { table: 'search_document_position', hit: 'position_id', key: 'position_id' };
/** A session's second document: who took part, their organisations, and its topics' names, all at weight D. */
const sessionContext: DocumentTable = { table: 'search_context_session', hit: 'session_id', key: 'session_id' };

const position: HitKind = { kind: 'position', documents: [positionDocument] };
const session: HitKind = { kind: 'session', documents: [{ table: 'session', hit: 'id' }, sessionContext] };

/** Keeps the rows of `alias` whose id is in `ids int[]`, once each. */
const ofIds = (alias: string) => `join (select distinct unnest(ids)) as h(id) on h.id = ${alias}.id`;

/** The organisations of the positions that the people of session `session` took part in. */
const organisationsOf = (session: string) =>
  `select po.organisation_id from participation pa join position po on po.id = pa.position_id where pa.session_id = ${session}.id`;

/** Writes the document of each position in `ids` (it is never empty: a position has a title). */
const refreshPositions = `create function "lekgotla_refresh_position_documents"("ids" int[]) returns void language sql as $$
  insert into search_document_position (position_id, search_document)
  select p.id, setweight(to_tsvector('lekgotla_english', p.title), 'A')
            || setweight(to_tsvector('lekgotla_english', coalesce(o.name, '')), 'B')
            || setweight(to_tsvector('lekgotla_simple', coalesce(o.acronym, '') || ' ' || coalesce(lekgotla_join(o.aliases), '')), 'B')
    from position p ${ofIds('p')} left join organisation o on o.id = p.organisation_id
  on conflict (position_id) do update set search_document = excluded.search_document
   where search_document_position.search_document is distinct from excluded.search_document;
$$;`;

/**
 * Writes the context document of each session in `ids`, or removes it when
 * the session has nobody and no topic. Each name is a value of a JSON array,
 * so that a phrase never runs from one name into the next. Topics give their
 * names only: the query, not the document, takes in their synonyms (a word
 * of the taxonomy is widened to its topic when searched).
 */
const refreshSessions = `create function "lekgotla_refresh_session_context"("ids" int[]) returns void language sql as $$
  with context as (
    select s.id,
           to_tsvector('lekgotla_simple', coalesce((
             select jsonb_agg(concat_ws(' ', pe.display_name, pe.given_names, lekgotla_join(pe.aliases)) order by pa.ordinal, pa.id)
               from participation pa join person pe on pe.id = pa.person_id where pa.session_id = s.id), '[]'))
        || to_tsvector('lekgotla_english', coalesce((select jsonb_agg(o.name order by o.id) from organisation o where o.id in (${organisationsOf('s')})), '[]'))
        || to_tsvector('lekgotla_simple', coalesce((
             select jsonb_agg(concat_ws(' ', o.acronym, lekgotla_join(o.aliases)) order by o.id) from organisation o where o.id in (${organisationsOf('s')})), '[]'))
        || to_tsvector('lekgotla_english', coalesce((
             select jsonb_agg(t.name order by t.id) from topic t where t.id in (select st.topic_id from session_topic st where st.session_id = s.id)), '[]'))
           as document
      from session s ${ofIds('s')}
  ),
  emptied as (
    delete from search_context_session c using context where c.session_id = context.id and context.document = ''::tsvector
  )
  -- Unweighted lexemes weigh D, the least: a session's own words always count for more than its context.
  insert into search_context_session (session_id, search_document)
  select id, document from context where document <> ''::tsvector
  on conflict (session_id) do update set search_document = excluded.search_document
   where search_context_session.search_document is distinct from excluded.search_document;
$$;`;

/**
 * For each table a related document is made from: the positions and the
 * sessions whose documents a change to rows `r` touches.
 */
const sources: Array<{ table: string; positions?: string; sessions: string }> = [
  { table: 'participation', sessions: 'select r.session_id from rows r' },
  { table: 'session_topic', sessions: 'select r.session_id from rows r' },
  { table: 'person', sessions: 'select pa.session_id from participation pa join rows r on r.id = pa.person_id' },
  { table: 'topic', sessions: 'select st.session_id from session_topic st join rows r on r.id = st.topic_id' },
  {
    table: 'position',
    positions: 'select r.id from rows r',
    sessions: 'select pa.session_id from participation pa join rows r on r.id = pa.position_id',
  },
  {
    table: 'organisation',
    positions: 'select po.id from position po join rows r on r.id = po.organisation_id',
    sessions: 'select pa.session_id from participation pa join position po on po.id = pa.position_id join rows r on r.id = po.organisation_id',
  },
];

/** The statement trigger function of one source table: its changed rows, old and new, refresh what they touch. */
function refreshTrigger({ table, positions, sessions }: (typeof sources)[number]): string {
  const rows = `(select * from new_rows union all select * from old_rows)`;
  const refresh = (transition: string) => {
    const of = (ids: string) => ids.replaceAll('rows r', `${transition} r`);
    return [
      ...(positions ? [`perform lekgotla_refresh_position_documents(array(${of(positions)}));`] : []),
      `perform lekgotla_refresh_session_context(array(select s from (${of(sessions)}) as t(s) where s is not null));`,
    ].join('\n          ');
  };
  return `create function "lekgotla_related_documents_after_${table}"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          ${refresh('new_rows')}
        elsif tg_op = 'DELETE' then
          ${refresh('old_rows')}
        else
          ${refresh(rows)}
        end if;
        return null;
      end
    $$;`;
}

/**
 * Documents that search reads beside the records' own: a position's title
 * and organisation, so positions are searched (kind `position`), and a
 * session's context — the names of the people who took part, of their
 * organisations, and of its topics — as a second, lower
 * weighted, document of a session hit (as objectives are of a conference).
 * Both are derived tables that statement triggers on the tables they are
 * made from keep; the postings triggers then keep the postings, as for
 * every other document.
 */
export class Migration20261204182000_search_related_documents extends Migration {

  override name = 'Migration20261204182000_search_related_documents';

  override up(): void | Promise<void> {
    this.addSql(`set local maintenance_work_mem = '256MB';`);
    this.addSql(`create table "search_document_position" ("position_id" int primary key references "position" ("id") on delete cascade, "search_document" tsvector not null);`);
    this.addSql(`comment on table "search_document_position" is 'Derived by triggers (migration search_related_documents): the search document of a position.';`);
    this.addSql(`create table "search_context_session" ("session_id" int primary key references "session" ("id") on delete cascade, "search_document" tsvector not null);`);
    this.addSql(`comment on table "search_context_session" is 'Derived by triggers (migration search_related_documents): who took part in a session, their organisations, and its topics.';`);
    this.addSql(refreshPositions);
    this.addSql(refreshSessions);
    this.addSql(`select lekgotla_refresh_position_documents(array(select id from position));`);
    this.addSql(`select lekgotla_refresh_session_context(array(select id from session));`);
    this.addSql(`create index "search_document_position_index" on "search_document_position" using gin ("search_document");`);
    this.addSql(`create index "search_context_session_index" on "search_context_session" using gin ("search_document");`);

    for (const statement of postingTables(position, 'search_related_documents')) this.addSql(statement);
    this.addSql(indexFunction(position));
    for (const statement of documentTriggers('position', positionDocument)) this.addSql(statement);

    // The sessions' postings take in their context documents, then follow them.
    this.addSql(indexFunction(session));
    this.addSql(`select lekgotla_index_session(array(select session_id from search_context_session));`);
    for (const statement of documentTriggers('session', sessionContext)) this.addSql(statement);

    for (const source of sources) {
      this.addSql(refreshTrigger(source));
      const events = source.table === 'person' || source.table === 'topic' || source.table === 'organisation' ? ['update'] : ['insert', 'update', 'delete'];
      for (const event of events) {
        const transitions = event === 'insert' ? 'new table as new_rows' : event === 'delete' ? 'old table as old_rows' : 'old table as old_rows new table as new_rows';
        this.addSql(`create trigger "${source.table}_related_documents_${event}" after ${event} on "${source.table}" referencing ${transitions} for each statement execute function "lekgotla_related_documents_after_${source.table}"();`);
      }
    }
    this.addSql(`analyze "search_document_position";`);
    this.addSql(`analyze "search_context_session";`);
  }

  override down(): void | Promise<void> {
    for (const { table } of sources) {
      for (const event of ['insert', 'update', 'delete']) this.addSql(`drop trigger if exists "${table}_related_documents_${event}" on "${table}";`);
      this.addSql(`drop function if exists "lekgotla_related_documents_after_${table}"();`);
    }
    for (const { table } of [positionDocument, sessionContext]) {
      for (const event of ['insert', 'update', 'delete']) this.addSql(`drop trigger if exists "${table}_search_postings_${event}" on "${table}";`);
      this.addSql(`drop function if exists "lekgotla_search_postings_after_${table}"();`);
    }
    // The sessions' postings lose their context (whatever lexemes it gave), then are rebuilt from the sessions alone.
    this.addSql(`${deletePostings('session', 'search_context_session c', 'p.id = c.session_id')};`);
    this.addSql(indexFunction({ kind: 'session', documents: [{ table: 'session', hit: 'id' }] }));
    this.addSql(`select lekgotla_index_session(array(select session_id from search_context_session));`);
    this.addSql(`drop table "search_context_session";`);
    this.addSql(`drop function if exists "lekgotla_index_position"(int[]);`);
    this.addSql(`drop table if exists "search_posting_position";`);
    this.addSql(`drop table if exists "search_count_position";`);
    this.addSql(`drop table "search_document_position";`);
    this.addSql(`drop function if exists "lekgotla_refresh_session_context"(int[]);`);
    this.addSql(`drop function if exists "lekgotla_refresh_position_documents"(int[]);`);
  }

}
