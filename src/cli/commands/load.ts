import { loadCorpus } from '../../ingest/load-corpus.js';
import type { LoadReport } from '../../ingest/apply-corpus.js';
import type { Command } from '../command.js';
import { withDatabase } from './database.js';

export function printReport(report: LoadReport): void {
  for (const [kind, tally] of Object.entries(report)) {
    const removed = tally.removed ? `, removed ${tally.removed}` : '';
    console.log(`${kind.padEnd(18)} created ${tally.created}, updated ${tally.updated}, unchanged ${tally.unchanged}${removed}`);
  }
}

export const load: Command = {
  usage: 'load [DIR|FILE]',
  summary: 'load the curated corpus (default: DATA_DIR/corpus) in one transaction',
  run: (context) =>
    withDatabase(context, async ({ orm }) => {
      printReport(await loadCorpus(orm, context.config.dataDir, context.args[0]));
      return 0;
    }),
};
