import { Migration } from '@mikro-orm/migrations';

/** The tables the three search migrations before this one rewrote in bulk. */
const rewritten = ['conference', 'objective', 'organisation', 'person', 'session', 'source', 'search_document_position', 'search_context_session'];
const postingKinds = ['conference', 'session', 'person', 'organisation', 'source', 'position'];

/**
 * Fresh planner statistics for what the search migrations rewrote: with the
 * old ones, search planned its postings reads for the tables as they were
 * and took 200–330 ms a query on the scale-1 corpus, 22 ms once analysed.
 * Autovacuum would get there, but not before the first readers.
 */
export class Migration20261204183000_search_statistics extends Migration {

  override name = 'Migration20261204183000_search_statistics';

  override up(): void | Promise<void> {
    for (const table of rewritten) this.addSql(`analyze "${table}";`);
    for (const kind of postingKinds) {
      this.addSql(`analyze "search_posting_${kind}";`);
      this.addSql(`analyze "search_count_${kind}";`);
    }
  }

  override down(): void | Promise<void> {
    // Statistics are not a schema: nothing to undo.
  }

}
