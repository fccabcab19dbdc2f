import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createSchema, printSortedSchema } from '../src/schema/build-schema.js';

const read = (file: string) => readFile(new URL(`../src/schema/${file}`, import.meta.url), 'utf8');

describe('the GraphQL schema', () => {
  it('builds from the decorated classes, with the types researchers query', async () => {
    const schema = await createSchema();
    const conference = schema.getType('Conference');
    expect(conference?.toString()).toBe('Conference');
    expect(Object.keys(schema.getQueryType()!.getFields())).toEqual(
      expect.arrayContaining(['node', 'nodes', 'conferences', 'conference', 'sessions', 'people', 'search', 'topicTimeline']),
    );
  });

  it('matches the committed src/schema/schema.graphql (run `npm run schema:emit` after changing resolvers)', async () => {
    expect(printSortedSchema(await createSchema())).toBe(await read('schema.graphql'));
  });

  it('breaks nothing in the public API contract that portals depend on', async () => {
    const contract = buildSchema(await read('contract.graphql'));
    const changes = await diff(contract, await createSchema());
    const breaking = changes.filter((change) => change.criticality.level === CriticalityLevel.Breaking).map((change) => change.message);
    expect(breaking).toEqual([]);
  });

  it('adds to the contract only what was chosen: more types behind Node, so they get global ids', async () => {
    const contract = buildSchema(await read('contract.graphql'));
    const changes = await diff(contract, await createSchema());
    const dangerous = changes.filter((change) => change.criticality.level === CriticalityLevel.Dangerous).map((change) => change.message);
    expect(dangerous).toEqual([
      "'Annex' object implements 'Node' interface",
      "'ConferenceDay' object implements 'Node' interface",
      "'Participation' object implements 'Node' interface",
      "'Position' object implements 'Node' interface",
    ]);
  });
});
