import type { EntityManager } from '@mikro-orm/postgresql';
import { queryBound } from '../db/bound-query.js';
import { correctionOf, folded, isKnown, SHORTEST_CORRECTED, WORD } from './search-spelling.js';
import { alternativesOf, plainWord, termsOf, widened } from './search-taxonomy.js';
import type { SearchPlan } from './search-query.js';

/**
 * `$1` the query's folded words that may need help (long enough to correct,
 * or an alternative of their own), `$2` the query → one row: `help`, for
 * each word that no document holds, the name word it is a slip of
 * (search-spelling) or else the names and synonyms of the topic it names
 * (search-taxonomy); and the plan of the query as it is (`plan`, the
 * statement of SearchStatements.planOf), which serves when nothing needs
 * help. A word some document holds costs a few index lookups in the counts
 * and is never looked up further.
 */
export function helpStatement(counts: string[], plan: string): string {
  return `
    with unknown as materialized (
      select a.word from (select distinct w.word from unnest($1::text[]) as w(word)) as a
       where not ${isKnown('a.word', counts)}
    ),
    help as materialized (
      select u.word, c.word as correction, case when c.word is null then ${termsOf('u.word')} end as terms
        from unknown u
        left join lateral (${correctionOf('u.word')}) as c on char_length(u.word) >= ${SHORTEST_CORRECTED}
    ),
    plan as materialized (${plan})
    select (select coalesce(json_agg(json_build_object('word', h.word, 'correction', h.correction, 'terms', h.terms)), '[]') from help h) as help,
           plan.lexemes, plan.ranked
      from plan`;
}

type Help = { word: string; correction: string | null; terms: string[] | null };

/**
 * The query made forgiving, in one statement (none when it has no word that
 * could need help): each word of four letters or more that finds nothing is
 * replaced by the name it is a slip of ("Ijoema" → "ijeoma"); an alternative
 * of one word that finds nothing, and is not corrected, is widened to every
 * name and synonym of the topic it names ("mentorship" → coaching,
 * mentoring). A word that finds something is left as it is. Several words
 * side by side, quotes and a leading minus are the reader's own question and
 * are never widened. `counts` are the tables of lexeme counts, `planOf` the
 * plan statement of the search. Returns the query to search, the corrected
 * query alone (a person's name is looked for in that one: a topic's synonyms
 * are not anyone's name) and, when the query needed no help, its plan.
 */
export async function forgivingQuery(
  em: EntityManager,
  text: string,
  counts: string[],
  planOf: (text: string) => string,
): Promise<{ text: string; corrected: string; plan?: SearchPlan }> {
  const words = (text.match(WORD) ?? []).map(folded).filter((word) => word.length >= SHORTEST_CORRECTED);
  const alternatives = alternativesOf(text);
  const plain = alternatives.map((alternative) => folded(plainWord(alternative)));
  const asked = [...new Set([...words, ...plain.filter((word) => word !== '')])];
  if (asked.length === 0) return { text, corrected: text };
  const [row] = await queryBound<{ help: Help[] } & SearchPlan>(em, helpStatement(counts, planOf('$2::text')), [asked, text]);
  const { help, ...plan } = row!;
  if (help.length === 0) return { text, corrected: text, plan };
  const corrections = new Map(help.flatMap((found) => (found.correction ? [[found.word, found.correction] as const] : [])));
  const terms = new Map(help.flatMap((found) => (found.terms ? [[found.word, found.terms] as const] : [])));
  const corrected = corrections.size === 0 ? text : text.replace(WORD, (word) => corrections.get(folded(word)) ?? word);
  if (terms.size === 0) return { text: corrected, corrected };
  // Corrections change words only, never the ORs between them: the corrected query has the same alternatives.
  const widenedText = alternativesOf(corrected)
    .map((alternative, index) => {
      const found = plain[index] ? terms.get(plain[index]) : undefined;
      return found ? widened(alternative, found) : alternative;
    })
    .join(' OR ');
  return { text: widenedText, corrected };
}
