import { registerEnumType } from 'type-graphql';

/**
 * The ranks of South African public-service posts that the conferences'
 * programmes name: the Senior Management Service levels, political office,
 * municipal and police leadership, and the heads of public entities.
 */
export enum PositionRank {
  DIRECTOR_GENERAL = 'DIRECTOR_GENERAL',
  DEPUTY_DIRECTOR_GENERAL = 'DEPUTY_DIRECTOR_GENERAL',
  CHIEF_DIRECTOR = 'CHIEF_DIRECTOR',
  DIRECTOR = 'DIRECTOR',
  MINISTER = 'MINISTER',
  DEPUTY_MINISTER = 'DEPUTY_MINISTER',
  PREMIER = 'PREMIER',
  MEC = 'MEC',
  COMMISSIONER = 'COMMISSIONER',
  DEPUTY_COMMISSIONER = 'DEPUTY_COMMISSIONER',
  CHIEF_EXECUTIVE_OFFICER = 'CHIEF_EXECUTIVE_OFFICER',
  MUNICIPAL_MANAGER = 'MUNICIPAL_MANAGER',
  MAYOR = 'MAYOR',
}

registerEnumType(PositionRank, {
  name: 'PositionRank',
  description:
    'The rank of a post, read from its title: the title, ignoring case and punctuation and a leading "Acting", must begin with the rank\'s words. ' +
    'An acting holder counts (Acting Director-General is DIRECTOR_GENERAL); a deputy does not (Deputy Director-General is DEPUTY_DIRECTOR_GENERAL, not DIRECTOR_GENERAL). ' +
    'A title that begins otherwise (Executive Director, Senior Lecturer) has no rank.',
  valuesConfig: {
    DIRECTOR_GENERAL: { description: 'Director-General (or DG): the head of a national department or a provincial administration.' },
    DEPUTY_DIRECTOR_GENERAL: { description: 'Deputy Director-General (or DDG).' },
    CHIEF_DIRECTOR: { description: 'Chief Director.' },
    DIRECTOR: { description: 'Director (e.g. "Director: Human Resources"); not Director-General, Deputy Director or Executive Director.' },
    MINISTER: { description: 'Minister of a national portfolio.' },
    DEPUTY_MINISTER: { description: 'Deputy Minister.' },
    PREMIER: { description: 'Premier of a province.' },
    MEC: { description: 'Member of a provincial Executive Council (MEC).' },
    COMMISSIONER: { description: 'Commissioner, National or Provincial Commissioner (e.g. of the Public Service Commission or the police).' },
    DEPUTY_COMMISSIONER: { description: 'Deputy (National or Provincial) Commissioner.' },
    CHIEF_EXECUTIVE_OFFICER: { description: 'Chief Executive Officer (or CEO), e.g. of a public entity.' },
    MUNICIPAL_MANAGER: { description: 'Municipal Manager or City Manager: the head of a municipal administration.' },
    MAYOR: { description: 'Mayor or Executive Mayor (not Deputy Mayor).' },
  },
});

/**
 * How a title maps to a rank: the first rule whose pattern matches the folded
 * title gives it. Each pattern is anchored at the start and ends on a word
 * boundary, so "Deputy Director-General" never reads as Director-General;
 * Director comes after Director-General, which it would otherwise swallow.
 * The patterns are written in the regular-expression syntax that JavaScript
 * and PostgreSQL share, so both read paths apply the very same rules.
 */
const RANK_WORDS: ReadonlyArray<readonly [PositionRank, string]> = [
  [PositionRank.DEPUTY_DIRECTOR_GENERAL, 'deputy director general|ddg'],
  [PositionRank.DIRECTOR_GENERAL, 'director general|dg'],
  [PositionRank.CHIEF_DIRECTOR, 'chief director'],
  [PositionRank.DIRECTOR, 'director'],
  [PositionRank.DEPUTY_MINISTER, 'deputy minister'],
  [PositionRank.MINISTER, 'minister'],
  [PositionRank.PREMIER, 'premier'],
  [PositionRank.MEC, 'mec|member of the executive council'],
  [PositionRank.DEPUTY_COMMISSIONER, 'deputy (national |provincial )?commissioner'],
  [PositionRank.COMMISSIONER, '(national |provincial )?commissioner'],
  [PositionRank.CHIEF_EXECUTIVE_OFFICER, 'chief executive officer|ceo'],
  [PositionRank.MUNICIPAL_MANAGER, '(municipal|city) manager'],
  [PositionRank.MAYOR, '(executive )?mayor'],
];

export const RANK_RULES: ReadonlyArray<{ rank: PositionRank; pattern: string }> = RANK_WORDS.map(([rank, words]) => ({
  rank,
  pattern: `^(acting )?(${words})( |$)`,
}));

/** A title as the filters compare it: lower case, every run of other characters than a–z and 0–9 one space, trimmed. */
export const foldTitle = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

const compiledRules = RANK_RULES.map(({ rank, pattern }) => ({ rank, pattern: new RegExp(pattern) }));

/** The rank a title gives its post, or null when it gives none. */
export function rankOfTitle(title: string): PositionRank | null {
  const folded = foldTitle(title);
  return compiledRules.find(({ pattern }) => pattern.test(folded))?.rank ?? null;
}

/** SQL folding the text expression `title` as foldTitle does. */
export const foldedTitleSql = (title: string) => `btrim(regexp_replace(lower(${title}), '[^a-z0-9]+', ' ', 'g'))`;

/** SQL giving the rank of the text expression `title` as rankOfTitle does (as the enum's name), null when none. */
export function rankOfTitleSql(title: string): string {
  const folded = foldedTitleSql(title);
  return `(case ${RANK_RULES.map(({ rank, pattern }) => `when ${folded} ~ '${pattern}' then '${rank}'`).join(' ')} end)`;
}
