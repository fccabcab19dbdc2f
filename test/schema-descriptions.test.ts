import { introspectionFromSchema, specifiedScalarTypes, type IntrospectionInputValue } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../src/schema/build-schema.js';

/** GraphQL's own scalars come described by the spec's implementation; they are not ours to describe. */
const BUILT_IN = new Set(specifiedScalarTypes.map((type) => type.name));

/**
 * Every type, field, argument, input field and enum value of our schema that
 * has no description, as "Type", "Type.field", "Type.field(argument)" or
 * "Type.VALUE" — read through introspection, as the IDE reads it.
 */
async function undescribed(): Promise<string[]> {
  const { __schema } = introspectionFromSchema(await createSchema());
  const missing: string[] = [];
  const check = (description: string | null | undefined, name: string) => {
    if (!description?.trim()) missing.push(name);
  };
  const checkArguments = (owner: string, args: readonly IntrospectionInputValue[]) => {
    for (const argument of args) check(argument.description, `${owner}(${argument.name})`);
  };
  for (const type of __schema.types) {
    if (type.name.startsWith('__') || BUILT_IN.has(type.name)) continue;
    check(type.description, type.name);
    if (type.kind === 'OBJECT' || type.kind === 'INTERFACE') {
      for (const field of type.fields) {
        check(field.description, `${type.name}.${field.name}`);
        checkArguments(`${type.name}.${field.name}`, field.args);
      }
    }
    if (type.kind === 'INPUT_OBJECT') for (const field of type.inputFields) check(field.description, `${type.name}.${field.name}`);
    if (type.kind === 'ENUM') for (const value of type.enumValues) check(value.description, `${type.name}.${value.name}`);
  }
  return missing;
}

describe('the schema teaches itself', () => {
  it('describes every type, field, argument, input field and enum value, so the IDE can explain each one', async () => {
    expect(await undescribed()).toEqual([]);
  });

  it('says what the root types, the arguments and the enum values mean, in the words a researcher reads in the IDE', async () => {
    const schema = await createSchema();
    expect(schema.getQueryType()?.description).toBe(
      'Everything a researcher can ask: conferences, sessions, people, organisations, topics, sources, search and history.',
    );
    const conference = schema.getQueryType()?.getFields().conference;
    expect(Object.fromEntries(conference?.args.map((argument) => [argument.name, argument.description]) ?? [])).toEqual({
      seriesSlug: 'The series, e.g. "sms" for the Senior Management Service conferences.',
      year: 'The year the edition took place, e.g. 2007.',
    });
    const role = schema.getType('ParticipationRole');
    expect(role && 'getValue' in role ? role.getValue('PRESENTER')?.description : undefined).toBe('Gave a presentation.');
  });
});
