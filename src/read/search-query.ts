import type { EntityManager } from '@mikro-orm/postgresql';
import { queryBound } from '../db/bound-query.js';
import type { Window } from './page-window.js';
import { SearchType } from './search-type.js';

/** A hit, its place `n` in the page (from 1), or — when the page is past the last hit — a row with only the total. */
export type SearchRow = { type: SearchType; id: number | null; score: number; highlight: string | null; total: number; n: number };

/** The longest source text highlighted whole, in characters; the seed's sources are shorter. */
const WHOLE_SOURCE_TEXT = 8000;
/** The passage of a longer source that is highlighted, and how much of it comes before the query's first word. */
const PASSAGE = 600;
const PASSAGE_BEFORE = 200;

/**
 * How each kind of record matches, and what it shows. `hits` ranks every
 * matching record by its stored, weighted search document (titles A, key
 * issues and themes B, body text C) against the query; people also match by
 * trigram similarity of their folded names, so "Fraser Moleketi" finds
 * "Fraser-Moleketi" and a misspelt surname still finds its person. `shown` is
 * the text around whose matched words a hit of the page is highlighted, read
 * only for the page's rows. `postings` and `counts` name the tables the
 * triggers of migration search_postings keep from the documents.
 */
const matchers: Record<SearchType, { hits: string; shown: string; postings: string; counts: string }> = {
  [SearchType.CONFERENCE]: {
    hits: `
      select 'CONFERENCE', c.id, ts_rank(c.search_document, q.ts)
        from conference c, query q where c.search_document @@ q.ts
      union all
      select 'CONFERENCE', o.conference_id, ts_rank(o.search_document, q.ts)
        from objective o, query q where o.search_document @@ q.ts`,
    // A conference shows whichever of its own text and its objectives matched best (its own on a tie).
    shown: `(select part.shown from (
               select concat_ws(' — ', c.title, c.theme, c.focus, c.background), ts_rank(c.search_document, q.ts), 0
                 from conference c, query q where c.id = best.id and c.search_document @@ q.ts
               union all
               select o.text, ts_rank(o.search_document, q.ts), o.id
                 from objective o, query q where o.conference_id = best.id and o.search_document @@ q.ts
             ) as part(shown, score, objective) order by part.score desc, part.objective limit 1)`,
    postings: 'search_posting_conference',
    counts: 'search_count_conference',
  },
  [SearchType.SESSION]: {
    // A session is also found, weighing less, by its context: who took part, their organisations, its topics.
    hits: `
      select 'SESSION', s.id, ts_rank(s.search_document, q.ts)
        from session s, query q where s.search_document @@ q.ts
      union all
      select 'SESSION', c.session_id, ts_rank(c.search_document, q.ts)
        from search_context_session c, query q where c.search_document @@ q.ts`,
    // A session found by its context alone shows who took part (and in which organisation), where the words are.
    shown: `(select case when s.search_document @@ q.ts then concat_ws(' — ', s.title, nullif(lekgotla_join(s.key_issues), ''), s.description)
                         else concat_ws(' — ', s.title, (
                                select string_agg(concat_ws(', ', pe.display_name, o.name), '; ' order by pa.ordinal, pa.id)
                                  from participation pa join person pe on pe.id = pa.person_id
                                  left join position po on po.id = pa.position_id left join organisation o on o.id = po.organisation_id
                                 where pa.session_id = s.id)) end
               from session s, query q where s.id = best.id)`,
    postings: 'search_posting_session',
    counts: 'search_count_session',
  },
  [SearchType.PERSON]: {
    hits: `
      select 'PERSON', p.id, ts_rank(p.search_document, q.ts)
        from person p, query q where p.search_document @@ q.ts
      union all
      select 'PERSON', p.id, word_similarity(q.name, p.search_names) / 2
        from person p, query q where q.name <> '' and q.name <% p.search_names`,
    shown: `(select p.display_name from person p where p.id = best.id)`,
    postings: 'search_posting_person',
    counts: 'search_count_person',
  },
  [SearchType.ORGANISATION]: {
    hits: `
      select 'ORGANISATION', o.id, ts_rank(o.search_document, q.ts)
        from organisation o, query q where o.search_document @@ q.ts`,
    shown: `(select concat_ws(' — ', o.name, o.acronym, nullif(lekgotla_join(o.priority_areas), ''), nullif(lekgotla_join(o.objectives), ''))
               from organisation o where o.id = best.id)`,
    postings: 'search_posting_organisation',
    counts: 'search_count_organisation',
  },
  [SearchType.POSITION]: {
    hits: `
      select 'POSITION', d.position_id, ts_rank(d.search_document, q.ts)
        from search_document_position d, query q where d.search_document @@ q.ts`,
    shown: `(select concat_ws(' — ', po.title, o.name, o.acronym) from position po left join organisation o on o.id = po.organisation_id where po.id = best.id)`,
    postings: 'search_posting_position',
    counts: 'search_count_position',
  },
  [SearchType.SOURCE]: {
    hits: `
      select 'SOURCE', so.id, ts_rank(so.search_document, q.ts)
        from source so, query q where so.search_document @@ q.ts`,
    // A long source is highlighted in a passage from just before the first place its text holds the query's
    // first word (or from its start, if it holds it only with accents): highlighting parses every word it is
    // given, and a page of long sources highlighted whole took far longer than finding them.
    // The text is fetched from its TOAST table and decompressed once (` || ''` behind the fence), not by each use;
    // it is lowered the C way, ASCII letters only, twice as fast: the folded word it looks for has no accents.
    shown: `(select case when length(so.text) <= ${WHOLE_SOURCE_TEXT} then so.text
                         else substr(so.text, greatest(1, strpos(lower(so.text collate "C"), q.word) - ${PASSAGE_BEFORE}), ${PASSAGE}) end
               from (select s.text || '' as text from source s where s.id = best.id offset 0) as so, query q)`,
    postings: 'search_posting_source',
    counts: 'search_count_source',
  },
};

