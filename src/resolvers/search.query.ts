import type { EntityManager } from '@mikro-orm/postgresql';
import type { Window } from './connection.js';
import { SearchType } from './search.types.js';

export type SearchRow = { type: SearchType; id: number; score: number; highlight: string | null; total: number };

/**
 * One document per searchable record: its text weighted A (titles, names),
 * B (themes, key issues, acronyms) or C (body text), and the text shown in
 * highlights.
 */
const documents: Record<SearchType, string> = {
  [SearchType.CONFERENCE]: `
    select 'CONFERENCE' as type, c.id,
           setweight(to_tsvector('english', c.title), 'A')
        || setweight(to_tsvector('english', coalesce(c.theme, '')), 'B')
        || setweight(to_tsvector('english', concat_ws(' ', c.focus, c.background,
             (select string_agg(o.text, ' ') from objective o where o.conference_id = c.id))), 'C') as document,
           concat_ws(' — ', c.title, c.theme, c.focus) as shown
      from conference c`,
  [SearchType.SESSION]: `
    select 'SESSION', s.id,
           setweight(to_tsvector('english', s.title), 'A')
        || setweight(to_tsvector('english', array_to_string(s.key_issues, ' ')), 'B')
        || setweight(to_tsvector('english', coalesce(s.description, '')), 'C'),
           concat_ws(' — ', s.title, array_to_string(s.key_issues, '; '), s.description)
      from session s`,
  [SearchType.PERSON]: `
    select 'PERSON', p.id,
           setweight(to_tsvector('simple', concat_ws(' ', p.display_name, array_to_string(p.aliases, ' '))), 'A'),
           p.display_name
      from person p`,
  [SearchType.ORGANISATION]: `
    select 'ORGANISATION', o.id,
           setweight(to_tsvector('english', o.name), 'A')
        || setweight(to_tsvector('simple', concat_ws(' ', o.acronym, array_to_string(o.aliases, ' '))), 'B')
        || setweight(to_tsvector('english', array_to_string(o.objectives || o.priority_areas, ' ')), 'C'),
           concat_ws(' — ', o.name, array_to_string(o.priority_areas, '; '))
      from organisation o`,
  [SearchType.SOURCE]: `
    select 'SOURCE', so.id,
           setweight(to_tsvector('english', so.title), 'A') || setweight(to_tsvector('english', so.text), 'C'),
           so.text
      from source so`,
};

/**
 * Full-text search in web-search syntax (quoted phrases, OR, -word), ranked
 * by weight, with the matched words marked by <b>…</b>.
 */
export async function searchRecords(em: EntityManager, text: string, types: SearchType[], window: Window): Promise<SearchRow[]> {
  const union = types.map((type) => documents[type]).join('\n union all\n');
  return em.execute<SearchRow[]>(
    `with query as (select websearch_to_tsquery('english', ?) as english, websearch_to_tsquery('simple', ?) as simple),
     hit as (
       select d.type, d.id, ts_rank(d.document, query.english || query.simple) as score, d.shown
         from (${union}) as d(type, id, document, shown), query
        where d.document @@ (query.english || query.simple)
     )
     select type, id, score::float8 as score, count(*) over ()::int as total,
            ts_headline('english', shown, (select english || simple from query),
                        'StartSel=<b>, StopSel=</b>, MaxFragments=2, MaxWords=20, MinWords=5') as highlight
       from hit
      order by score desc, type, id
      offset ? limit ?`,
    [text, text, window.offset, window.limit],
  );
}
