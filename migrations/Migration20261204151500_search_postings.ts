import { Migration } from '@mikro-orm/migrations';

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

type HitKind = (typeof hitKinds)[number];

/**
 * Each lexeme of the hits that `restrict` joins, with the hit's score for a
 * query of that lexeme alone: ts_rank of the best of its documents, which is
 * the score search gives a hit that matches that lexeme only. The documents
 * are read once, behind a fence: a source's large toasted document would
 * otherwise be fetched and decompressed again for each of its lexemes.
 */
function postingsOf({ documents }: HitKind, restrict: (hit: string) => string): string {
  const read = documents
    .map(({ table, hit }) => `select t.${hit} as id, t.search_document || ''::tsvector as document from "${table}" t ${restrict(`t.${hit}`)}`)
    .join(' union all ');
  const scored = `select l.lexeme, d.id, ts_rank(d.document, lekgotla_lexeme_query(l.lexeme)) as score
                    from (${read} offset 0) as d, unnest(d.document) as l
                   where d.id is not null`;
  // Scored before grouping, so that no document is carried through the sort; a hit of one document needs no grouping.
  return documents.length === 1 ? scored : `select lexeme, id, max(score) from (${scored}) as s group by lexeme, id`;
}

/** Keeps the rows of the hits in the `hits` array: a join, which stays fast for the thousands of rows of a bulk import. */
const ofHits = (hit: string) => `join unnest(hits) as h(id) on h.id = ${hit}`;

/** Deletes the postings that `using` and `where` name, and records how many each lexeme lost. */
const deletePostings = (kind: string, using: string, where: string) => `
  with gone as (delete from "search_posting_${kind}" p using ${using} where ${where} returning p.lexeme)
  insert into "search_count_${kind}" (lexeme, hits) select lexeme, -count(*) from gone group by lexeme`;

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
      const { kind, documents } = hitKind;
      const postings = `search_posting_${kind}`;
      const counts = `search_count_${kind}`;
      this.addSql(`create table "${postings}" ("lexeme" text not null, "id" int not null, "score" real not null);`);
      this.addSql(`comment on table "${postings}" is 'Derived from the search documents by triggers (migration search_postings): each lexeme of a ${kind} and its score for that lexeme alone.';`);
      this.addSql(`create table "${counts}" ("lexeme" text not null, "hits" int not null);`);
      this.addSql(`comment on table "${counts}" is 'Derived by triggers (migration search_postings): changes to the number of ${kind} postings of a lexeme, whose sum is that number.';`);
      // Filled before their indexes are built: one sort per index instead of ten million insertions.
      this.addSql(`insert into "${postings}" (lexeme, id, score) ${postingsOf(hitKind, () => '')};`);
      this.addSql(`insert into "${counts}" (lexeme, hits) select lexeme, count(*) from "${postings}" group by lexeme;`);
      this.addSql(`alter table "${postings}" add constraint "${postings}_pkey" primary key ("lexeme", "id");`);
      this.addSql(`create index "${postings}_ranking" on "${postings}" ("lexeme", "score" desc, "id");`);
      this.addSql(`create index "${counts}_lexeme" on "${counts}" ("lexeme") include ("hits");`);
      this.addSql(`analyze "${postings}";`);
      this.addSql(`analyze "${counts}";`);

      // The postings of the given hits (distinct ids), rebuilt from their documents as they are now.
      const documentsOfHits = documents
        .map(({ table, hit }) => `select t.${hit} as id, t.search_document from "${table}" t ${ofHits(`t.${hit}`)}`)
        .join(' union all ');
      this.addSql(`create function "lekgotla_index_${kind}"("hits" int[]) returns void language sql as $$
        ${deletePostings(kind, `(${documentsOfHits}) d, unnest(d.search_document) l`, 'p.lexeme = l.lexeme and p.id = d.id')};
        with came as (insert into "${postings}" (lexeme, id, score) ${postingsOf(hitKind, ofHits)} returning lexeme)
        insert into "${counts}" (lexeme, hits) select lexeme, count(*) from came group by lexeme;
      $$;`);
      for (const { table, hit } of documents) {
        // The postings of lexemes that a document loses go first; then its hits, old and new, are indexed afresh.
        // An update that leaves the document and its hit alone (a session's order, say) changes nothing here.
        const changed = `o.search_document is distinct from n.search_document or o.${hit} is distinct from n.${hit}`;
        this.addSql(`create function "lekgotla_search_postings_after_${table}"() returns trigger language plpgsql as $$
          declare
            hits int[];
          begin
            if tg_op = 'INSERT' then
              hits := array(select n.${hit} from new_rows n);
            elsif tg_op = 'DELETE' then
              ${deletePostings(kind, 'old_rows o, unnest(o.search_document) l', `p.lexeme = l.lexeme and p.id = o.${hit}`)};
              hits := array(select o.${hit} from old_rows o);
            else
              ${deletePostings(kind, 'old_rows o join new_rows n on n.id = o.id, unnest(o.search_document) l', `(${changed}) and p.lexeme = l.lexeme and p.id = o.${hit}`)};
              hits := array(select unnest(array[o.${hit}, n.${hit}]) from old_rows o join new_rows n on n.id = o.id where ${changed});
            end if;
            perform "lekgotla_index_${kind}"(array(select distinct h from unnest(hits) as h where h is not null));
            return null;
          end
        $$;`);
        // A trigger with transition tables serves one event only.
        this.addSql(`create trigger "${table}_search_postings_insert" after insert on "${table}" referencing new table as new_rows for each statement execute function "lekgotla_search_postings_after_${table}"();`);
        this.addSql(`create trigger "${table}_search_postings_update" after update on "${table}" referencing old table as old_rows new table as new_rows for each statement execute function "lekgotla_search_postings_after_${table}"();`);
        this.addSql(`create trigger "${table}_search_postings_delete" after delete on "${table}" referencing old table as old_rows for each statement execute function "lekgotla_search_postings_after_${table}"();`);
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
