import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, revokeApiKey } from '../src/auth/api-keys.js';
import { Role } from '../src/entities/enums.js';
import { graphql } from './generated/index.js';
import { startTestApp, type GraphQLResponse, type TestApp } from './support/app.js';
import { compileCli, type CompiledCli } from './support/compiled-cli.js';

/**
 * Who may write: anonymous readers read, API keys write. Keys are sent as
 * "Authorization: Bearer <key>", only their SHA-256 is stored, and the CLI
 * manages them.
 */

const root = path.resolve(import.meta.dirname, '..');

const CurationAuthEdition = graphql(`
  query CurationAuthEdition($series: String!, $year: Int!) {
    conference(seriesSlug: $series, year: $year) {
      title
      documentation
      venue {
        name
        city
      }
    }
  }
`);

const CurationAuthCreateTopic = graphql(`
  mutation CurationAuthCreateTopic($input: CreateTopicInput!) {
    createTopic(input: $input) {
      id
      slug
      name
      synonyms
      version
    }
  }
`);

const CurationAuthDeleteTopic = graphql(`
  mutation CurationAuthDeleteTopic($id: ID!, $version: Int!) {
    deleteTopic(id: $id, version: $version) {
      id
      recordType
    }
  }
`);

const CurationAuthCreatePerson = graphql(`
  mutation CurationAuthCreatePerson($input: CreatePersonInput!) {
    createPerson(input: $input) {
      id
      displayName
      version
    }
  }
`);

const CurationAuthTopic = graphql(`
  query CurationAuthTopic($slug: String!) {
    topic(slug: $slug) {
      id
      slug
      name
      version
    }
  }
`);

const CurationAuthChanges = graphql(`
  query CurationAuthChanges($recordId: ID, $actor: String) {
    changes(recordId: $recordId, actor: $actor, first: 50) {
      totalCount
      nodes {
        actor
        action
        recordType
        recordId
      }
    }
  }
`);

let app: TestApp;
let editorKey: string;
let adminKey: string;

beforeAll(async () => {
  app = await startTestApp();
  editorKey = await createApiKey(app.lekgotla.database.orm.em.fork(), 'auth-test-editor', Role.EDITOR);
  adminKey = await createApiKey(app.lekgotla.database.orm.em.fork(), 'auth-test-admin', Role.ADMIN);
});
afterAll(() => app?.close());

/** Sends a typed operation with an Authorization header of our choosing. */
async function send<Result, Variables>(
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
  authorization?: string,
): Promise<{ status: number } & GraphQLResponse<Result>> {
  const { status, body } = await app.post({ query: print(document), variables }, authorization === undefined ? {} : { authorization });
  return { status, ...(body as GraphQLResponse<Result>) };
}

const bearer = (key: string) => `Bearer ${key}`;

/** The topic with `slug`, or null when none has it (the API answers such a slug with a NOT_FOUND error). */
async function topicNamed(slug: string) {
  const response = await app.graphql(CurationAuthTopic, { slug });
  if (response.data?.topic === null) {
    expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
    return null;
  }
  expect(response.errors).toBeUndefined();
  return response.data!.topic;
}

async function historyCount(): Promise<number> {
  const response = await app.graphql(CurationAuthChanges, {});
  expect(response.errors).toBeUndefined();
  return response.data!.changes.totalCount;
}

const sms2007 = {
  title: 'Senior Management Service Conference 2007',
  documentation: 'DOCUMENTED',
  venue: { name: 'Cape Sun Hotel', city: 'Cape Town' },
};

describe('reading', () => {
  it('needs no key', async () => {
    const response = await send(CurationAuthEdition, { series: 'sms', year: 2007 });
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ conference: sms2007 });
  });

  it('works with a valid key too', async () => {
    const response = await send(CurationAuthEdition, { series: 'sms', year: 2007 }, bearer(editorKey));
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ conference: sms2007 });
  });

  it('accepts the scheme in any case, as HTTP allows', async () => {
    const response = await send(CurationAuthEdition, { series: 'sms', year: 2007 }, `bearer ${editorKey}`);
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ conference: sms2007 });
  });
});

