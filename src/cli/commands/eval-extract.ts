import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CorpusFile } from '../../ingest/corpus.schema.js';
import { evaluateSet, formatSetScore, meetsTargets } from '../../ingest/extract/evaluation/evaluate.js';
import { parseCorpusFile } from '../../ingest/read-corpus.js';
import type { Command } from '../command.js';

const options = { corpus: { type: 'string', default: 'data/corpus' } } as const;

/** The organisations and people of every curated file, which extracted people are linked to. */
export async function readKnown(directory: string): Promise<CorpusFile> {
  const files = (await readdir(directory)).filter((file) => /\.ya?ml$/.test(file)).sort();
  const parts = await Promise.all(files.map(async (file) => parseCorpusFile(file, await readFile(path.join(directory, file), 'utf8')).content));
  return {
    sources: [],
    topics: [],
    series: parts.flatMap((part) => part.series),
    conferences: [],
    organisations: parts.flatMap((part) => part.organisations),
    people: parts.flatMap((part) => part.people),
  };
}

export const evalExtract: Command = {
  usage: 'eval-extract [SET_DIR…] [--corpus DIR]',
  summary: 'score the extractor against pages with answer keys (default: test/extraction-eval/tune and holdout)',
  run: async (context) => {
    const { positionals, values } = parseArgs({ args: context.args, allowPositionals: true, options });
    const sets = positionals.length > 0 ? positionals : ['test/extraction-eval/tune', 'test/extraction-eval/holdout'];
    const known = await readKnown(values.corpus);
    let met = true;
    for (const folder of sets) {
      const score = await evaluateSet(folder, known);
      console.log(`${formatSetScore(score)}\n`);
      met &&= meetsTargets(score);
    }
    return met ? 0 : 1;
  },
};
