import { Migration } from '@mikro-orm/migrations';

/** API keys, the append-only change history, version columns for optimistic locking, and duplicate suggestions. */
export class Migration20261123115026_curation extends Migration {

  override name = 'Migration20261123115026_curation';

  override up(): void | Promise<void> {
    this.addSql(`create type "role" as enum ('EDITOR', 'ADMIN');`);
    this.addSql(`create type "change_action" as enum ('CREATE', 'UPDATE', 'DELETE', 'MERGE', 'SPLIT');`);
    this.addSql(`create table "api_key" ("id" serial primary key, "name" varchar(255) not null, "role" "role" not null, "hash" varchar(64) not null, "prefix" varchar(12) not null, "created_at" timestamptz not null default now(), "revoked_at" timestamptz null);`);
    this.addSql(`alter table "api_key" add constraint "api_key_name_unique" unique ("name");`);
    this.addSql(`alter table "api_key" add constraint "api_key_hash_unique" unique ("hash");`);

    this.addSql(`create table "change" ("id" serial primary key, "at" timestamptz not null default now(), "actor" varchar(255) not null, "action" "change_action" not null, "record_type" varchar(255) not null, "record_id" int not null, "changed_fields" text[] not null, "before" jsonb null, "after" jsonb null, "note" text null);`);
    this.addSql(`create index "change_record_type_record_id_id_index" on "change" ("record_type", "record_id", "id");`);

    this.addSql(`create table "possible_duplicate" ("id" serial primary key, "person_id" int not null, "candidate_id" int not null, "score" double precision not null, "reasons" text[] not null);`);
    this.addSql(`alter table "possible_duplicate" add constraint "possible_duplicate_person_id_candidate_id_unique" unique ("person_id", "candidate_id");`);

    this.addSql(`alter table "organisation" add "version" int not null default 1;`);

    this.addSql(`alter table "conference" add "version" int not null default 1;`);

    this.addSql(`alter table "conference_day" add "version" int not null default 1;`);

    this.addSql(`alter table "person" add "version" int not null default 1;`);

    this.addSql(`alter table "position" add "version" int not null default 1;`);

    this.addSql(`alter table "session" add "version" int not null default 1;`);

    this.addSql(`alter table "participation" add "version" int not null default 1;`);

    this.addSql(`alter table "source" add "version" int not null default 1;`);

    this.addSql(`alter table "annex" add "version" int not null default 1;`);

    this.addSql(`alter table "topic" add "version" int not null default 1;`);

    this.addSql(`create or replace function "change_change_is_append_only_fn"() returns trigger as \$\$ begin raise exception 'the change history is append-only'; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "change_is_append_only" BEFORE UPDATE OR DELETE on "change" for each STATEMENT execute function "change_change_is_append_only_fn"();`);

    this.addSql(`alter table "possible_duplicate" add constraint "possible_duplicate_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete cascade;`);
    this.addSql(`alter table "possible_duplicate" add constraint "possible_duplicate_candidate_id_foreign" foreign key ("candidate_id") references "person" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "api_key" cascade;`);
    this.addSql(`drop trigger if exists "change_is_append_only" on "change";`);
    this.addSql(`drop function if exists "change_change_is_append_only_fn"();`);
    this.addSql(`drop table if exists "change" cascade;`);
    this.addSql(`drop table if exists "possible_duplicate" cascade;`);

    this.addSql(`alter table "annex" drop column "version";`);

    this.addSql(`alter table "conference" drop column "version";`);

    this.addSql(`alter table "conference_day" drop column "version";`);

    this.addSql(`alter table "organisation" drop column "version";`);

    this.addSql(`alter table "participation" drop column "version";`);

    this.addSql(`alter table "person" drop column "version";`);

    this.addSql(`alter table "position" drop column "version";`);

    this.addSql(`alter table "session" drop column "version";`);

    this.addSql(`alter table "source" drop column "version";`);

    this.addSql(`alter table "topic" drop column "version";`);

    this.addSql(`drop type "role";`);
    this.addSql(`drop type "change_action";`);

  }

}
