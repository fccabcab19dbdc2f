import { Migration } from '@mikro-orm/migrations';
import { createTopicProgramme, dropTopicProgramme } from '../src/db/topic-programme-sql.ts';

/**
 * Each topic's sessions in programme order, kept by triggers
 * (src/db/topic-programme-sql.ts): the read floor pages a topic's sessions
 * as a range of one index, so the walk through every edition that testing
 * each session against the topic needed (and the index it read) go.
 */
export class Migration20261205100000_topic_programme extends Migration {

  override name = 'Migration20261205100000_topic_programme';

  override up(): void | Promise<void> {
    for (const statement of createTopicProgramme) this.addSql(`${statement};`);
  }

  override down(): void | Promise<void> {
    for (const statement of dropTopicProgramme) this.addSql(`${statement};`);
  }

}
