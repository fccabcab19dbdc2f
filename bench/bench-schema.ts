/**
 * The `bench` schema: SQL functions created in the benchmark database only
 * (never by Lekgotla's migrations), for PostGraphile and the floor.
 * PostGraphile generates no full-text search, no topic timeline and no filter
 * across relations (session → topic, session → conference year) with the
 * Amber preset alone; the idiomatic PostGraphile answer is a STABLE SQL
 * function, which it exposes as a root list field and inlines into its single
 * statement.
 *
 * Search and timeline run Lekgotla's own SQL, taken at run time from the
 * build under test: search's statements as src/read/search-forgiveness.ts
 * and search-query.ts build them (the statement that looks for words needing
 * help and reads the plan, then the ranked or the whole statement, which the
 * floor's function chooses as searchRecords does; the floor corrects and
 * widens no word, which the benchmark's words, all found in the corpus,
 * never need), the timeline's captured by
 * calling topicTimeline with an EntityManager stand-in that records what it
 * is asked to execute: when Lekgotla's SQL changes, the benchmark follows.
 * The session filter mirrors src/resolvers/session-query.ts by hand (MikroORM
 * builds that one from a filter object).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export type LekgotlaSql = {
  /**
   * Lekgotla's search statements over every type: `help` (src/read/search-forgiveness.ts, `$1` the words
   * that may need help, `$2` the query) and those of src/read/search-query.ts, which documents their parameters.
   */
  search: { help: string; plan: string; ranked: string; whole: string };
  /** Lekgotla's timeline statement, its `$n` parameters (series, from, to, topic ids). */
  timeline: string;
  /** Lekgotla's own nameWords (src/read/person-names.ts), which its search resolver applies to the query. */
  nameWords: (text: string) => string[];
};

/** Captures the SQL that the build in `distDir` runs for search and the topic timeline. */
export async function captureLekgotlaSql(distDir: string): Promise<LekgotlaSql> {
  const load = (file: string) => import(pathToFileURL(path.join(distDir, 'src', file)).href);
  await import('reflect-metadata');
  const [{ searchStatements, lexemeCounts }, { helpStatement }, { SearchType }, { topicTimeline }, { nameWords }] = await Promise.all([
    load('read/search-query.js'),
    load('read/search-forgiveness.js'),
    load('read/search-type.js'),
    load('resolvers/topic-analysis.js'),
    load('read/person-names.js'),
  ]);
  // Lekgotla binds these statements' parameters itself (src/db/bound-query.ts): through MikroORM's onQuery hook,
  // then Kysely's executeQuery. The stand-in offers exactly those two doors and records what passes.
  const recorder = () => {
    const seen: { sql: string; params: readonly unknown[] }[] = [];
    const em = {
      config: { get: (option: string) => (option === 'onQuery' ? (sql: string) => sql : undefined) },
      getKysely: () => ({
        executeQuery: async (compiled: { sql: string; parameters: readonly unknown[] }) => {
          seen.push({ sql: compiled.sql, params: compiled.parameters });
          return { rows: [] };
        },
      }),
    };
    return { seen, em };
  };
  const timeline = recorder();
  await topicTimeline(timeline.em, { topicIds: [1], seriesSlug: 's', fromYear: 2000, toYear: 2024 });
  const [timelineCall] = timeline.seen;
  if (!timelineCall || timelineCall.params.length !== 4) throw new Error(`Lekgotla's timeline SQL changed its parameters (${JSON.stringify(timelineCall?.params)}): update bench/bench-schema.ts`);
  // As the search resolver builds them for `search(query:)`: every type.
  const { plan, planOf, ranked, whole } = searchStatements(Object.values(SearchType));
  return { search: { help: helpStatement(lexemeCounts(), planOf('$2::text')), plan, ranked, whole }, timeline: timelineCall.sql, nameWords };
}

/** Replaces each `$n` parameter with the n-th of the given SQL expressions; every one must be used. */
function bind(sql: string, expressions: string[]): string {
  const used = new Set<number>();
  const bound = sql.replace(/\$(\d+)(?!\d)/g, (_, digits: string) => {
    const index = Number(digits) - 1;
    const expression = expressions[index];
    if (expression === undefined) throw new Error(`Lekgotla SQL has a parameter $${digits} that bench/bench-schema.ts does not bind`);
    used.add(index);
    return `(${expression})`;
  });
  if (used.size !== expressions.length) throw new Error(`expected ${expressions.length} parameters in Lekgotla SQL, found ${used.size}`);
  return bound;
}

