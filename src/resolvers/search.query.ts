import type { EntityManager } from '@mikro-orm/postgresql';
import type { Window } from './connection.js';
import { SearchType } from './search.types.js';

/** A hit, or — when the page is past the last hit — a row with only the total. */
export type SearchRow = { type: SearchType; id: number | null; score: number; highlight: string | null; total: number };

/**
 * How each kind of record matches: its stored, weighted search document
 * (titles A, key issues and themes B, body text C) against the query, and the
 * text shown around the matched words. People also match by trigram
 * similarity of their folded names, so "Fraser Moleketi" finds
 * "Fraser-Moleketi" and a misspelt surname still finds its person.
 */
const matchers: Record<SearchType, string> = {
  [SearchType.CONFERENCE]: `
    select 'CONFERENCE', c.id, ts_rank(c.search_document, q.ts), concat_ws(' — ', c.title, c.theme, c.focus, c.background)
      from conference c, query q where c.search_document @@ q.ts
    union all
    select 'CONFERENCE', o.conference_id, ts_rank(o.search_document, q.ts), o.text
      from objective o, query q where o.search_document @@ q.ts`,
  [SearchType.SESSION]: `
    select 'SESSION', s.id, ts_rank(s.search_document, q.ts), concat_ws(' — ', s.title, nullif(lekgotla_join(s.key_issues), ''), s.description)
      from session s, query q where s.search_document @@ q.ts`,
  [SearchType.PERSON]: `
    select 'PERSON', p.id, ts_rank(p.search_document, q.ts), p.display_name
      from person p, query q where p.search_document @@ q.ts
    union all
    select 'PERSON', p.id, word_similarity(q.name, p.search_names) / 2, p.display_name
      from person p, query q where q.name <> '' and q.name <% p.search_names`,
  [SearchType.ORGANISATION]: `
    select 'ORGANISATION', o.id, ts_rank(o.search_document, q.ts),
           concat_ws(' — ', o.name, o.acronym, nullif(lekgotla_join(o.priority_areas), ''), nullif(lekgotla_join(o.objectives), ''))
      from organisation o, query q where o.search_document @@ q.ts`,
  [SearchType.SOURCE]: `
    select 'SOURCE', so.id, ts_rank(so.search_document, q.ts), so.text
      from source so, query q where so.search_document @@ q.ts`,
};

/**
 * Full-text search in web-search syntax (quoted phrases, OR, -word), stemmed
 * English that ignores case and accents, ranked by weight, with the matched
 * words marked by <b>…</b>. `name` is the query as a person's name, without
 * honorifics.
 */
export async function searchRecords(
  em: EntityManager,
  query: { text: string; name: string },
  types: SearchType[],
  window: Window,
): Promise<SearchRow[]> {
  const union = types.map((type) => matchers[type]).join('\n    union all\n');
  return em.execute<SearchRow[]>(
    `with query as (
       select websearch_to_tsquery('lekgotla_english', ?) || websearch_to_tsquery('lekgotla_simple', ?) as ts,
              lekgotla_fold(?) as name
     ),
     hit(type, id, score, shown) as (${union}),
     best as (
       select type, id, max(score) as score, (array_agg(shown order by score desc))[1] as shown
         from hit group by type, id
     ),
     page as (
       select * from best order by score desc, type, id offset ? limit ?
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
    [query.text, query.text, query.name, window.offset, window.limit],
  );
}
