import { Migration } from '@mikro-orm/migrations';

/**
 * Sessions by edition in programme order, with their ids: the read floor's
 * walk through a topic's sessions (src/read/session-walk.ts) reads each
 * edition's sessions from this index alone, never their rows.
 */
export class Migration20261205030000_session_walk_index extends Migration {

  override name = 'Migration20261205030000_session_walk_index';

  override up(): void | Promise<void> {
    this.addSql(`create index "session_conference_id_ordinal_id_index" on "session" ("conference_id", "ordinal", "id");`);
    this.addSql(`drop index "session_conference_id_ordinal_index";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`create index "session_conference_id_ordinal_index" on "session" ("conference_id", "ordinal");`);
    this.addSql(`drop index "session_conference_id_ordinal_id_index";`);
  }

}
