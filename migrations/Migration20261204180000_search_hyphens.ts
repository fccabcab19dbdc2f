import { Migration } from '@mikro-orm/migrations';
import { rewriteDocuments, type HitKind } from '../src/db/search-postings-sql.ts';

/** The tables with generated search documents: a column they are made from, and all the text they are made from. */
const documents = [
  { table: 'organisation', column: 'name', text: `name || ' ' || coalesce(acronym, '') || ' ' || lekgotla_join(aliases) || ' ' || lekgotla_join(objectives) || ' ' || lekgotla_join(priority_areas)` },
  { table: 'conference', column: 'title', text: `title || ' ' || coalesce(theme, '') || ' ' || coalesce(focus, '') || ' ' || coalesce(background, '')` },
  { table: 'objective', column: 'text', text: 'text' },
  { table: 'person', column: 'display_name', text: `display_name || ' ' || coalesce(given_names, '') || ' ' || lekgotla_join(aliases)` },
  { table: 'session', column: 'title', text: `title || ' ' || lekgotla_join(key_issues) || ' ' || coalesce(description, '')` },
  { table: 'source', column: 'title', text: `title || ' ' || text` },
] as const;

/** The kinds of search hit whose postings these documents feed (migration search_postings). */
const hitKinds: readonly HitKind[] = [
  { kind: 'conference', documents: [{ table: 'conference', hit: 'id' }, { table: 'objective', hit: 'conference_id' }] },
  { kind: 'session', documents: [{ table: 'session', hit: 'id' }] },
  { kind: 'person', documents: [{ table: 'person', hit: 'id' }] },
  { kind: 'organisation', documents: [{ table: 'organisation', hit: 'id' }] },
  { kind: 'source', documents: [{ table: 'source', hit: 'id' }] },
];

// PostgreSQL recomputes a generated column only when a column it is made from is set.
const rebuildHyphenated = documents.map(({ table, column, text }) => `update "${table}" set "${column}" = "${column}" where strpos(${text}, '-') > 0;`);

/**
 * Hyphenated words are indexed, and queried, as their parts only: the
 * parser also yields the whole compound ("auditor-general"), which a text
 * that writes "Auditor General" never holds, so a query for either spelling
 * missed the other. Without the compound, both are the same two words side
 * by side. The documents with a hyphen are rebuilt, then the postings from
 * them in one pass (rewriteDocuments: the postings triggers could not carry
 * a rewrite of every source at scale 10).
 */
export class Migration20261204180000_search_hyphens extends Migration {

  override name = 'Migration20261204180000_search_hyphens';

  override up(): void | Promise<void> {
    // The postings indexes are rebuilt: their sorts stay in memory.
    this.addSql(`set local maintenance_work_mem = '256MB';`);
    for (const configuration of ['lekgotla_english', 'lekgotla_simple']) {
      this.addSql(`alter text search configuration ${configuration} drop mapping if exists for asciihword, hword, numhword;`);
    }
    for (const statement of rewriteDocuments(hitKinds, rebuildHyphenated)) this.addSql(statement);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter text search configuration lekgotla_english add mapping for asciihword with english_stem;`);
    this.addSql(`alter text search configuration lekgotla_english add mapping for hword with unaccent, english_stem;`);
    this.addSql(`alter text search configuration lekgotla_english add mapping for numhword with simple;`);
    this.addSql(`alter text search configuration lekgotla_simple add mapping for asciihword with simple;`);
    this.addSql(`alter text search configuration lekgotla_simple add mapping for hword with unaccent, simple;`);
    this.addSql(`alter text search configuration lekgotla_simple add mapping for numhword with simple;`);
    for (const statement of rewriteDocuments(hitKinds, rebuildHyphenated)) this.addSql(statement);
  }

}
