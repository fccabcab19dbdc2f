import { Routine } from '@mikro-orm/core';

/**
 * SQL functions the generated search columns are made of. Generated columns
 * may only call immutable functions, and array_to_string and unaccent are
 * not declared so; these wrappers are, and truthfully for our inputs.
 */
export const lekgotlaJoin = new Routine({
  name: 'lekgotla_join',
  type: 'function',
  language: 'sql',
  deterministic: true,
  // PostgreSQL reports SECURITY INVOKER, its default, which we leave implicit.
  ignoreSchemaChanges: ['security'],
  params: { words: { type: 'text[]' } },
  returns: { runtimeType: 'string', columnType: 'text' },
  body: "select coalesce(array_to_string(words, ' '), '')",
});

/** Lower case without accents, for matching names however they are typed. */
export const lekgotlaFold = new Routine({
  name: 'lekgotla_fold',
  type: 'function',
  language: 'sql',
  deterministic: true,
  // PostgreSQL reports SECURITY INVOKER, its default, which we leave implicit.
  ignoreSchemaChanges: ['security'],
  params: { value: { type: 'text' } },
  returns: { runtimeType: 'string', columnType: 'text' },
  body: "select lower(public.unaccent('public.unaccent'::regdictionary, coalesce(value, '')))",
});

export const routines = [lekgotlaJoin, lekgotlaFold];
