import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../src/auth/api-keys.js';
import { Role } from '../src/entities/enums.js';
import { startTestApp, type TestApp } from './support/app.js';

const EDITOR = 'history-editor';

const TOPIC = 'query Topic { topic(slug: "internal-audit") { id version name synonyms } }';
const RENAME = `mutation Rename($id: ID!, $version: Int!, $name: String!) {
  updateTopic(id: $id, version: $version, input: { name: $name }) { version name }
}`;
const HISTORY = 'query History($recordId: ID!) { changes(recordId: $recordId, first: 50) { totalCount nodes { action changedFields } } }';

type Topic = { id: string; version: number; name: string };
type History = { totalCount: number; nodes: Array<{ action: string; changedFields: string[] }> };

describe('the change history', () => {
  let app: TestApp;
  let key: string;
  beforeAll(async () => {
    app = await startTestApp();
    key = await createApiKey(app.lekgotla.database.orm.em.fork(), EDITOR, Role.EDITOR);
  });
  afterAll(() => app?.close());

  const asEditor = async (query: string, variables: Record<string, unknown> = {}) => {
    const { status, body } = await app.post({ query, variables }, { authorization: `Bearer ${key}` });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    return body.data as Record<string, unknown>;
  };
  const topic = async () => (await asEditor(TOPIC)).topic as Topic;
  const history = async (recordId: string) => (await asEditor(HISTORY, { recordId })).changes as History;

  it('an update that changes nothing writes no history row and keeps the version', async () => {
    const before = await topic();
    const historyBefore = await history(before.id);
    const answer = await asEditor(RENAME, { id: before.id, version: before.version, name: before.name });
    expect(answer.updateTopic).toEqual({ version: before.version, name: 'Internal audit' });
    expect(await history(before.id)).toEqual(historyBefore);
  });

  it('an update that changes a field writes one history row naming it', async () => {
    const before = await topic();
    const historyBefore = await history(before.id);
    const answer = await asEditor(RENAME, { id: before.id, version: before.version, name: 'Internal auditing' });
    expect(answer.updateTopic).toEqual({ version: before.version + 1, name: 'Internal auditing' });
    const after = await history(before.id);
    expect(after.totalCount).toBe(historyBefore.totalCount + 1);
    expect(after.nodes[0]).toEqual({ action: 'UPDATE', changedFields: ['name', 'version'] });
  });

  it('refuses TRUNCATE through the database itself, as it refuses UPDATE and DELETE; its rows are unchanged', async () => {
    const connection = app.lekgotla.database.orm.em.fork().getConnection();
    const before = await connection.execute<Array<{ id: number }>>('select id from change order by id');
    expect(before.length).toBeGreaterThan(0);
    await expect(connection.execute('truncate change')).rejects.toThrow(/the change history is append-only/);
    await expect(connection.execute('truncate change cascade')).rejects.toThrow(/the change history is append-only/);
    expect(await connection.execute('select id from change order by id')).toEqual(before);
  });
});
