import { Migration } from '@mikro-orm/migrations';

/**
 * The facts researchers missed (issue 10): documents that sessions launch,
 * table or discuss, with their topics; an edition's outcomes and resolutions,
 * how complete its programme is, and attendance figures with their kind;
 * a series' sphere and province; the order of an organisation's units as
 * the source lists them. The new cited kinds stay in `cited_kind` on the way
 * down: PostgreSQL cannot drop an enum value.
 */
export class Migration20261204145318_edition_facts extends Migration {

  override name = 'Migration20261204145318_edition_facts';

  override up(): void | Promise<void> {
    this.addSql(`create type "document_kind" as enum ('FRAMEWORK', 'STRATEGY', 'POLICY', 'REPORT', 'PRESENTATION', 'OTHER');`);
    this.addSql(`create type "series_sphere" as enum ('NATIONAL', 'PROVINCIAL', 'MUNICIPAL');`);
    this.addSql(`create type "province" as enum ('EASTERN_CAPE', 'FREE_STATE', 'GAUTENG', 'KWAZULU_NATAL', 'LIMPOPO', 'MPUMALANGA', 'NORTHERN_CAPE', 'NORTH_WEST', 'WESTERN_CAPE');`);
    this.addSql(`create type "programme_completeness" as enum ('COMPLETE', 'PARTIAL', 'UNKNOWN');`);
    this.addSql(`create type "attendance_kind" as enum ('EXPECTED', 'REPORTED');`);
    this.addSql(`create type "outcome_kind" as enum ('OUTCOME', 'RESOLUTION');`);
    this.addSql(`create type "document_action" as enum ('LAUNCHED', 'TABLED', 'DISCUSSED', 'PRESENTED');`);
    this.addSql(`create table "document" ("id" serial primary key, "version" int not null default 1, "key" varchar(255) not null, "title" text not null, "kind" "document_kind" not null, "description" text null);`);
    this.addSql(`alter table "document" add constraint "document_key_unique" unique ("key");`);

    this.addSql(`create table "attendance" ("id" serial primary key, "series_id" int not null, "conference_id" int null, "figure" int not null, "kind" "attendance_kind" not null, "approximate" boolean not null default false, "counts" text null);`);
    this.addSql(`create index "attendance_conference_id_index" on "attendance" ("conference_id");`);
    this.addSql(`create unique index attendance_natural_key on attendance (series_id, conference_id, kind, figure) nulls not distinct;`);

    this.addSql(`create table "conference_outcome" ("id" serial primary key, "conference_id" int not null, "ordinal" int not null, "kind" "outcome_kind" not null, "text" text not null);`);
    this.addSql(`alter table "conference_outcome" add constraint "conference_outcome_conference_id_ordinal_unique" unique ("conference_id", "ordinal");`);

    this.addSql(`create table "session_document" ("id" serial primary key, "session_id" int not null, "document_id" int not null, "action" "document_action" not null);`);
    this.addSql(`create index "session_document_document_id_index" on "session_document" ("document_id");`);
    this.addSql(`alter table "session_document" add constraint "session_document_session_id_document_id_action_unique" unique ("session_id", "document_id", "action");`);

    this.addSql(`create table "document_topic" ("id" serial primary key, "topic_id" int not null, "origin" "topic_origin" not null, "evidence" text not null, "document_id" int not null);`);
    this.addSql(`create index "document_topic_topic_id_index" on "document_topic" ("topic_id");`);
    this.addSql(`alter table "document_topic" add constraint "document_topic_document_id_topic_id_origin_unique" unique ("document_id", "topic_id", "origin");`);

    this.addSql(`alter table "organisation" add "ordinal" int null;`);

    this.addSql(`alter table "conference_series" add "sphere" "series_sphere" null, add "province" "province" null;`);

    this.addSql(`alter table "conference" add "programme_completeness" "programme_completeness" not null default 'UNKNOWN', add "programme_note" text null;`);

    this.addSql(`alter type "cited_kind" add value if not exists 'CONFERENCE_SERIES' after 'ORGANISATION';`);
    this.addSql(`alter type "cited_kind" add value if not exists 'CONFERENCE_OUTCOME' after 'CONFERENCE_SERIES';`);
    this.addSql(`alter type "cited_kind" add value if not exists 'PROGRAMME_COMPLETENESS' after 'CONFERENCE_OUTCOME';`);
    this.addSql(`alter type "cited_kind" add value if not exists 'ATTENDANCE' after 'PROGRAMME_COMPLETENESS';`);
    this.addSql(`alter type "cited_kind" add value if not exists 'DOCUMENT' after 'ATTENDANCE';`);
    this.addSql(`alter type "cited_kind" add value if not exists 'SESSION_DOCUMENT' after 'DOCUMENT';`);

    this.addSql(`alter table "attendance" add constraint "attendance_series_id_foreign" foreign key ("series_id") references "conference_series" ("id") on delete cascade;`);
    this.addSql(`alter table "attendance" add constraint "attendance_conference_id_foreign" foreign key ("conference_id") references "conference" ("id") on delete cascade;`);

    this.addSql(`alter table "conference_outcome" add constraint "conference_outcome_conference_id_foreign" foreign key ("conference_id") references "conference" ("id") on delete cascade;`);

    this.addSql(`alter table "session_document" add constraint "session_document_session_id_foreign" foreign key ("session_id") references "session" ("id") on delete cascade;`);
    this.addSql(`alter table "session_document" add constraint "session_document_document_id_foreign" foreign key ("document_id") references "document" ("id") on delete cascade;`);

    this.addSql(`alter table "document_topic" add constraint "document_topic_topic_id_foreign" foreign key ("topic_id") references "topic" ("id") on delete cascade;`);
    this.addSql(`alter table "document_topic" add constraint "document_topic_document_id_foreign" foreign key ("document_id") references "document" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "session_document" drop constraint "session_document_document_id_foreign";`);
    this.addSql(`alter table "document_topic" drop constraint "document_topic_document_id_foreign";`);

    this.addSql(`drop table if exists "document" cascade;`);
    this.addSql(`drop table if exists "attendance" cascade;`);
    this.addSql(`drop table if exists "conference_outcome" cascade;`);
    this.addSql(`drop table if exists "session_document" cascade;`);
    this.addSql(`drop table if exists "document_topic" cascade;`);

    this.addSql(`alter table "conference" drop column "programme_completeness", drop column "programme_note";`);

    this.addSql(`alter table "conference_series" drop column "sphere", drop column "province";`);

    this.addSql(`alter table "organisation" drop column "ordinal";`);

    this.addSql(`drop type "document_kind";`);
    this.addSql(`drop type "series_sphere";`);
    this.addSql(`drop type "province";`);
    this.addSql(`drop type "programme_completeness";`);
    this.addSql(`drop type "attendance_kind";`);
    this.addSql(`drop type "outcome_kind";`);
    this.addSql(`drop type "document_action";`);

  }

}
