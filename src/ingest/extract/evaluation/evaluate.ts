import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CorpusFile } from '../../corpus.schema.js';
import { extractDraft } from '../extract-draft.js';
import { parseAnswerKey } from './answer-key.js';
import { claimsOf } from './claims.js';
import { linkToKnown } from './known-people.js';
import { entityFields, fields, scorePage, type FalseClaim, type Field, type Miss, type PageScore, type Tally } from './score.js';

/** The targets of issue 10: nearly every listed fact found, and no invented series, person or organisation. */
export const targets = { recall: 0.95, entityPrecision: 1 } as const;

export type SetScore = {
  name: string;
  pages: number;
  byField: Record<Field, Tally>;
  overall: Tally;
  entities: Tally;
  misses: Miss[];
  falseClaims: FalseClaim[];
};

export const recall = (tally: Tally) => (tally.listed === 0 ? 1 : tally.found / tally.listed);
export const precision = (tally: Tally) => (tally.claimed === 0 ? 1 : tally.correct / tally.claimed);

const meetsRecall = (score: SetScore) => recall(score.overall) >= targets.recall;
const meetsEntityPrecision = (score: SetScore) => precision(score.entities) >= targets.entityPrecision;

export function meetsTargets(score: SetScore): boolean {
  return meetsRecall(score) && meetsEntityPrecision(score);
}

function add(total: Tally, tally: Tally): Tally {
  return {
    listed: total.listed + tally.listed,
    found: total.found + tally.found,
    claimed: total.claimed + tally.claimed,
    correct: total.correct + tally.correct,
  };
}

const empty = (): Tally => ({ listed: 0, found: 0, claimed: 0, correct: 0 });

export function combine(name: string, pages: PageScore[]): SetScore {
  const byField = Object.fromEntries(fields.map((field) => [field, pages.reduce((total, page) => add(total, page.tallies[field]), empty())])) as Record<Field, Tally>;
  return {
    name,
    pages: pages.length,
    byField,
    overall: fields.reduce((total, field) => add(total, byField[field]), empty()),
    entities: entityFields.reduce((total, field) => add(total, byField[field]), empty()),
    misses: pages.flatMap((page) => page.misses),
    falseClaims: pages.flatMap((page) => page.falseClaims),
  };
}

/**
 * Extracts every `<name>.txt` of a folder and scores it against `<name>.yaml`;
 * `known` is the curated corpus the people are linked to, as an import would.
 */
export async function evaluateSet(folder: string, known: CorpusFile): Promise<SetScore> {
  const names = (await readdir(folder)).filter((file) => file.endsWith('.txt')).map((file) => file.slice(0, -4)).sort();
  if (names.length === 0) throw new Error(`${folder}: no pages (<name>.txt with <name>.yaml)`);
  const pages: PageScore[] = [];
  for (const name of names) {
    const text = await readFile(path.join(folder, `${name}.txt`), 'utf8');
    const keyFile = path.join(folder, `${name}.yaml`);
    const key = parseAnswerKey(keyFile, await readFile(keyFile, 'utf8'));
    const draft = extractDraft(text, { sourceKey: name, sourceFile: `${name}.txt` });
    pages.push(scorePage(name, key, claimsOf(draft), linkToKnown(draft.draft, known)));
  }
  return combine(path.basename(folder), pages);
}

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;

/** The figures of one set as a table, then what was missed and what was claimed wrongly. */
export function formatSetScore(score: SetScore): string {
  const row = (label: string, tally: Tally) =>
    `${label.padEnd(24)} ${`${tally.found}/${tally.listed}`.padStart(9)} ${percent(recall(tally)).padStart(8)}   ${`${tally.correct}/${tally.claimed}`.padStart(9)} ${percent(precision(tally)).padStart(8)}`;
  const lines = [
    `${score.name}: ${score.pages} pages`,
    `${'field'.padEnd(24)} ${'found'.padStart(9)} ${'recall'.padStart(8)}   ${'correct'.padStart(9)} ${'precision'.padStart(8)}`,
    ...fields.filter((field) => score.byField[field].listed + score.byField[field].claimed > 0).map((field) => row(field, score.byField[field])),
    row('overall', score.overall),
    row('entities', score.entities),
    `targets: recall ≥ ${percent(targets.recall)} (${meetsRecall(score) ? 'met' : 'NOT met'}), entity precision ${percent(targets.entityPrecision)} (${meetsEntityPrecision(score) ? 'met' : 'NOT met'})`,
  ];
  if (score.misses.length > 0) {
    lines.push('missed:');
    for (const miss of score.misses) lines.push(`  ${miss.page}  ${miss.field}: ${miss.expected}${miss.claimed !== undefined ? ` (drafted: ${miss.claimed})` : ''}`);
  }
  if (score.falseClaims.length > 0) {
    lines.push('claimed, not in the key:');
    for (const claim of score.falseClaims) lines.push(`  ${claim.page}  ${claim.field}: ${claim.claimed}`);
  }
  return lines.join('\n');
}
