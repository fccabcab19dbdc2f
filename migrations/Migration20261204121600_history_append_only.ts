import { Migration } from '@mikro-orm/migrations';

/**
 * The change history refuses TRUNCATE as it refuses UPDATE and DELETE: a
 * statement trigger, since TRUNCATE fires no row triggers.
 */
export class Migration20261204121600_history_append_only extends Migration {

  override name = 'Migration20261204121600_history_append_only';

  override up(): void | Promise<void> {
    this.addSql(`drop trigger if exists "change_is_append_only" on "change";`);
    this.addSql(`create trigger "change_is_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE on "change" for each STATEMENT execute function "change_change_is_append_only_fn"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "change_is_append_only" on "change";`);
    this.addSql(`create trigger "change_is_append_only" BEFORE UPDATE OR DELETE on "change" for each STATEMENT execute function "change_change_is_append_only_fn"();`);
  }

}
