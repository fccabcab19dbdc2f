import { Migration } from '@mikro-orm/migrations';

export class Migration20261123112345 extends Migration {

  override name = 'Migration20261123112345';

  override up(): void | Promise<void> {
    this.addSql(`create type "organisation_kind" as enum ('NATIONAL_DEPARTMENT', 'PROVINCIAL_GOVERNMENT', 'MUNICIPALITY', 'MUNICIPAL_DEPARTMENT', 'ORGANISATIONAL_UNIT', 'PUBLIC_ENTITY', 'CONSTITUTIONAL_BODY', 'POLICE_SERVICE', 'UNIVERSITY', 'BUSINESS', 'FORUM', 'OTHER');`);
    this.addSql(`create type "government_sphere" as enum ('NATIONAL', 'PROVINCIAL', 'LOCAL');`);
    this.addSql(`create type "documentation_status" as enum ('DOCUMENTED', 'REFERENCED');`);
    this.addSql(`create type "session_kind" as enum ('ROUND_TABLE', 'BREAKAWAY', 'COMMISSION', 'KEYNOTE', 'ADDRESS', 'PLENARY', 'GALA_DINNER', 'OTHER');`);
    this.addSql(`create type "participation_role" as enum ('CHAIRPERSON', 'FACILITATOR', 'PRESENTER', 'PANELLIST', 'SPEAKER', 'KEYNOTE_SPEAKER');`);
    this.addSql(`create type "source_kind" as enum ('EVENT_PAGE', 'MEDIA_STATEMENT', 'ORGANISATION_PROFILE', 'OTHER');`);
    this.addSql(`create type "cited_kind" as enum ('SOURCE_ANNEX', 'CONFERENCE', 'CONFERENCE_DAY', 'SESSION', 'PARTICIPATION', 'PERSON', 'POSITION', 'ORGANISATION');`);
    this.addSql(`create type "topic_origin" as enum ('CURATED', 'AUTOMATIC');`);
    this.addSql(`create table "organisation" ("id" serial primary key, "key" varchar(255) not null, "name" varchar(255) not null, "acronym" varchar(255) null, "aliases" text[] not null, "kind" "organisation_kind" not null, "sphere" "government_sphere" null, "parent_id" int null, "objectives" text[] not null, "priority_areas" text[] not null);`);
    this.addSql(`alter table "organisation" add constraint "organisation_key_unique" unique ("key");`);
    this.addSql(`create index "organisation_parent_id_index" on "organisation" ("parent_id");`);

    this.addSql(`create table "conference_series" ("id" serial primary key, "slug" varchar(255) not null, "name" varchar(255) not null, "organiser_id" int null);`);
    this.addSql(`alter table "conference_series" add constraint "conference_series_slug_unique" unique ("slug");`);

    this.addSql(`create table "conference" ("id" serial primary key, "series_id" int not null, "year" int not null, "title" varchar(255) not null, "theme" text null, "start_date" date null, "end_date" date null, "venue_name" varchar(255) null, "venue_city" varchar(255) null, "audience" text null, "expected_attendance" int null, "documentation" "documentation_status" not null, "focus" text null, "background" text null, "bookings" text null);`);
    this.addSql(`alter table "conference" add constraint "conference_series_id_year_unique" unique ("series_id", "year");`);

    this.addSql(`create table "objective" ("id" serial primary key, "conference_id" int not null, "ordinal" int not null, "group" varchar(255) null, "text" text not null);`);
    this.addSql(`alter table "objective" add constraint "objective_conference_id_ordinal_unique" unique ("conference_id", "ordinal");`);

    this.addSql(`create table "contact" ("id" serial primary key, "conference_id" int not null, "name" varchar(255) not null, "phone" varchar(255) null, "email" varchar(255) null, "organisation_id" int null);`);
    this.addSql(`create index "contact_conference_id_index" on "contact" ("conference_id");`);
    this.addSql(`alter table "contact" add constraint "contact_conference_id_name_unique" unique ("conference_id", "name");`);

    this.addSql(`create table "conference_day" ("id" serial primary key, "conference_id" int not null, "number" int not null, "date" date null, "sub_theme" text null);`);
    this.addSql(`alter table "conference_day" add constraint "conference_day_conference_id_number_unique" unique ("conference_id", "number");`);

    this.addSql(`create table "person" ("id" serial primary key, "key" varchar(255) not null, "display_name" varchar(255) not null, "honorific" varchar(255) null, "initials" varchar(255) null, "given_names" varchar(255) null, "surname" varchar(255) not null, "aliases" text[] not null);`);
    this.addSql(`alter table "person" add constraint "person_key_unique" unique ("key");`);
    this.addSql(`create index "person_surname_index" on "person" ("surname");`);

    this.addSql(`create table "position" ("id" serial primary key, "person_id" int not null, "title" varchar(255) not null, "organisation_id" int null, "as_of" date null, "acting" boolean not null default false);`);
    this.addSql(`create index "position_person_id_index" on "position" ("person_id");`);
    this.addSql(`create index "position_organisation_id_index" on "position" ("organisation_id");`);
    this.addSql(`create unique index position_natural_key on position (person_id, title, organisation_id, acting) nulls not distinct;`);

    this.addSql(`create table "session" ("id" serial primary key, "conference_id" int not null, "day_id" int null, "parent_id" int null, "ref" varchar(255) not null, "ordinal" int not null, "kind" "session_kind" not null, "title" text not null, "number" int null, "description" text null, "key_issues" text[] not null);`);
    this.addSql(`create index "session_day_id_index" on "session" ("day_id");`);
    this.addSql(`create index "session_parent_id_index" on "session" ("parent_id");`);
    this.addSql(`create index "session_conference_id_ordinal_index" on "session" ("conference_id", "ordinal");`);
    this.addSql(`alter table "session" add constraint "session_conference_id_ref_unique" unique ("conference_id", "ref");`);

    this.addSql(`create table "participation" ("id" serial primary key, "person_id" int not null, "role" "participation_role" not null, "session_id" int null, "day_id" int null, "position_id" int null, "ordinal" int not null);`);
    this.addSql(`create index "participation_person_id_index" on "participation" ("person_id");`);
    this.addSql(`create index "participation_session_id_index" on "participation" ("session_id");`);
    this.addSql(`create index "participation_day_id_index" on "participation" ("day_id");`);
    this.addSql(`create index "participation_position_id_index" on "participation" ("position_id");`);
    this.addSql(`create unique index participation_natural_key on participation (person_id, role, session_id, day_id) nulls not distinct;`);

    this.addSql(`create table "source" ("id" serial primary key, "key" varchar(255) not null, "title" varchar(255) not null, "kind" "source_kind" not null, "url" varchar(255) null, "publisher_id" int null, "issued_on" date null, "updated_on" date null, "text" text not null, "checksum" varchar(64) not null);`);
    this.addSql(`alter table "source" add constraint "source_key_unique" unique ("key");`);
    this.addSql(`alter table "source" add constraint "source_checksum_unique" unique ("checksum");`);

    this.addSql(`create table "conference_source" ("conference_id" int not null, "source_id" int not null, primary key ("conference_id", "source_id"));`);

    this.addSql(`create table "citation" ("id" serial primary key, "subject_kind" "cited_kind" not null, "subject_id" int not null, "source_id" int not null, "excerpt" text not null);`);
    this.addSql(`create index "citation_source_id_index" on "citation" ("source_id");`);
    this.addSql(`create index "citation_subject_kind_subject_id_index" on "citation" ("subject_kind", "subject_id");`);
    this.addSql(`create unique index citation_natural_key on citation (subject_kind, subject_id, source_id, md5(excerpt));`);

    this.addSql(`create table "annex" ("id" serial primary key, "source_id" int not null, "label" varchar(255) not null, "description" text not null, "available" boolean not null);`);
    this.addSql(`alter table "annex" add constraint "annex_source_id_label_unique" unique ("source_id", "label");`);

    this.addSql(`create table "annex_conference" ("annex_id" int not null, "conference_id" int not null, primary key ("annex_id", "conference_id"));`);

    this.addSql(`create table "topic" ("id" serial primary key, "slug" varchar(255) not null, "name" varchar(255) not null, "synonyms" text[] not null, "description" text null);`);
    this.addSql(`alter table "topic" add constraint "topic_slug_unique" unique ("slug");`);

    this.addSql(`create table "session_topic" ("id" serial primary key, "topic_id" int not null, "origin" "topic_origin" not null, "evidence" text not null, "session_id" int not null);`);
    this.addSql(`create index "session_topic_topic_id_index" on "session_topic" ("topic_id");`);
    this.addSql(`alter table "session_topic" add constraint "session_topic_session_id_topic_id_origin_unique" unique ("session_id", "topic_id", "origin");`);

    this.addSql(`create table "organisation_topic" ("id" serial primary key, "topic_id" int not null, "origin" "topic_origin" not null, "evidence" text not null, "organisation_id" int not null);`);
    this.addSql(`create index "organisation_topic_topic_id_index" on "organisation_topic" ("topic_id");`);
    this.addSql(`alter table "organisation_topic" add constraint "organisation_topic_organisation_id_topic_id_origin_unique" unique ("organisation_id", "topic_id", "origin");`);

    this.addSql(`create table "conference_topic" ("id" serial primary key, "topic_id" int not null, "origin" "topic_origin" not null, "evidence" text not null, "conference_id" int not null);`);
    this.addSql(`create index "conference_topic_topic_id_index" on "conference_topic" ("topic_id");`);
    this.addSql(`alter table "conference_topic" add constraint "conference_topic_conference_id_topic_id_origin_unique" unique ("conference_id", "topic_id", "origin");`);

    this.addSql(`alter table "organisation" add constraint "organisation_parent_id_foreign" foreign key ("parent_id") references "organisation" ("id") on delete restrict;`);

    this.addSql(`alter table "conference_series" add constraint "conference_series_organiser_id_foreign" foreign key ("organiser_id") references "organisation" ("id") on delete restrict;`);

    this.addSql(`alter table "conference" add constraint "conference_series_id_foreign" foreign key ("series_id") references "conference_series" ("id") on delete restrict;`);

    this.addSql(`alter table "objective" add constraint "objective_conference_id_foreign" foreign key ("conference_id") references "conference" ("id") on delete cascade;`);

    this.addSql(`alter table "contact" add constraint "contact_conference_id_foreign" foreign key ("conference_id") references "conference" ("id") on delete cascade;`);
    this.addSql(`alter table "contact" add constraint "contact_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on delete restrict;`);

    this.addSql(`alter table "conference_day" add constraint "conference_day_conference_id_foreign" foreign key ("conference_id") references "conference" ("id") on delete cascade;`);

    this.addSql(`alter table "position" add constraint "position_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete cascade;`);
    this.addSql(`alter table "position" add constraint "position_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on delete restrict;`);

    this.addSql(`alter table "session" add constraint "session_conference_id_foreign" foreign key ("conference_id") references "conference" ("id") on delete cascade;`);
    this.addSql(`alter table "session" add constraint "session_day_id_foreign" foreign key ("day_id") references "conference_day" ("id") on delete set null;`);
    this.addSql(`alter table "session" add constraint "session_parent_id_foreign" foreign key ("parent_id") references "session" ("id") on delete cascade;`);

    this.addSql(`alter table "participation" add constraint "participation_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete restrict;`);
    this.addSql(`alter table "participation" add constraint "participation_session_id_foreign" foreign key ("session_id") references "session" ("id") on delete cascade;`);
    this.addSql(`alter table "participation" add constraint "participation_day_id_foreign" foreign key ("day_id") references "conference_day" ("id") on delete cascade;`);
    this.addSql(`alter table "participation" add constraint "participation_position_id_foreign" foreign key ("position_id") references "position" ("id") on delete restrict;`);

    this.addSql(`alter table "source" add constraint "source_publisher_id_foreign" foreign key ("publisher_id") references "organisation" ("id") on delete restrict;`);

    this.addSql(`alter table "conference_source" add constraint "conference_source_conference_id_foreign" foreign key ("conference_id") references "conference" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "conference_source" add constraint "conference_source_source_id_foreign" foreign key ("source_id") references "source" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "citation" add constraint "citation_source_id_foreign" foreign key ("source_id") references "source" ("id") on delete restrict;`);

    this.addSql(`alter table "annex" add constraint "annex_source_id_foreign" foreign key ("source_id") references "source" ("id") on delete cascade;`);

    this.addSql(`alter table "annex_conference" add constraint "annex_conference_annex_id_foreign" foreign key ("annex_id") references "annex" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "annex_conference" add constraint "annex_conference_conference_id_foreign" foreign key ("conference_id") references "conference" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "session_topic" add constraint "session_topic_topic_id_foreign" foreign key ("topic_id") references "topic" ("id") on delete cascade;`);
    this.addSql(`alter table "session_topic" add constraint "session_topic_session_id_foreign" foreign key ("session_id") references "session" ("id") on delete cascade;`);

    this.addSql(`alter table "organisation_topic" add constraint "organisation_topic_topic_id_foreign" foreign key ("topic_id") references "topic" ("id") on delete cascade;`);
    this.addSql(`alter table "organisation_topic" add constraint "organisation_topic_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on delete cascade;`);

    this.addSql(`alter table "conference_topic" add constraint "conference_topic_topic_id_foreign" foreign key ("topic_id") references "topic" ("id") on delete cascade;`);
    this.addSql(`alter table "conference_topic" add constraint "conference_topic_conference_id_foreign" foreign key ("conference_id") references "conference" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "organisation" drop constraint "organisation_parent_id_foreign";`);
    this.addSql(`alter table "conference_series" drop constraint "conference_series_organiser_id_foreign";`);
    this.addSql(`alter table "contact" drop constraint "contact_organisation_id_foreign";`);
    this.addSql(`alter table "position" drop constraint "position_organisation_id_foreign";`);
    this.addSql(`alter table "source" drop constraint "source_publisher_id_foreign";`);
    this.addSql(`alter table "organisation_topic" drop constraint "organisation_topic_organisation_id_foreign";`);
    this.addSql(`alter table "conference" drop constraint "conference_series_id_foreign";`);
    this.addSql(`alter table "objective" drop constraint "objective_conference_id_foreign";`);
    this.addSql(`alter table "contact" drop constraint "contact_conference_id_foreign";`);
    this.addSql(`alter table "conference_day" drop constraint "conference_day_conference_id_foreign";`);
    this.addSql(`alter table "session" drop constraint "session_conference_id_foreign";`);
    this.addSql(`alter table "conference_source" drop constraint "conference_source_conference_id_foreign";`);
    this.addSql(`alter table "annex_conference" drop constraint "annex_conference_conference_id_foreign";`);
    this.addSql(`alter table "conference_topic" drop constraint "conference_topic_conference_id_foreign";`);
    this.addSql(`alter table "session" drop constraint "session_day_id_foreign";`);
    this.addSql(`alter table "participation" drop constraint "participation_day_id_foreign";`);
    this.addSql(`alter table "position" drop constraint "position_person_id_foreign";`);
    this.addSql(`alter table "participation" drop constraint "participation_person_id_foreign";`);
    this.addSql(`alter table "participation" drop constraint "participation_position_id_foreign";`);
    this.addSql(`alter table "session" drop constraint "session_parent_id_foreign";`);
    this.addSql(`alter table "participation" drop constraint "participation_session_id_foreign";`);
    this.addSql(`alter table "session_topic" drop constraint "session_topic_session_id_foreign";`);
    this.addSql(`alter table "conference_source" drop constraint "conference_source_source_id_foreign";`);
    this.addSql(`alter table "citation" drop constraint "citation_source_id_foreign";`);
    this.addSql(`alter table "annex" drop constraint "annex_source_id_foreign";`);
    this.addSql(`alter table "annex_conference" drop constraint "annex_conference_annex_id_foreign";`);
    this.addSql(`alter table "session_topic" drop constraint "session_topic_topic_id_foreign";`);
    this.addSql(`alter table "organisation_topic" drop constraint "organisation_topic_topic_id_foreign";`);
    this.addSql(`alter table "conference_topic" drop constraint "conference_topic_topic_id_foreign";`);

    this.addSql(`drop table if exists "organisation" cascade;`);
    this.addSql(`drop table if exists "conference_series" cascade;`);
    this.addSql(`drop table if exists "conference" cascade;`);
    this.addSql(`drop table if exists "objective" cascade;`);
    this.addSql(`drop table if exists "contact" cascade;`);
    this.addSql(`drop table if exists "conference_day" cascade;`);
    this.addSql(`drop table if exists "person" cascade;`);
    this.addSql(`drop table if exists "position" cascade;`);
    this.addSql(`drop table if exists "session" cascade;`);
    this.addSql(`drop table if exists "participation" cascade;`);
    this.addSql(`drop table if exists "source" cascade;`);
    this.addSql(`drop table if exists "conference_source" cascade;`);
    this.addSql(`drop table if exists "citation" cascade;`);
    this.addSql(`drop table if exists "annex" cascade;`);
    this.addSql(`drop table if exists "annex_conference" cascade;`);
    this.addSql(`drop table if exists "topic" cascade;`);
    this.addSql(`drop table if exists "session_topic" cascade;`);
    this.addSql(`drop table if exists "organisation_topic" cascade;`);
    this.addSql(`drop table if exists "conference_topic" cascade;`);

    this.addSql(`drop type "organisation_kind";`);
    this.addSql(`drop type "government_sphere";`);
    this.addSql(`drop type "documentation_status";`);
    this.addSql(`drop type "session_kind";`);
    this.addSql(`drop type "participation_role";`);
    this.addSql(`drop type "source_kind";`);
    this.addSql(`drop type "cited_kind";`);
    this.addSql(`drop type "topic_origin";`);
  }

}
