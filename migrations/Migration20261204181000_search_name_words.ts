import { Migration } from '@mikro-orm/migrations';
import { namedRecords, wordsOf } from '../src/db/search-name-words-sql.ts';

/**
 * The words that people's and organisations' names are made of, so that a
 * query word that finds nothing can be corrected to the name one edit or one
 * swap of neighbouring letters away ("Ijoema" → "Ijeoma"). A trigram GiST
 * index gives a word's nearest names in order, so a correction reads a few
 * dozen words, never the whole list. Words are only ever added: one whose
 * last name is gone corrects a query to a word that finds nothing, which the
 * query found already.
 */
export class Migration20261204181000_search_name_words extends Migration {

  override name = 'Migration20261204181000_search_name_words';

  override up(): void | Promise<void> {
    this.addSql(`create extension if not exists fuzzystrmatch;`);
    this.addSql(`create table "search_name_word" ("word" text primary key);`);
    this.addSql(`comment on table "search_name_word" is 'Derived from people''s and organisations'' names by triggers (migration search_name_words): the words a misspelt query word may be corrected to.';`);
    for (const { table, names } of namedRecords) {
      this.addSql(`insert into "search_name_word" (word) ${wordsOf(names, `"${table}"`)} on conflict do nothing;`);
      this.addSql(`create function "lekgotla_name_words_after_${table}"() returns trigger language plpgsql as $$
        begin
          insert into "search_name_word" (word) ${wordsOf(names, 'new_rows')} on conflict do nothing;
          return null;
        end
      $$;`);
      for (const event of ['insert', 'update']) {
        this.addSql(`create trigger "${table}_name_words_${event}" after ${event} on "${table}" referencing new table as new_rows for each statement execute function "lekgotla_name_words_after_${table}"();`);
      }
    }
    this.addSql(`create index "search_name_word_trigram" on "search_name_word" using gist ("word" gist_trgm_ops);`);
    // One letter added, dropped or changed (Levenshtein), or two neighbouring letters swapped.
    this.addSql(`create function "lekgotla_one_edit_apart"("a" text, "b" text) returns boolean immutable strict parallel safe language sql as $$
      select levenshtein_less_equal(a, b, 1) <= 1
          or (char_length(a) = char_length(b) and exists (
                select 1 from generate_series(1, char_length(a) - 1) as i
                 where substr(a, 1, i - 1) || substr(a, i + 1, 1) || substr(a, i, 1) || substr(a, i + 2) = b))
    $$;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function if exists "lekgotla_one_edit_apart"(text, text);`);
    for (const { table } of namedRecords) {
      for (const event of ['insert', 'update']) this.addSql(`drop trigger if exists "${table}_name_words_${event}" on "${table}";`);
      this.addSql(`drop function if exists "lekgotla_name_words_after_${table}"();`);
    }
    this.addSql(`drop table if exists "search_name_word";`);
    this.addSql(`drop extension if exists fuzzystrmatch;`);
  }

}
