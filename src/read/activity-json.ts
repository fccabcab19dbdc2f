import { NotCompiled, objectTypeOf, type FieldSql } from './compilation.js';
import { ACTIVITY_COUNTS, activityCountsSql, checkActivityWindow, type ActivityCount, type ActivityOwner, type ActivityWindowValue } from './activity-sql.js';
import { collectSubfields } from './selection.js';

const isCount = (name: string): name is ActivityCount => (ACTIVITY_COUNTS as readonly string[]).includes(name);

/**
 * A record's `activity(window:)`: the asked counts of its participations in
 * the window, aggregated for this record alone; zero where none count.
 */
export const activityOf =
  (owner: ActivityOwner): FieldSql =>
  (compilation, row, field) => {
    const window = field.args.window as ActivityWindowValue | null | undefined;
    try {
      checkActivityWindow(window, 'window');
    } catch {
      throw new NotCompiled('an activity window the resolvers refuse');
    }
    const type = objectTypeOf(field.definition.type);
    const fields = [...collectSubfields(compilation.scope, type, field.nodes)];
    const counts = [...new Set(fields.map(([, nodes]) => nodes[0]!.name.value).filter(isCount))];
    const pairs = fields.map(([key, nodes]) => {
      const name = nodes[0]!.name.value;
      if (name === '__typename') return `'${key}', '${type.name}'`;
      if (!isCount(name)) throw new NotCompiled(`no SQL for ${type.name}.${name}`);
      return `'${key}', coalesce(a.${name}, 0)`;
    });
    const counted = activityCountsSql(compilation.params, owner, window, counts, () => `array[${row}.id]`);
    return `(select json_build_object(${pairs.join(', ')}) from (select 1) one left join (${counted}) a on true)`;
  };
