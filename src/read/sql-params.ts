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

  /**
   * `sql`, a statement written to run alone with `values` as its `$1, $2, …`,
   * renumbered to bind them among this statement's values, so that it can be
   * a subquery here. Every `$` followed by digits in `sql` must be one of its
   * placeholders (a statement of our own, with no dollar-quoted text).
   */
  embed(sql: string, values: readonly unknown[]): string {
    const before = this.values.length;
    this.values.push(...values);
    return sql.replace(/\$(\d+)/g, (_placeholder, number: string) => `$${before + Number(number)}`);
  }
}
