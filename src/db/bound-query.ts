import type { EntityManager } from '@mikro-orm/postgresql';
import { CompiledQuery } from 'kysely';

/**
 * Runs SQL whose `$1, $2, …` PostgreSQL binds itself. MikroORM's `execute`
 * copies every parameter into the statement text, which is safe but makes
 * the text as long as the caller's input, once per use; user text goes
 * through here instead. The statement runs on the EntityManager's
 * connection (its transaction, if any) and passes its `onQuery` hook, so it
 * is counted like any other.
 */
export async function queryBound<Row>(em: EntityManager, sql: string, parameters: readonly unknown[]): Promise<Row[]> {
  const text = em.config.get('onQuery')(sql, parameters);
  const result = await em.getKysely().executeQuery<Row>(CompiledQuery.raw(text, [...parameters]));
  return result.rows;
}
