import { Migration } from '@mikro-orm/migrations';
import { documentTriggers, indexFunction, postingTables } from '../src/db/search-postings-sql.ts';

/**
 * What each kind of search hit is found by: the records whose search
 * documents it owns, and the column naming the hit. A conference is found by
 * its own text and by each of its objectives.
 */
const hitKinds = [
  { kind: 'conference', documents: [{ table: 'conference', hit: 'id' }, { table: 'objective', hit: 'conference_id' }] },
  { kind: 'session', documents: [{ table: 'session', hit: 'id' }] },
  { kind: 'person', documents: [{ table: 'person', hit: 'id' }] },
  { kind: 'organisation', documents: [{ table: 'organisation', hit: 'id' }] },
  { kind: 'source', documents: [{ table: 'source', hit: 'id' }] },
] as const;

/**
 * Search postings: for every lexeme of every searchable record, the hit it
 * leads to and that hit's score for the lexeme alone, in a table per kind of
 * hit ordered by (lexeme, score), and the number of hits per lexeme — so that
 * a search for a common word takes its best hits from the front of an index
 * and its total from a few rows, instead of ranking and counting every
 * matching document. Statement triggers keep both equal to the documents
 * through every insert, update and delete.
 *
 * The counts are kept as signed changes that are only ever inserted (a
 * lexeme's count is their sum): writers that share common words then never
 * wait for, or deadlock on, one another's count rows.
 */
export class Migration20261204151500_search_postings extends Migration {

  override name = 'Migration20261204151500_search_postings';

  override up(): void | Promise<void> {
    // Ten million postings at scale 10: the index builds sort in memory rather than on disk.
    this.addSql(`set local maintenance_work_mem = '256MB';`);
    // A lexeme as a query of its own, quoted as tsquery input wants (lexemes may hold quotes, slashes, colons).
    this.addSql(`create function "lekgotla_lexeme_query"("lexeme" text) returns tsquery immutable strict parallel safe language sql as $$ select ('''' || replace(replace(lexeme, '\\', '\\\\'), '''', '''''') || '''')::tsquery $$;`);
    for (const hitKind of hitKinds) {
      for (const statement of postingTables(hitKind, 'search_postings')) this.addSql(statement);
      this.addSql(indexFunction(hitKind));
      for (const document of hitKind.documents) {
        for (const statement of documentTriggers(hitKind.kind, document)) this.addSql(statement);
      }
    }
  }

  override down(): void | Promise<void> {
    for (const { kind, documents } of hitKinds) {
      for (const { table } of documents) {
        for (const event of ['insert', 'update', 'delete']) this.addSql(`drop trigger if exists "${table}_search_postings_${event}" on "${table}";`);
        this.addSql(`drop function if exists "lekgotla_search_postings_after_${table}"();`);
      }
      this.addSql(`drop function if exists "lekgotla_index_${kind}"(int[]);`);
      this.addSql(`drop table if exists "search_posting_${kind}";`);
      this.addSql(`drop table if exists "search_count_${kind}";`);
    }
    this.addSql(`drop function if exists "lekgotla_lexeme_query"(text);`);
  }

}
