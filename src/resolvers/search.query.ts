import type { EntityManager } from '@mikro-orm/postgresql';
import { queryBound } from '../db/bound-query.js';
import type { Window } from '../read/page-window.js';
import { SearchType } from './search.types.js';

/** A hit, or — when the page is past the last hit — a row with only the total. */
export type SearchRow = { type: SearchType; id: number | null; score: number; highlight: string | null; total: number };

/**
 * How each kind of record matches, and what it shows. `hits` ranks every
 * matching record by its stored, weighted search document (titles A, key
 * issues and themes B, body text C) against the query; people also match by
 * trigram similarity of their folded names, so "Fraser Moleketi" finds
 * "Fraser-Moleketi" and a misspelt surname still finds its person. `shown` is
 * the text around whose matched words a hit of the page is highlighted, read
 * only for the page's rows.
 */
const matchers: Record<SearchType, { hits: string; shown: string }> = {
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
  },
  [SearchType.SESSION]: {
    hits: `
      select 'SESSION', s.id, ts_rank(s.search_document, q.ts)
        from session s, query q where s.search_document @@ q.ts`,
    shown: `(select concat_ws(' — ', s.title, nullif(lekgotla_join(s.key_issues), ''), s.description) from session s where s.id = best.id)`,
  },
  [SearchType.PERSON]: {
    hits: `
      select 'PERSON', p.id, ts_rank(p.search_document, q.ts)
        from person p, query q where p.search_document @@ q.ts
      union all
      select 'PERSON', p.id, word_similarity(q.name, p.search_names) / 2
        from person p, query q where q.name <> '' and q.name <% p.search_names`,
    shown: `(select p.display_name from person p where p.id = best.id)`,
  },
  [SearchType.ORGANISATION]: {
    hits: `
      select 'ORGANISATION', o.id, ts_rank(o.search_document, q.ts)
        from organisation o, query q where o.search_document @@ q.ts`,
    shown: `(select concat_ws(' — ', o.name, o.acronym, nullif(lekgotla_join(o.priority_areas), ''), nullif(lekgotla_join(o.objectives), ''))
               from organisation o where o.id = best.id)`,
  },
  [SearchType.SOURCE]: {
    hits: `
      select 'SOURCE', so.id, ts_rank(so.search_document, q.ts)
        from source so, query q where so.search_document @@ q.ts`,
    shown: `(select so.text from source so where so.id = best.id)`,
  },
};

/**
 * Full-text search in web-search syntax (quoted phrases, OR, -word), stemmed
 * English that ignores case and accents, ranked by weight, with the matched
 * words marked by <b>…</b>. `name` is the query as a person's name, without
 * honorifics.
 *
 * Thousands of records may match, so only (type, id, score) goes through the
 * ranking and the count; the text is read, and highlighted, for the page alone.
 * The query text is bound, not copied into the statement.
 */
export async function searchRecords(
  em: EntityManager,
  query: { text: string; name: string },
  types: SearchType[],
  window: Window,
): Promise<SearchRow[]> {
  const hits = types.map((type) => matchers[type].hits).join('\n      union all');
  const shown = types.map((type) => `when '${type}' then ${matchers[type].shown}`).join('\n                ');
  return queryBound<SearchRow>(
    em,
    // The query is parsed once. Each branch still reaches its GIN index through it (a bitmap scan on q.ts), and
    // inlined as a constant it would lead the planner, for a common word, to scan sources in full and read each
    // large toasted search document twice (to match it, then to rank it).
    `with query as materialized (
       select websearch_to_tsquery('lekgotla_english', $1::text) || websearch_to_tsquery('lekgotla_simple', $1::text) as ts,
              lekgotla_fold($2::text) as name
     ),
     hit(type, id, score) as (${hits}),
     best as (
       select type, id, max(score) as score from hit group by type, id
     ),
     -- The text is read after the sort and the limit (the planner postpones subqueries of the select list past them).
     page as (
       select best.*,
              case type
                ${shown}
              end as shown
         from best order by score desc, type, id offset $3::bigint limit $4::bigint
     )
     -- The total comes with the page even when the page is empty, so a reader paging past the end still learns it.
     select page.type, page.id, page.score::float8 as score, total.count::int as total,
            ts_headline('lekgotla_english', page.shown, query.ts,
                        case when length(page.shown) <= 200
                             then 'StartSel=<b>, StopSel=</b>, HighlightAll=true'
                             else 'StartSel=<b>, StopSel=</b>, MaxFragments=2, MaxWords=20, MinWords=5' end) as highlight
       from (select count(*) from best) as total
       cross join query
       left join page on true
      order by page.score desc, page.type, page.id`,
    [query.text, query.name, window.offset, window.limit],
  );
}
