import { Migration } from '@mikro-orm/migrations';

/**
 * Imports never replace a known value: a source's different value is kept as
 * a claim for an editor to decide. Position holdings are dated ranges
 * (asOf … latestAsOf), and the history names the import that made a change.
 */
export class Migration20261204150000_claims extends Migration {

  override name = 'Migration20261204150000_claims';

  override up(): void | Promise<void> {
    this.addSql(`create type "claim_status" as enum ('OPEN', 'ACCEPTED', 'KEPT', 'BOTH');`);
    this.addSql(`create table "claim" ("id" serial primary key, "record_type" varchar(255) not null, "record_id" int not null, "field" varchar(255) not null, "value" jsonb not null, "held_value" jsonb null, "source_id" int null, "excerpt" text null, "status" "claim_status" not null, "import_id" uuid null, "created_at" timestamptz not null default now(), "created_by" varchar(255) not null, "decided_at" timestamptz null, "decided_by" varchar(255) null);`);
    this.addSql(`create index "claim_source_id_index" on "claim" ("source_id");`);
    this.addSql(`create index "claim_record_type_record_id_index" on "claim" ("record_type", "record_id");`);
    this.addSql(`create index "claim_status_id_index" on "claim" ("status", "id");`);
    this.addSql(`create unique index claim_natural_key on claim (record_type, record_id, field, md5(value::text));`);
    this.addSql(`alter table "claim" add constraint "claim_source_id_foreign" foreign key ("source_id") references "source" ("id") on delete restrict;`);
    this.addSql(`alter table "position" add "latest_as_of" date null;`);
    this.addSql(`alter table "change" add "import_id" uuid null;`);
    this.addSql(`create index "change_import_id_index" on "change" ("import_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "change_import_id_index";`);
    this.addSql(`alter table "change" drop column "import_id";`);
    this.addSql(`alter table "position" drop column "latest_as_of";`);
    this.addSql(`drop table if exists "claim" cascade;`);
    this.addSql(`drop type "claim_status";`);
  }

}
