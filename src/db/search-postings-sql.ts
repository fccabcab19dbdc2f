/**
 * The SQL that keeps search postings (migrations search_postings and
 * search_related_documents): for a kind of hit, the tables of search
 * documents it is found by and the column of each that names the hit.
 */
export type HitKind = { kind: string; documents: readonly DocumentTable[] };

/** A table of search documents: the column naming the hit each finds, and the row's own key when it is not `id`. */
export type DocumentTable = { table: string; hit: string; key?: string };

/**
 * Each lexeme of the hits that `restrict` joins, with the hit's score for a
 * query of that lexeme alone: ts_rank of the best of its documents, which is
 * the score search gives a hit that matches that lexeme only. The documents
 * are read once, behind a fence: a source's large toasted document would
 * otherwise be fetched and decompressed again for each of its lexemes.
 */
export function postingsOf({ documents }: HitKind, restrict: (hit: string) => string): string {
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
export const ofHits = (hit: string) => `join unnest(hits) as h(id) on h.id = ${hit}`;

/** Deletes the postings that `using` and `where` name, and records how many each lexeme lost. */
export const deletePostings = (kind: string, using: string, where: string) => `
  with gone as (delete from "search_posting_${kind}" p using ${using} where ${where} returning p.lexeme)
  insert into "search_count_${kind}" (lexeme, hits) select lexeme, -count(*) from gone group by lexeme`;

/** `lekgotla_index_<kind>(hits int[])`: the postings of the given hits (distinct ids), rebuilt from their documents as they are now. */
export function indexFunction(hitKind: HitKind): string {
  const { kind, documents } = hitKind;
  const documentsOfHits = documents
    .map(({ table, hit }) => `select t.${hit} as id, t.search_document from "${table}" t ${ofHits(`t.${hit}`)}`)
    .join(' union all ');
  return `create or replace function "lekgotla_index_${kind}"("hits" int[]) returns void language sql as $$
    ${deletePostings(kind, `(${documentsOfHits}) d, unnest(d.search_document) l`, 'p.lexeme = l.lexeme and p.id = d.id')};
    with came as (insert into "search_posting_${kind}" (lexeme, id, score) ${postingsOf(hitKind, ofHits)} returning lexeme)
    insert into "search_count_${kind}" (lexeme, hits) select lexeme, count(*) from came group by lexeme;
  $$;`;
}

/**
 * The trigger function that keeps the postings of `kind` through every change
 * to one of its document tables. An update first finds the rows whose document
 * or hit changed, and only then spreads their old documents into lexemes:
 * testing the change on each lexeme's row carried two whole documents per
 * lexeme, which for a bulk update of the sources at scale 10 spilled more than
 * 70 GB of temporary files.
 */
export function postingsTriggerFunction(kind: string, { table, hit, key = 'id' }: DocumentTable): string {
  // An update that leaves the document and its hit alone (a session's order, say) changes nothing here.
  const changed = `o.search_document is distinct from n.search_document or o.${hit} is distinct from n.${hit}`;
  // The fence (offset 0) keeps the changed rows apart from the lexemes they are spread into.
  const changedOldDocuments = `(select o.${hit} as hit, o.search_document from old_rows o join unnest(changed) as c(${key}) on c.${key} = o.${key} offset 0) o`;
  return `create or replace function "lekgotla_search_postings_after_${table}"() returns trigger language plpgsql as $$
      declare
        hits int[];
        changed int[];
      begin
        if tg_op = 'INSERT' then
          hits := array(select n.${hit} from new_rows n);
        elsif tg_op = 'DELETE' then
          ${deletePostings(kind, 'old_rows o, unnest(o.search_document) l', `p.lexeme = l.lexeme and p.id = o.${hit}`)};
          hits := array(select o.${hit} from old_rows o);
        else
          changed := array(select o.${key} from old_rows o join new_rows n on n.${key} = o.${key} where ${changed});
          ${deletePostings(kind, `${changedOldDocuments}, unnest(o.search_document) l`, 'p.lexeme = l.lexeme and p.id = o.hit')};
          hits := array(select unnest(array[o.${hit}, n.${hit}]) from old_rows o join new_rows n on n.${key} = o.${key} join unnest(changed) as c(${key}) on c.${key} = o.${key});
        end if;
        perform "lekgotla_index_${kind}"(array(select distinct h from unnest(hits) as h where h is not null));
        return null;
      end
    $$;`;
}

/** The trigger function (postingsTriggerFunction) and its three triggers, for one document table of `kind`. */
export function documentTriggers(kind: string, document: DocumentTable): string[] {
  const { table } = document;
  return [
    postingsTriggerFunction(kind, document),
    // A trigger with transition tables serves one event only.
    `create trigger "${table}_search_postings_insert" after insert on "${table}" referencing new table as new_rows for each statement execute function "lekgotla_search_postings_after_${table}"();`,
    `create trigger "${table}_search_postings_update" after update on "${table}" referencing old table as old_rows new table as new_rows for each statement execute function "lekgotla_search_postings_after_${table}"();`,
    `create trigger "${table}_search_postings_delete" after delete on "${table}" referencing old table as old_rows for each statement execute function "lekgotla_search_postings_after_${table}"();`,
  ];
}

/**
 * Fills the (empty) postings and counts tables of a kind of hit from its
 * documents, then builds their indexes: one sort per index instead of ten
 * million insertions into indexed tables.
 */
function fillPostings(hitKind: HitKind): string[] {
  const postings = `search_posting_${hitKind.kind}`;
  const counts = `search_count_${hitKind.kind}`;
  return [
    `insert into "${postings}" (lexeme, id, score) ${postingsOf(hitKind, () => '')};`,
    `insert into "${counts}" (lexeme, hits) select lexeme, count(*) from "${postings}" group by lexeme;`,
    `alter table "${postings}" add constraint "${postings}_pkey" primary key ("lexeme", "id");`,
    `create index "${postings}_ranking" on "${postings}" ("lexeme", "score" desc, "id");`,
    `create index "${counts}_lexeme" on "${counts}" ("lexeme") include ("hits");`,
    `analyze "${postings}";`,
    `analyze "${counts}";`,
  ];
}

/**
 * The postings and counts tables of a kind of hit, filled from its
 * documents. `migration` names the migration that creates them.
 */
export function postingTables(hitKind: HitKind, migration: string): string[] {
  const { kind } = hitKind;
  const postings = `search_posting_${kind}`;
  const counts = `search_count_${kind}`;
  return [
    `create table "${postings}" ("lexeme" text not null, "id" int not null, "score" real not null);`,
    `comment on table "${postings}" is 'Derived from the search documents by triggers (migration ${migration}): each lexeme of a ${kind} and its score for that lexeme alone.';`,
    `create table "${counts}" ("lexeme" text not null, "hits" int not null);`,
    `comment on table "${counts}" is 'Derived by triggers (migration ${migration}): changes to the number of ${kind} postings of a lexeme, whose sum is that number.';`,
    ...fillPostings(hitKind),
  ];
}

/**
 * Statements that rewrite the search documents of every table of `hitKinds`
 * in bulk (`rewrite`), with the postings triggers off, then rebuild those
 * kinds' postings and counts from the documents in one pass. Through the
 * triggers, a rewrite of every source at scale 10 spilled tens of gigabytes of
 * transition tables and lexeme joins to disk.
 */
export function rewriteDocuments(hitKinds: readonly HitKind[], rewrite: readonly string[]): string[] {
  const tables = [...new Set(hitKinds.flatMap(({ documents }) => documents.map(({ table }) => table)))];
  return [
    ...tables.map((table) => `alter table "${table}" disable trigger "${table}_search_postings_update";`),
    ...rewrite,
    ...tables.map((table) => `alter table "${table}" enable trigger "${table}_search_postings_update";`),
    ...hitKinds.flatMap(refillPostings),
  ];
}

/**
 * Empties the postings and counts of a kind of hit and fills them again
 * from its documents as they are now, indexes built after the fill.
 */
export function refillPostings(hitKind: HitKind): string[] {
  const postings = `search_posting_${hitKind.kind}`;
  const counts = `search_count_${hitKind.kind}`;
  return [
    `drop index "${postings}_ranking";`,
    `alter table "${postings}" drop constraint "${postings}_pkey";`,
    `drop index "${counts}_lexeme";`,
    `truncate "${postings}", "${counts}";`,
    ...fillPostings(hitKind),
  ];
}