/** The tables that count the hits of each lexeme, of every kind of hit. */
export const lexemeCounts = (): string[] => Object.values(matchers).map((matcher) => matcher.counts);

/** One lexeme as tsquery prints it: quoted, its quotes and backslashes doubled. */
const QUOTED_LEXEME = String.raw`'(?:[^'\\]|''|\\.)*'`;
/** A query that is nothing but lexemes joined by OR, as a single word is (its stem | the word as written). */
const ONLY_ALTERNATIVES = `^${QUOTED_LEXEME}(?: \\| ${QUOTED_LEXEME})*$`;

/**
 * How many of the widest lexeme's postings hashing reads in the time of one
 * lookup by id (scale 10: 0.33 µs a hashed posting, 3.4 µs a lookup).
 */
const LOOKUPS_PER_HASHED_POSTING = 10;

const sqlText = (text: string) => `'${text.replaceAll("'", "''")}'`;

// The query is parsed once. Inlined as a constant it would lead the planner, for a common word, to scan
// sources in full and read each large toasted search document twice (to match it, then to rank it).
const parsedOf = (text: string) => `websearch_to_tsquery('lekgotla_english', ${text}) || websearch_to_tsquery('lekgotla_simple', ${text})`;
const PARSED = parsedOf('$1::text');

// The query's first word, in lower case and without accents, to find in a source's text.
const FIRST_WORD = `coalesce((regexp_match(lekgotla_fold($1::text), '[[:alnum:]]+'))[1], '')`;

/** Which way a query is ranked: `lexemes`, the query's alternative lexemes, most hits first (null for any other query), and `ranked`. */
export type SearchPlan = { lexemes: string[] | null; ranked: boolean };

/** The statements of a search over the given types; `$1` is always the query text. */
export type SearchStatements = {
  /** `$1` text → one row, the SearchPlan. */
  plan: string;
  /** The plan of the query text that the SQL expression `text` gives, as a statement of its own. */
  planOf: (text: string) => string;
  /** `$1` text, `$2` name, `$3` offset, `$4` limit, `$5` the lexeme with most hits, `$6` the other lexemes, `$7` how many lexemes. */
  ranked: string;
  /** `ranked` for a query of one lexeme: `$1` text, `$2` name, `$3` offset, `$4` limit, `$5` the lexeme. */
  rankedAlone: string;
  /** `$1` text, `$2` name, `$3` offset, `$4` limit. */
  whole: string;
};

/**
 * The postings of the other lexemes (`$6`) of one type, each with the same
 * hit's posting of the widest lexeme (`$5`), if it has one. Where the widest
 * lexeme has many more hits of the type than the others, each other posting
 * looks its partner up (scale 10, "development": 4,474 session postings,
 * 15 ms); otherwise the widest lexeme's postings are hashed once (the 6,171
 * conference postings of 'develop', 2 ms, where 1,105 lookups took 9 ms).
 * Both ways are written and the counts decide once which runs: PostgreSQL's
 * planner, left to choose, hashed all 138,940 session postings of 'develop'
 * (46 ms).
 */
