import { parse } from 'graphql';
import type { GraphQLSchema, OperationDefinitionNode } from 'graphql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { compactJson } from '../src/read/compact-json.js';
import { onlyPlainLeaves } from '../src/read/plain-leaves.js';
import { scopeOf } from '../src/read/selection.js';
import { createSchema } from '../src/schema/build-schema.js';

describe('compactJson', () => {
  let client: pg.Client;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: inject('serverUrl') });
    await client.connect();
  });
  afterAll(() => client.end());

  // PostgreSQL writes the JSON; its text is kept as text, as the read floor's runner keeps it.
  const written = async (title: string, deep: string, tricky: string[]) =>
    (
      await client.query<{ text: string }>({
        text: `select json_build_object(
                 'title', $1::text, 'tricky', json_agg(x order by n), 'empty', '[]'::json, 'none', null, 'yes', true, 'year', 2007,
                 'nested', json_build_object('inner', json_build_object('deep', $2::text)))::text as text
               from unnest($3::text[]) with ordinality as t(x, n)`,
        values: [title, deep, tricky],
      })
    ).rows[0]!.text;

  it('drops the whitespace PostgreSQL writes between tokens and keeps every string as written', async () => {
    const text = await written('Leadership : Vision, Values', 'Ms N. Ndlovu', ['a " : b, c', 'ends with \\', '\\"', 'tab\there\nline\u0001', 'Ŋ é 😀 {"x" : 1}']);
    expect(text).toBe(
      '{"title" : "Leadership : Vision, Values", "tricky" : ["a \\" : b, c", "ends with \\\\", "\\\\\\"", "tab\\there\\nline\\u0001", "Ŋ é 😀 {\\"x\\" : 1}"], ' +
        '"empty" : [], "none" : null, "yes" : true, "year" : 2007, "nested" : {"inner" : {"deep" : "Ms N. Ndlovu"}}}',
    );
    expect(compactJson(text)).toBe(
      '{"title":"Leadership : Vision, Values","tricky":["a \\" : b, c","ends with \\\\","\\\\\\"","tab\\there\\nline\\u0001","Ŋ é 😀 {\\"x\\" : 1}"],' +
        '"empty":[],"none":null,"yes":true,"year":2007,"nested":{"inner":{"deep":"Ms N. Ndlovu"}}}',
    );
    // The same bytes as JSON.stringify gives the parsed value.
    expect(compactJson(text)).toBe(JSON.stringify(JSON.parse(text)));
  });

  it('compacts an answer larger than its kept buffer as well, and a small one after it', () => {
    const long = 'é'.repeat(400_000);
    expect(compactJson(`{"text" : "${long}", "n" : [1, 2]}`)).toBe(`{"text":"${long}","n":[1,2]}`);
    expect(compactJson('{"a" : ["b", {"c" : null}]}')).toBe('{"a":["b",{"c":null}]}');
  });
});

describe('onlyPlainLeaves', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await createSchema();
  });

  const plain = (query: string, variables: Record<string, unknown> = {}) => {
    const document = parse(query);
    const operation = document.definitions[0] as OperationDefinitionNode;
    return onlyPlainLeaves(scopeOf(schema, document, variables), schema.getQueryType()!, operation.selectionSet);
  };

  it('holds for strings, ids, integers, booleans, dates and enums, through fragments, aliases and abstract types', () => {
    expect(plain('{ conference(seriesSlug: "sms", year: 2007) { id title year startDate documentation days { number sessions { kind } } } }')).toBe(true);
    expect(plain('{ node(id: "x") { __typename ... on Person { displayName } ...S } } fragment S on Session { title sessionNumber: number }')).toBe(true);
    expect(plain('{ sessions(first: 2) { totalCount pageInfo { hasNextPage endCursor } nodes { title } } }')).toBe(true);
  });

  it('fails for a Float or a JSON value anywhere, even in one possible type of an abstract field', () => {
    expect(plain('{ search(query: "leadership") { nodes { score node { __typename } } } }')).toBe(false);
    expect(plain('{ search(query: "leadership") { nodes { hit: node { ... on Session { title } } } totalCount } }')).toBe(true);
    expect(plain('{ changes(first: 1) { nodes { actor after } } }')).toBe(false);
    expect(plain('{ node(id: "x") { ... on Session { title } ... on Person { possibleDuplicates { score } } } }')).toBe(false);
  });

  it('follows @skip and @include as the answer does', () => {
    const query = 'query ($withScore: Boolean!) { search(query: "leadership") { nodes { score @include(if: $withScore) } } }';
    expect(plain(query, { withScore: false })).toBe(true);
    expect(plain(query, { withScore: true })).toBe(false);
  });
});