describe('writing without a key', () => {
  it('is refused with UNAUTHENTICATED, telling how to send a key, and creates nothing', async () => {
    const before = await historyCount();
    const response = await send(CurationAuthCreateTopic, { input: { slug: 'anonymous-topic', name: 'Anonymous topic' } });
    expect(response.data).toBeNull();
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(response.errors![0]!.message).toBe('Writing needs an API key, sent as "Authorization: Bearer <key>"');
    expect(await topicNamed('anonymous-topic')).toBeNull();
    expect(await historyCount()).toBe(before);
  });

  it('is refused for a deletion as well', async () => {
    const existing = await topicNamed('leadership-development');
    expect(existing).not.toBeNull();
    const response = await send(CurationAuthDeleteTopic, { id: existing!.id, version: existing!.version });
    expect(response.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(await topicNamed('leadership-development')).toEqual(existing);
  });
});

describe('a key that is not valid', () => {
  it('is refused with 401 UNAUTHENTICATED even for a read', async () => {
    const response = await send(CurationAuthEdition, { series: 'sms', year: 2007 }, bearer('lk_thisKeyWasNeverIssuedByLekgotla0000000000000'));
    expect(response.status).toBe(401);
    expect(response.data ?? null).toBeNull();
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(response.errors![0]!.message).toBe('The API key is unknown or revoked');
  });

  it('is refused when the key is right but altered by one character', async () => {
    const altered = `${editorKey.slice(0, -1)}${editorKey.endsWith('A') ? 'B' : 'A'}`;
    const response = await send(CurationAuthEdition, { series: 'sms', year: 2007 }, bearer(altered));
    expect(response.status).toBe(401);
    expect(response.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['another scheme', 'Basic YWRtaW46c2VjcmV0'],
    ['the bare key without a scheme', 'lk_abc'],
    ['the scheme without a key', 'Bearer'],
    ['two tokens', 'Bearer one two'],
  ])('is refused as malformed: %s', async (_label, header) => {
    const response = await send(CurationAuthEdition, { series: 'sms', year: 2007 }, header);
    expect(response.status).toBe(401);
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(response.errors![0]!.message).toBe('The Authorization header must read "Bearer <key>"');
  });

  it('is refused once revoked, for reads and writes, though it worked before', async () => {
    const key = await createApiKey(app.lekgotla.database.orm.em.fork(), 'auth-test-soon-revoked', Role.ADMIN);
    const beforeRevoking = await send(CurationAuthEdition, { series: 'sms', year: 2007 }, bearer(key));
    expect(beforeRevoking.status).toBe(200);
    expect(beforeRevoking.data).toEqual({ conference: sms2007 });

    await revokeApiKey(app.lekgotla.database.orm.em.fork(), 'auth-test-soon-revoked');

    const read = await send(CurationAuthEdition, { series: 'sms', year: 2007 }, bearer(key));
    expect(read.status).toBe(401);
    expect(read.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(read.errors![0]!.message).toBe('The API key is unknown or revoked');

    const write = await send(CurationAuthCreateTopic, { input: { slug: 'revoked-topic', name: 'Revoked topic' } }, bearer(key));
    expect(write.status).toBe(401);
    expect(write.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(await topicNamed('revoked-topic')).toBeNull();
  });
});

describe('roles', () => {
  it('an EDITOR key may create, and the history names the key', async () => {
    const response = await send(
      CurationAuthCreateTopic,
      { input: { slug: 'khaedu-deployment', name: 'Khaedu deployment', synonyms: ['khaedu'] } },
      bearer(editorKey),
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.createTopic).toMatchObject({ slug: 'khaedu-deployment', name: 'Khaedu deployment', synonyms: ['khaedu'], version: 1 });
    const stored = await topicNamed('khaedu-deployment');
    expect(stored).toEqual({ id: response.data!.createTopic.id, slug: 'khaedu-deployment', name: 'Khaedu deployment', version: 1 });

    const history = await app.graphql(CurationAuthChanges, { recordId: stored!.id });
    expect(history.data!.changes.nodes).toEqual([{ actor: 'auth-test-editor', action: 'CREATE', recordType: 'Topic', recordId: stored!.id }]);
  });

  it('an EDITOR key may create a person with evidence', async () => {
    const response = await send(
      CurationAuthCreatePerson,
      { input: { honorific: 'Ms', initials: 'T', surname: 'Nkosi', evidence: { editorialNote: 'Named as the contact of the 2006 conference' } } },
      bearer(editorKey),
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.createPerson).toMatchObject({ displayName: 'Ms T Nkosi', version: 1 });
  });

  it('an EDITOR key may not delete: FORBIDDEN, naming the role needed, the key and its role; nothing is deleted', async () => {
    const topic = await topicNamed('khaedu-deployment');
    const before = await historyCount();
    const response = await send(CurationAuthDeleteTopic, { id: topic!.id, version: topic!.version }, bearer(editorKey));
    expect(response.status).toBe(200);
    expect(response.data).toBeNull();
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(response.errors![0]!.message).toBe('This needs the ADMIN role; the key "auth-test-editor" has EDITOR');
    expect(await topicNamed('khaedu-deployment')).toEqual(topic);
    expect(await historyCount()).toBe(before);
  });

  it('an ADMIN key may delete, and the deletion is in the history under its name', async () => {
    const topic = await topicNamed('khaedu-deployment');
    const response = await send(CurationAuthDeleteTopic, { id: topic!.id, version: topic!.version }, bearer(adminKey));
    expect(response.errors).toBeUndefined();
    expect(response.data!.deleteTopic).toEqual({ id: topic!.id, recordType: 'Topic' });
    expect(await topicNamed('khaedu-deployment')).toBeNull();

    const history = await app.graphql(CurationAuthChanges, { recordId: topic!.id });
    expect(history.data!.changes.nodes.map((change) => [change.actor, change.action])).toEqual([
      ['auth-test-admin', 'DELETE'],
      ['auth-test-editor', 'CREATE'],
    ]);
  });

  it('an ADMIN key may also do what an EDITOR may', async () => {
    const response = await send(CurationAuthCreateTopic, { input: { slug: 'asgisa', name: 'AsgiSA' } }, bearer(adminKey));
    expect(response.errors).toBeUndefined();
    expect(await topicNamed('asgisa')).toMatchObject({ slug: 'asgisa', name: 'AsgiSA', version: 1 });
  });
});

describe('stored keys', () => {
  type KeyRow = Record<string, unknown> & { name: string; role: string; hash: string; prefix: string };

  async function keyRows(): Promise<KeyRow[]> {
    return app.lekgotla.database.orm.em.fork().getConnection().execute<KeyRow[]>('select * from api_key order by name');
  }

  it('are kept only as SHA-256 hashes: no column of the api_key table holds a clear key or its secret part', async () => {
    const rows = await keyRows();
    expect(rows.map((row) => [row.name, row.role])).toEqual(
      expect.arrayContaining([
        ['auth-test-admin', 'ADMIN'],
        ['auth-test-editor', 'EDITOR'],
      ]),
    );
    const everything = JSON.stringify(rows);
    for (const key of [editorKey, adminKey]) {
      expect(everything).not.toContain(key);
      expect(everything).not.toContain(key.slice(10));
    }
    const editor = rows.find((row) => row.name === 'auth-test-editor')!;
    expect(editor.hash).toBe(createHash('sha256').update(editorKey, 'utf8').digest('hex'));
    expect(editor.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(editor.prefix).toBe(editorKey.slice(0, 10));
    expect(editor.prefix.startsWith('lk_')).toBe(true);
  });

  it('are long random secrets, different each time', () => {
    expect(editorKey).toMatch(/^lk_[A-Za-z0-9_-]{43}$/);
    expect(adminKey).toMatch(/^lk_[A-Za-z0-9_-]{43}$/);
    expect(editorKey).not.toBe(adminKey);
  });

  it('never appear in the history, which names the key holder instead', async () => {
    const changes = await app.lekgotla.database.orm.em.fork().getConnection().execute<Array<Record<string, unknown>>>('select * from change');
    const everything = JSON.stringify(changes);
    expect(everything).not.toContain(editorKey);
    expect(everything).not.toContain(adminKey);
    expect(everything).toContain('auth-test-editor');
  });
});

describe('the keys command line', () => {
  let cli: CompiledCli;
  beforeAll(async () => {
    cli = await compileCli();
  }, 180_000);

  const run = (...args: string[]) =>
    cli.run({ DATABASE_URL: app.lekgotla.database.orm.config.get('clientUrl'), LOG_LEVEL: 'silent' }, ...args);

  let cliKey: string;

  it('creates a key and prints it once, on stdout alone', async () => {
    const result = await run('keys', 'create', 'cli-curator', '--role', 'EDITOR');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^lk_[A-Za-z0-9_-]{43}\n$/);
    cliKey = result.stdout.trim();
    expect(result.stderr).toContain('Created the EDITOR key "cli-curator". It is shown only now: keep it safe.');
    expect(result.stderr).not.toContain(cliKey);
  });

  it('the created key works, and writes under its name', async () => {
    const response = await send(CurationAuthCreateTopic, { input: { slug: 'batho-pele', name: 'Batho Pele' } }, bearer(cliKey));
    expect(response.errors).toBeUndefined();
    const history = await app.graphql(CurationAuthChanges, { recordId: response.data!.createTopic.id });
    expect(history.data!.changes.nodes.map((change) => change.actor)).toEqual(['cli-curator']);
  });

  it('stores only the hash of the key it created', async () => {
    const rows = await app.lekgotla.database.orm.em
      .fork()
      .getConnection()
      .execute<Array<{ hash: string; prefix: string; role: string }>>('select * from api_key where name = ?', ['cli-curator']);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.role).toBe('EDITOR');
    expect(rows[0]!.hash).toBe(createHash('sha256').update(cliKey, 'utf8').digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(cliKey.slice(10));
  });

  it('lists every key with its role and prefix, never the key', async () => {
    const result = await run('keys', 'list');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines.map((line) => line.split('\t')[0])).toEqual(['auth-test-admin', 'auth-test-editor', 'auth-test-soon-revoked', 'cli-curator']);
    const curator = lines.find((line) => line.startsWith('cli-curator\t'))!.split('\t');
    expect(curator.slice(0, 3)).toEqual(['cli-curator', 'EDITOR', `${cliKey.slice(0, 10)}…`]);
    expect(curator[3]).toMatch(/^created \d{4}-\d\d-\d\dT/);
    expect(curator[4]).toBe('active');
    expect(lines.find((line) => line.startsWith('auth-test-soon-revoked\t'))!.split('\t')[4]).toMatch(/^revoked \d{4}-\d\d-\d\dT/);
    for (const key of [cliKey, editorKey, adminKey]) {
      expect(result.stdout).not.toContain(key);
      expect(result.stdout).not.toContain(key.slice(10));
    }
  });

  it('refuses a second key of the same name, leaving the first one working', async () => {
    const result = await run('keys', 'create', 'cli-curator', '--role', 'ADMIN');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('error: a key named "cli-curator" already exists');
    const read = await send(CurationAuthEdition, { series: 'sms', year: 2007 }, bearer(cliKey));
    expect(read.status).toBe(200);
  });

  it('refuses a create without a valid role, as a usage error', async () => {
    const missing = await run('keys', 'create', 'no-role');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('keys create needs --role EDITOR or --role ADMIN');
    const wrong = await run('keys', 'create', 'bad-role', '--role', 'READER');
    expect(wrong.code).toBe(2);
    const rows = await app.lekgotla.database.orm.em
      .fork()
      .getConnection()
      .execute<Array<{ count: number }>>("select count(*)::int as count from api_key where name in ('no-role', 'bad-role')");
    expect(rows[0]!.count).toBe(0);
  });

  it('revokes a key, which is then refused with 401', async () => {
    const result = await run('keys', 'revoke', 'cli-curator');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('revoked "cli-curator"\n');
    const read = await send(CurationAuthEdition, { series: 'sms', year: 2007 }, bearer(cliKey));
    expect(read.status).toBe(401);
    expect(read.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const listed = await run('keys', 'list');
    expect(listed.stdout.split('\n').find((line) => line.startsWith('cli-curator\t'))!.split('\t')[4]).toMatch(/^revoked \d{4}-\d\d-\d\dT/);
  });

  it('refuses to revoke a key that is not active', async () => {
    const again = await run('keys', 'revoke', 'cli-curator');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('error: no active key is named "cli-curator"');
    const unknown = await run('keys', 'revoke', 'nobody-has-this-name');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('error: no active key is named "nobody-has-this-name"');
  });
});