function otherPostings({ postings, counts }: { postings: string; counts: string }, type: string): string {
  const hitsOf = (lexemes: string) => `(select coalesce(sum(c.hits), 0) from ${counts} c where c.lexeme = ${lexemes})`;
  const lookUp = `${hitsOf('$5::text')} > ${LOOKUPS_PER_HASHED_POSTING} * ${hitsOf('any($6::text[])')}`;
  return `select ${type} as type, p.id, p.score,
              (select w.score from ${postings} w where w.lexeme = $5::text and w.id = p.id) as widest_score
         from ${postings} p where p.lexeme = any($6::text[]) and ${lookUp}
       union all
       select ${type}, p.id, p.score, w.score
         from ${postings} p left join ${postings} w on w.lexeme = $5::text and w.id = p.id
        where p.lexeme = any($6::text[]) and not ${lookUp}`;
}

/** The page of hits of the CTE `hit` in rank order, with their highlights and the total of the CTE `total`. */
function pageOf(types: SearchType[]): string {
  const shown = types.map((type) => `when '${type}' then ${matchers[type].shown}`).join('\n                ');
  return `
     -- The text is read after the sort and the limit (the planner postpones subqueries of the select list past them).
     page as (
       select best.*,
              case type
                ${shown}
              end as shown
         from hit as best order by rank desc, type, id offset $3::bigint limit $4::bigint
     )
     -- The total comes with the page even when the page is empty, so a reader paging past the end still learns it.
     -- n numbers the page's hits in rank order, from 1, for the read floor's cursors.
     select page.type, page.id, page.score::float8 as score, total.count::int as total,
            (row_number() over (order by page.rank desc, page.type, page.id))::int as n,
            ts_headline('lekgotla_english', page.shown, query.ts,
                        case when length(page.shown) <= 200
                             then 'StartSel=<b>, StopSel=</b>, HighlightAll=true'
                             else 'StartSel=<b>, StopSel=</b>, MaxFragments=2, MaxWords=20, MinWords=5' end) as highlight
       from total
       cross join query
       left join page on true
      order by page.rank desc, page.type, page.id`;
}

/**
 * The statements that search the given types. A query of alternative words
 * (one word is two lexemes: its stem and itself) is `ranked` from the
 * postings alone, no document read: a hit scores the sum of its postings of
 * the query's lexemes divided by their number — ts_rank's own sum for a
 * record of one document; a conference or a session counts, for each lexeme,
 * its best document (docs/queries.md, "How hits are ranked"). The hits of the
 * lexemes other than the one with most hits are read whole (each with its
 * posting of the widest); of the widest lexeme's other hits, which score
 * that posting alone, only the first `offset + limit` of each type can reach
 * the window, and they come from the front of its index; the total is the
 * widest lexeme's count plus the other hits it lacks. Any other query
 * (phrases, words that must all be there, a minus) runs `whole`: each branch
 * reaches its GIN index, every match is ranked by ts_rank, and only (type,
 * id, score) goes through the ranking and the count.
 */
