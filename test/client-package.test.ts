import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A portal's TypeScript: typed variables and results come with the package. */
const PORTAL_TS = `import { ConferenceProgramme, createLekgotlaClient, type ConferenceProgrammeQuery } from '@lekgotla/client';

const lekgotla = createLekgotlaClient({ endpoint: 'https://lekgotla.intranet.example/graphql' });
export async function title(): Promise<string | undefined> {
  const data: ConferenceProgrammeQuery = await lekgotla.request(ConferenceProgramme, { series: 'sms', year: 2007 });
  return data.conference?.title;
}
export async function wrong() {
  // @ts-expect-error year is an Int
  await lekgotla.request(ConferenceProgramme, { series: 'sms', year: '2007' });
}
`;

/** A portal's script in Node: the package by name, the manifest by its export path. */
const PORTAL_MJS = `import { ConferenceProgramme, createLekgotlaClient, persistedHash } from '@lekgotla/client';
import manifest from '@lekgotla/client/persisted-documents.json' with { type: 'json' };

const lekgotla = createLekgotlaClient({ endpoint: process.env.ENDPOINT });
const { conference } = await lekgotla.request(ConferenceProgramme, { series: 'sms', year: 2007 });
console.log(JSON.stringify({ title: conference.title, venue: conference.venue.name, listed: 'sha256:' + persistedHash(ConferenceProgramme) in manifest }));
`;

describe('@lekgotla/client packed with npm pack and installed in a portal’s project', () => {
  let folder: string;
  let project: string;
  let packed: { name: string; version: string; filename: string; files: Array<{ path: string }> };
  let app: TestApp;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'lekgotla-client-package-'));
    // prepack builds client/dist with tsc first.
    const { stdout } = await run('npm', ['pack', '--workspace', '@lekgotla/client', '--pack-destination', folder, '--json'], { cwd: ROOT });
    [packed] = JSON.parse(stdout.slice(stdout.indexOf('['))) as [typeof packed];
    // What `npm install ./lekgotla-client-0.1.0.tgz` does, without the registry: unpack into node_modules, beside the peer it needs.
    project = path.join(folder, 'portal');
    const modules = path.join(project, 'node_modules');
    await mkdir(path.join(modules, '@lekgotla'), { recursive: true });
    await mkdir(path.join(modules, '@graphql-typed-document-node'), { recursive: true });
    await run('tar', ['-xzf', path.join(folder, packed.filename), '-C', path.join(modules, '@lekgotla')]);
    await rename(path.join(modules, '@lekgotla', 'package'), path.join(modules, '@lekgotla', 'client'));
    await symlink(path.join(ROOT, 'node_modules', 'graphql'), path.join(modules, 'graphql'));
    await symlink(path.join(ROOT, 'node_modules', '@graphql-typed-document-node', 'core'), path.join(modules, '@graphql-typed-document-node', 'core'));
    await writeFile(path.join(project, 'package.json'), JSON.stringify({ name: 'portal', private: true, type: 'module' }));
    await writeFile(path.join(project, 'portal.ts'), PORTAL_TS);
    await writeFile(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022', 'dom'], types: [] },
        files: ['portal.ts'],
      }),
    );
    await writeFile(path.join(project, 'portal.mjs'), PORTAL_MJS);
    app = await startTestApp({ environment: { TRUSTED_DOCUMENTS: 'anonymous' } });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('is a versioned tarball of ESM with declarations, the manifest and the README', async () => {
    expect([packed.name, packed.version, packed.filename]).toEqual(['@lekgotla/client', '0.1.0', 'lekgotla-client-0.1.0.tgz']);
    const files = packed.files.map((file) => file.path);
    expect(files).toEqual(expect.arrayContaining(['README.md', 'package.json', 'dist/index.js', 'dist/index.d.ts', 'dist/generated/persisted-documents.json']));
    expect(files.filter((file) => !file.startsWith('dist/'))).toEqual(['README.md', 'package.json']);
    // tsc re-indents the JSON it copies; the entries are what count.
    const json = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as unknown;
    expect(await json(path.join(project, 'node_modules/@lekgotla/client/dist/generated/persisted-documents.json'))).toEqual(
      await json(path.join(ROOT, 'client/generated/persisted-documents.json')),
    );
  });

  it('runs in Node by its name and gets the 2007 programme from a server in trusted-documents mode', async () => {
    const { stdout } = await run(process.execPath, ['portal.mjs'], { cwd: project, env: { ...process.env, ENDPOINT: `${app.url}/graphql` } });
    expect(JSON.parse(stdout)).toEqual({ title: 'Senior Management Service Conference 2007', venue: 'Cape Sun Hotel', listed: true });
  });

  it('type-checks a portal’s TypeScript with strict settings, refusing a wrongly typed variable', async () => {
    const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
    await expect(run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: project })).resolves.toMatchObject({ stdout: '' });
  }, 120_000);
});
