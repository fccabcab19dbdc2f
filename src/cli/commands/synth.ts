import { parseArgs } from 'node:util';
import { fingerprintSyntheticCorpus } from '../../synth/fingerprint.js';
import { DEFAULT_SEED, figuresOf } from '../../synth/generate.js';
import { loadSyntheticCorpus, SynthConflictError } from '../../synth/load.js';
import { planScale } from '../../synth/scale.js';
import { TABLE_ORDER, type Figures } from '../../synth/tables.js';
import { UsageError, type Command } from '../command.js';
import { withDatabase } from './database.js';

function parseOptions(args: string[]): { scale: number; seed: number; dryRun: boolean } {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { scale: { type: 'string' }, seed: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
  });
  if (positionals.length > 0) throw new UsageError(`synth takes no arguments besides its options, not "${positionals.join(' ')}"`);
  if (values.scale === undefined) throw new UsageError('synth needs --scale N (1 is about 750 conferences and 25,000 sessions)');
  const scale = Number(values.scale);
  if (!(scale > 0 && scale <= 100)) throw new UsageError(`--scale must be a number above 0 and at most 100, not "${values.scale}"`);
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new UsageError(`--seed must be a whole number from 0 to 4294967295, not "${values.seed}"`);
  return { scale, seed, dryRun: values['dry-run'] };
}

function printFigures(figures: Figures): void {
  for (const table of TABLE_ORDER) console.log(`  ${table.padEnd(18)} ${String(figures[table]).padStart(9)}`);
}

export const synth: Command = {
  usage: 'synth --scale N [--seed S] [--dry-run]',
  summary: 'add a deterministic synthetic corpus (scale 1: 750 conferences, 25,000 sessions) for load testing',
  run: async (context) => {
    const { scale, seed, dryRun } = parseOptions(context.args);
    const plan = planScale(scale);
    console.log(`synthetic corpus at scale ${scale}, seed ${seed}: ${plan.series} series × ${plan.yearsPerSeries} years, ${plan.people} people`);
    if (dryRun) {
      printFigures(figuresOf({ scale, seed }));
      return 0;
    }
    return withDatabase(context, async ({ orm }) => {
      try {
        const report = await loadSyntheticCorpus(orm, { scale, seed }, (message) => context.logger.info(message));
        console.log('rows added:');
        printFigures(report.figures);
        console.log(`automatic topics: ${report.topics.assigned} assigned, ${report.topics.removed} removed, ${report.topics.unchanged} unchanged`);
        const { copy, topics, search, analyze, total } = report.seconds;
        console.log(`loaded in ${total} s (generate and copy ${copy} s, topics ${topics} s, search data ${search} s, analyze ${analyze} s)`);
        console.log(`fingerprint: ${(await fingerprintSyntheticCorpus(orm.em.fork())).all}`);
        return 0;
      } catch (error) {
        if (!(error instanceof SynthConflictError)) throw error;
        console.error(`error: ${error.message}`);
        return 1;
      }
    });
  },
};
