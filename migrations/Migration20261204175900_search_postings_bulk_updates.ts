import { Migration } from '@mikro-orm/migrations';
import { postingsTriggerFunction, type DocumentTable } from '../src/db/search-postings-sql.ts';

/**
 * Every table of search documents whose postings a trigger keeps, with the
 * kind of hit it serves (migrations search_postings and
 * search_related_documents; the latter's two tables may not exist yet, which
 * a trigger function does not mind until it runs).
 */
const documentTables: ReadonlyArray<{ kind: string; document: DocumentTable }> = [
  { kind: 'conference', document: { table: 'conference', hit: 'id' } },
  { kind: 'conference', document: { table: 'objective', hit: 'conference_id' } },
  { kind: 'session', document: { table: 'session', hit: 'id' } },
  { kind: 'person', document: { table: 'person', hit: 'id' } },
  { kind: 'organisation', document: { table: 'organisation', hit: 'id' } },
  { kind: 'source', document: { table: 'source', hit: 'id' } },
  { kind: 'position', document: { table: 'search_document_position', hit: 'position_id', key: 'position_id' } },
  { kind: 'session', document: { table: 'search_context_session', hit: 'session_id', key: 'session_id' } },
];

/**
 * The postings triggers find the rows an update changed before spreading
 * their documents into lexemes (see postingsTriggerFunction): the next
 * migration rewrites the documents of nearly every source at once, which the
 * first form of the triggers could not do at scale 10 (more than 70 GB of
 * temporary files, then "No space left on device").
 */
export class Migration20261204175900_search_postings_bulk_updates extends Migration {

  override name = 'Migration20261204175900_search_postings_bulk_updates';

  override up(): void | Promise<void> {
    for (const { kind, document } of documentTables) this.addSql(postingsTriggerFunction(kind, document));
  }

  override down(): void | Promise<void> {
    // The first form answered exactly as this one does, only slower on bulk updates: nothing to undo.
  }

}
