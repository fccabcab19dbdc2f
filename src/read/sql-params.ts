/**
 * The values of one statement, bound as parameters rather than written into
 * its text: the text then depends only on the shape of the request, so it can
 * be prepared once and reused, and no value (a search text of 96 KB, say) is
 * ever copied into SQL.
 */
export class SqlParams {
  readonly values: unknown[] = [];

  /** A placeholder for `value`, cast to `pgType` so that the planner need not guess. */
  bind(value: unknown, pgType: string): string {
    this.values.push(value);
    return `$${this.values.length}::${pgType}`;
  }
}
