import DataLoader from 'dataloader';

/**
 * A by-id loader that also answers at once for the records it already
 * holds, loaded earlier or primed from a join. A resolver that returns a
 * value rather than a promise spares GraphQL execution its promise
 * bookkeeping for the field and for every field below it, which on a
 * programme of hundreds of participants is most of the work.
 */
export class RecordLoader<T> extends DataLoader<number, T | null> {
  readonly #held: Map<number, T>;

  constructor(batch: (ids: readonly number[]) => Promise<Array<T | null>>) {
    const held = new Map<number, T>();
    super(async (ids) => {
      const found = await batch(ids);
      found.forEach((record, index) => {
        if (record !== null) held.set(ids[index]!, record);
      });
      return found;
    });
    this.#held = held;
  }

  override prime(id: number, record: T | null | PromiseLike<T | null> | Error): this {
    if (record !== null && !(record instanceof Error) && !isPromiseLike(record) && !this.#held.has(id)) this.#held.set(id, record);
    return super.prime(id, record);
  }

  holds(id: number): boolean {
    return this.#held.has(id);
  }

  /** The record with this id: itself when held, otherwise a promise of it (null when nothing has the id). */
  get(id: number): T | null | Promise<T | null> {
    return this.#held.get(id) ?? this.load(id);
  }
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}
