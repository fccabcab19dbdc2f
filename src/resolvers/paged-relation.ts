import type DataLoader from 'dataloader';
import type { RankedPage } from '../loaders/ranked-ids.js';
import { windowOf, type PageArgs, type Window } from '../read/page-window.js';
import { connectionOf, type Connection } from './connection.js';

/**
 * A forward page of a batched relation: the ranked ids come from one
 * statement for all parents, the records from their by-id loader, and the
 * ids of the whole relation (for its facets) from `all`, when asked for.
 */
export async function pagedRelation<T>(
  ranked: DataLoader<{ owner: number; window: Window }, RankedPage, string>,
  all: DataLoader<number, number[]>,
  records: DataLoader<number, T | null>,
  owner: number,
  args: PageArgs,
): Promise<Connection<T>> {
  // Nested lists page forwards only, so the window needs no total.
  const window = windowOf(args, Number.MAX_SAFE_INTEGER);
  const page = await ranked.load({ owner, window });
  const rows = (await records.loadMany(page.ids)) as T[];
  return connectionOf(rows, window, args, page.totalCount, () => all.load(owner));
}

/** The records of a batched list of ids, in the list's order. */
export async function relatedRecords<T>(ids: DataLoader<number, number[]>, records: DataLoader<number, T | null>, owner: number): Promise<T[]> {
  return (await records.loadMany(await ids.load(owner))) as T[];
}