export function searchStatements(types: SearchType[]): SearchStatements {
  const each = (piece: (type: SearchType) => string, separator = '\n       union all ') => types.map(piece).join(separator);
  const named = types.includes(SearchType.PERSON);
  const planOf = (text: string) => `
    with parsed as (select ${parsedOf(text)} as ts),
    lexeme as (
      select l.lexeme, ${each((type) => `(select coalesce(sum(c.hits), 0) from ${matchers[type].counts} c where c.lexeme = l.lexeme)`, ' + ')} as hits
        from parsed, unnest(case when parsed.ts::text ~ ${sqlText(ONLY_ALTERNATIVES)} then array(
               select distinct replace(replace(substr(m[1], 2, length(m[1]) - 2), '''''', ''''), '\\\\', '\\')
                 from regexp_matches(parsed.ts::text, ${sqlText(`(${QUOTED_LEXEME})`)}, 'g') as m) end) as l(lexeme)
    )
    select (select array_agg(l.lexeme order by l.hits desc, l.lexeme) from lexeme l) as lexemes,
           exists (select 1 from lexeme) as ranked`;
  const plan = planOf('$1::text');
  // With other lexemes, their postings are paired with the widest's and summed; a query of one lexeme (half of all
  // searches) needs none of that, and a statement without it is planned in less time.
  // The hits the widest lexeme's counts leave out: those of other lexemes it lacks, and people found by name alone.
  const beyond = (others: boolean) => {
    const hits = [
      ...(others ? ['select o.type, o.id from other o where o.widest_score is null'] : []),
      ...(named ? [`select 'PERSON', n.id from named n
                    where not exists (select 1 from search_posting_person w where w.lexeme = $5::text and w.id = n.id)`] : []),
    ];
    return hits.length === 0 ? '' : `
              + (select count(*) from (${hits.join(`
                   union
                   `)}
                 ) as beyond)`;
  };
  const rankedWith = (others: boolean) => `
    with query as materialized (select ${PARSED} as ts, lekgotla_fold($2::text) as name, ${FIRST_WORD} as word),${others ? `
    -- The postings of the other lexemes (fewer), each with the hit's posting of the widest lexeme, if it has one.
    other as materialized (
       ${each((type) => otherPostings(matchers[type], sqlText(type)))}
    ),
    -- Every hit of another lexeme, its rank the sum of its postings (the widest lexeme's counted once).
    summed as materialized (
       select o.type, o.id, sum(o.score::float8) + coalesce(max(o.widest_score), 0)::float8 as rank
         from other o group by o.type, o.id
    ),` : ''}
    -- The best postings of the widest lexeme, of each type: every hit beyond them ranks below the window.
    widest as (
       ${each((type) => `(select ${sqlText(type)} as type, p.id, p.score::float8 as rank from ${matchers[type].postings} p
         where p.lexeme = $5::text order by p.score desc, p.id limit $3::bigint + $4::bigint)`)}
    ),
    posted(type, id, rank) as (${others ? `
       select s.type, s.id, s.rank / $7::int from summed s
       union all
       select w.type, w.id, w.rank / $7::int from widest w
        where not exists (select 1 from summed s where s.type = w.type and s.id = w.id)` : `
       select w.type, w.id, w.rank from widest w`}
    ),${named ? `
    -- People found by name (a name-like word may find thousands) score half the name's similarity, unless their postings score more.
    named as materialized (
       select p.id, (word_similarity(q.name, p.search_names) / 2)::float8 as rank
         from person p, query q where q.name <> '' and q.name <% p.search_names
    ),` : ''}
    hit(type, id, score, rank) as (
       select r.type, r.id, max(r.score), max(r.rank) from (
         select p.type, p.id, p.rank::real::float8, p.rank from posted p${named ? `
         union all
         select 'PERSON', n.id, n.rank, n.rank from named n` : ''}
       ) as r(type, id, score, rank) group by r.type, r.id
    ),
    total(count) as (
       select ${each((type) => `(select coalesce(sum(c.hits), 0) from ${matchers[type].counts} c where c.lexeme = $5::text)`, ' + ')}${beyond(others)}
    ),${pageOf(types)}`;
  const ranked = rankedWith(true);
  const rankedAlone = rankedWith(false);
  const whole = `
    with query as materialized (select ${PARSED} as ts, lekgotla_fold($2::text) as name, ${FIRST_WORD} as word),
    hit(type, id, score, rank) as (
       select h.type, h.id, max(h.score), max(h.score)::float8 from (${each((type) => matchers[type].hits)}
       ) as h(type, id, score) group by h.type, h.id
    ),
    total(count) as (select count(*) from hit),${pageOf(types)}`;
  return { plan, planOf, ranked, rankedAlone, whole };
}

const statementsOfTypes = new Map<string, SearchStatements>();

/** searchStatements, written once for each list of types (a few kilobytes of SQL a request otherwise). */
export function statementsFor(types: SearchType[]): SearchStatements {
  const key = types.join(' ');
  let statements = statementsOfTypes.get(key);
  if (!statements) statementsOfTypes.set(key, (statements = searchStatements(types)));
  return statements;
}

/** The query as it is searched (corrected and widened): its text, and the same as a person's name, without honorifics. */
export type SearchQuery = { text: string; name: string };

/** Which way the query text ranks (searchStatements' `plan`), read with a statement of its own. */
export async function searchPlan(em: EntityManager, text: string, types: SearchType[]): Promise<SearchPlan> {
  const [plan] = await queryBound<SearchPlan>(em, statementsFor(types).plan, [text]);
  return plan!;
}

/** The statement of a page of hits and its bound values (the query text is bound, not copied into it); its rows are SearchRows. */
export type PageStatement = { sql: string; values: unknown[] };

/**
 * Full-text search in web-search syntax (quoted phrases, OR, -word), stemmed
 * English that ignores case and accents, ranked by weight, with the matched
 * words marked by <b>…</b>: the statement that reads the window of hits,
 * `ranked` from the postings or `whole` as the plan says. The text is read,
 * and highlighted, for the page alone.
 */
export function pageStatement(types: SearchType[], query: SearchQuery, plan: SearchPlan, window: Window): PageStatement {
  const statements = statementsFor(types);
  const common = [query.text, query.name, window.offset, window.limit];
  if (plan.ranked && plan.lexemes) {
    const [widest, ...others] = plan.lexemes;
    if (others.length === 0) return { sql: statements.rankedAlone, values: [...common, widest] };
    return { sql: statements.ranked, values: [...common, widest, others, plan.lexemes.length] };
  }
  return { sql: statements.whole, values: common };
}