/** Lekgotla's session filter (topic, year range) in programme order (session-query.ts), for PostGraphile. */
export const SESSIONS_BY_TOPIC_SQL = `
  select s.* from public.session s join public.conference c on c.id = s.conference_id
   where c.year >= from_year and c.year <= to_year
     and exists (select 1 from public.session_topic st join public.topic t on t.id = st.topic_id
                  where st.session_id = s.id and t.slug = topic_slug)
   order by c.year, c.id, s.ordinal, s.id
   limit max_rows`;

/** Creates (or recreates) the bench schema; idempotent. */
export function benchSchemaSql(lekgotla: LekgotlaSql): string {
  const { help, ranked, whole } = lekgotla.search;
  // The words Lekgotla asks about (src/read/search-forgiveness.ts): those of four letters or more, and the query if it is one word.
  const helpWords = `array(select distinct w from regexp_split_to_table(public.lekgotla_fold(search_text), '[^[:alnum:]]+') as w
                             where char_length(w) >= 4 or w = public.lekgotla_fold(btrim(search_text)))`;
  const rankedRows = bind(ranked, ['search_text', 'search_name', '0', 'max_rows', 'chosen.lexemes[1]', 'chosen.lexemes[2:]', 'cardinality(chosen.lexemes)']);
  const wholeRows = bind(whole, ['search_text', 'search_name', '0', 'max_rows']);
  const topicIds = 'select array_agg(t.id) from public.topic t where t.slug = any(topic_slugs)';
  const timeline = bind(lekgotla.timeline, ['series_slug', 'from_year', 'to_year', topicIds]);
  return `
  drop schema if exists bench cascade;
  create schema bench;
  comment on schema bench is 'Benchmark-only functions for PostGraphile and the floor (bench/bench-schema.ts); not part of Lekgotla.';

  create type bench.search_hit as (type text, id int, score float8, total int, highlight text, label text);
  -- As searchRows does: the first statement looks for words needing help and says which of the two statements ranks the query.
  create function bench.search_rows(search_text text, search_name text, max_rows int)
    returns table (type text, id int, score float8, total int, highlight text)
    language plpgsql stable as $fn$
      #variable_conflict use_column
      declare chosen record;
      begin
        select * into chosen from (${bind(help, [helpWords, 'search_text'])}) as planned;
        if chosen.ranked then
          return query select r.type::text, r.id::int, r.score::float8, r.total::int, r.highlight::text from (${rankedRows}) r;
        else
          return query select r.type::text, r.id::int, r.score::float8, r.total::int, r.highlight::text from (${wholeRows}) r;
        end if;
      end
    $fn$;
  create function bench.search_hits(q text, name text, max_rows int) returns setof bench.search_hit
    language sql stable as $fn$
      select r.type::text, r.id::int, r.score::float8, r.total::int, r.highlight::text,
             case r.type::text
               when 'CONFERENCE' then (select c.title from public.conference c where c.id = r.id)
               when 'SESSION' then (select s.title from public.session s where s.id = r.id)
               when 'PERSON' then (select p.display_name from public.person p where p.id = r.id)
               when 'ORGANISATION' then (select o.name from public.organisation o where o.id = r.id)
               when 'SOURCE' then (select so.title from public.source so where so.id = r.id)
             end::text
        from bench.search_rows(q, name, max_rows) r
       where r.id is not null
       order by r.score desc, r.type, r.id
    $fn$;

  create type bench.topic_year as (topic_id int, topic_slug text, year int, session_count int, conference_count int);
  create function bench.topic_timeline(topic_slugs text[], series_slug text, from_year int, to_year int) returns setof bench.topic_year
    language sql stable as $fn$
      select t.id, t.slug::text, x.year, x."sessionCount", x."conferenceCount"
        from (${timeline}) x join public.topic t on t.id = x."topicId"
       order by t.id, x.year
    $fn$;

  create function bench.sessions_by_topic(topic_slug text, from_year int, to_year int, max_rows int) returns setof public.session
    language sql stable as $fn$ ${SESSIONS_BY_TOPIC_SQL} $fn$;
`;
}
