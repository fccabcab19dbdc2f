import { Migration } from '@mikro-orm/migrations';

/**
 * Full-text search: accent-insensitive English and simple text search
 * configurations, the immutable helpers generated columns need, a weighted
 * tsvector per searchable record with a GIN index, and a trigram index over
 * people's folded names.
 */
export class Migration20261123114209_search extends Migration {

  override name = 'Migration20261123114209_search';

  override up(): void | Promise<void> {
    this.addSql(`create extension if not exists unaccent;`);
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create text search configuration lekgotla_english (copy = english);`);
    this.addSql(`alter text search configuration lekgotla_english alter mapping for hword, hword_part, word with unaccent, english_stem;`);
    this.addSql(`create text search configuration lekgotla_simple (copy = simple);`);
    this.addSql(`alter text search configuration lekgotla_simple alter mapping for hword, hword_part, word with unaccent, simple;`);
    this.addSql(`create or replace function "lekgotla_join"("words" text[]) returns text immutable language sql as \$\$ select coalesce(array_to_string(words, ' '), '') \$\$;`);
    this.addSql(`create or replace function "lekgotla_fold"("value" text) returns text immutable language sql as \$\$ select lower(public.unaccent('public.unaccent'::regdictionary, coalesce(value, ''))) \$\$;`);

    this.addSql(`alter table "organisation" add "search_document" tsvector generated always as (setweight(to_tsvector('lekgotla_english', name), 'A') || setweight(to_tsvector('lekgotla_simple', coalesce(acronym, '') || ' ' || lekgotla_join(aliases)), 'B') || setweight(to_tsvector('lekgotla_english', lekgotla_join(objectives) || ' ' || lekgotla_join(priority_areas)), 'C')) stored null;`);
    this.addSql(`create index "organisation_search_document_index" on "public"."organisation" using gin("search_document");`);
    this.addSql(`alter table "conference" add "search_document" tsvector generated always as (setweight(to_tsvector('lekgotla_english', title), 'A') || setweight(to_tsvector('lekgotla_english', coalesce(theme, '')), 'B') || setweight(to_tsvector('lekgotla_english', coalesce(focus, '') || ' ' || coalesce(background, '')), 'C')) stored null;`);
    this.addSql(`create index "conference_search_document_index" on "public"."conference" using gin("search_document");`);
    this.addSql(`alter table "objective" add "search_document" tsvector generated always as (setweight(to_tsvector('lekgotla_english', text), 'C')) stored null;`);
    this.addSql(`create index "objective_search_document_index" on "public"."objective" using gin("search_document");`);
    this.addSql(`alter table "person" add "search_document" tsvector generated always as (setweight(to_tsvector('lekgotla_simple', display_name || ' ' || coalesce(given_names, '') || ' ' || lekgotla_join(aliases)), 'A')) stored null, add "search_names" text generated always as (lekgotla_fold(display_name || ' ' || coalesce(given_names, '') || ' ' || lekgotla_join(aliases))) stored null;`);
    this.addSql(`create index "person_search_document_index" on "public"."person" using gin("search_document");`);
    this.addSql(`create index person_search_names_trigram on person using gin (search_names gin_trgm_ops);`);
    this.addSql(`alter table "session" add "search_document" tsvector generated always as (setweight(to_tsvector('lekgotla_english', title), 'A') || setweight(to_tsvector('lekgotla_english', lekgotla_join(key_issues)), 'B') || setweight(to_tsvector('lekgotla_english', coalesce(description, '')), 'C')) stored null;`);
    this.addSql(`create index "session_search_document_index" on "public"."session" using gin("search_document");`);
    this.addSql(`alter table "source" add "search_document" tsvector generated always as (setweight(to_tsvector('lekgotla_english', title), 'A') || setweight(to_tsvector('lekgotla_english', text), 'C')) stored null;`);
    this.addSql(`create index "source_search_document_index" on "public"."source" using gin("search_document");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "conference_search_document_index";`);
    this.addSql(`alter table "conference" drop column "search_document";`);
    this.addSql(`drop index "objective_search_document_index";`);
    this.addSql(`alter table "objective" drop column "search_document";`);
    this.addSql(`drop index "organisation_search_document_index";`);
    this.addSql(`alter table "organisation" drop column "search_document";`);
    this.addSql(`drop index "person_search_document_index";`);
    this.addSql(`drop index "person_search_names_trigram";`);
    this.addSql(`alter table "person" drop column "search_document", drop column "search_names";`);
    this.addSql(`drop index "session_search_document_index";`);
    this.addSql(`alter table "session" drop column "search_document";`);
    this.addSql(`drop index "source_search_document_index";`);
    this.addSql(`alter table "source" drop column "search_document";`);
    this.addSql(`drop function if exists "lekgotla_fold"(text);`);
    this.addSql(`drop function if exists "lekgotla_join"(text[]);`);
    this.addSql(`drop text search configuration if exists lekgotla_simple;`);
    this.addSql(`drop text search configuration if exists lekgotla_english;`);
  }

}
