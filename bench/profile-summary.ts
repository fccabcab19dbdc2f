/**
 * Summarises a V8 CPU profile (`node --cpu-prof`): self time by function and
 * by package, as Markdown tables.
 *
 *   [SKIP_MS=…] node bench/profile-summary.ts path/to/file.cpuprofile [top=25]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

/** node_modules/@scope/name or node_modules/name, the last one in the path; otherwise where the code is. */
export function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native / V8 builtins)';
  if (url.startsWith('node:')) return 'node: (core)';
  const match = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match) return match[1]!;
  if (url.includes('/bench/.build/dist/') || url.includes('/dist/src/')) return 'lekgotla (own code)';
  return url.replace(/^file:\/\//, '');
}

function where(frame: CallFrame): string {
  if (!frame.url) return '';
  const short = frame.url.replace(/^file:\/\//, '').replace(/.*node_modules\//, '').replace(/.*\/bench\/\.build\/dist\//, 'dist/');
  return `${short}:${frame.lineNumber + 1}`;
}

/**
 * `skipMs` leaves out the first milliseconds of the profile (the server's
 * start-up: module loading, schema building); `requests`, when given, turns
 * busy time into CPU time per request.
 */
export function summariseProfile(file: string, top = 25, options: { skipMs?: number; requests?: number } = {}): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfByNode = new Map<number, number>();
  let elapsed = 0;
  const skip = (options.skipMs ?? 0) * 1000;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    elapsed += delta;
    if (elapsed < skip) return;
    selfByNode.set(id, (selfByNode.get(id) ?? 0) + delta);
  });

  const byFunction = new Map<string, { name: string; where: string; pkg: string; micros: number }>();
  const byPackage = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, micros] of selfByNode) {
    const frame = byId.get(id)!.callFrame;
    total += micros;
    if (frame.functionName === '(idle)') {
      idle += micros;
      continue;
    }
    const key = `${frame.functionName}@${frame.url}:${frame.lineNumber}`;
    const pkg = packageOf(frame.url, frame.functionName);
    const entry = byFunction.get(key) ?? { name: frame.functionName || '(anonymous)', where: where(frame), pkg, micros: 0 };
    entry.micros += micros;
    byFunction.set(key, entry);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + micros);
  }
  const busy = total - idle;
  const pct = (micros: number) => `${((100 * micros) / busy).toFixed(1)}%`;
  const ms = (micros: number) => (micros / 1000).toFixed(0);

  const functions = [...byFunction.values()].sort((a, b) => b.micros - a.micros).slice(0, top);
  const packages = [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 15);
  const perRequest = options.requests ? `, ${(busy / 1000 / options.requests).toFixed(2)} ms busy per request (${options.requests} requests)` : '';
  const skipped = options.skipMs ? ` after the first ${(options.skipMs / 1000).toFixed(1)} s (start-up) left out` : '';
  return [
    `profile ${path.basename(file)}${skipped}: ${ms(total)} ms sampled, ${ms(idle)} ms idle, ${ms(busy)} ms busy${perRequest} (percentages are of busy time)`,
    '',
    '| self ms | self % | package | function | where |',
    '|---:|---:|:---|:---|:---|',
    ...functions.map((entry) => `| ${ms(entry.micros)} | ${pct(entry.micros)} | ${entry.pkg} | ${entry.name} | ${entry.where} |`),
    '',
    '| self ms | self % | package (self time summed) |',
    '|---:|---:|:---|',
    ...packages.map(([pkg, micros]) => `| ${ms(micros)} | ${pct(micros)} | ${pkg} |`),
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('usage: node bench/profile-summary.ts FILE.cpuprofile [top]\n');
    process.exit(2);
  }
  process.stdout.write(`${summariseProfile(file, top ? Number(top) : 25, { skipMs: Number(process.env.SKIP_MS ?? 0) })}\n`);
}
