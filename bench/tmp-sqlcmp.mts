import { FLOOR_SQL } from './shapes.ts';
import pg from 'pg';
import { readFileSync } from 'node:fs';
const client = new pg.Client({ connectionString: 'postgresql://postgres@127.0.0.1:5432/lekgotla_bench_s1', options: process.env.PCM ? '-c plan_cache_mode=' + process.env.PCM : undefined });
await client.connect();
const picks = JSON.parse(readFileSync('bench/results/bench-2026-12-04T11-58-51-621Z.json', 'utf8')).picks;
const floorParams: Record<string, unknown[]> = { programme: [picks.conference.seriesSlug, picks.conference.year], sessions: [picks.topic.slug, picks.topic.fromYear, picks.topic.toYear, 100], profile: [picks.person.id] };
for (const shape of ['programme', 'sessions', 'profile']) {
  const mine = readFileSync(`/tmp/shape-${shape}.sql`, 'utf8');
  const params = JSON.parse(readFileSync(`/tmp/shape-${shape}.json`, 'utf8'));
  for (const [label, text, values] of [['floor', FLOOR_SQL[shape]!, floorParams[shape]!], ['mine ', mine, params]] as const) {
    const times: number[] = [];
    for (let r = 0; r < 5; r++) {
      const t = process.hrtime.bigint();
      for (let i = 0; i < 20; i++) await client.query({ name: `${label}${shape}`, text, values: values as unknown[] });
      times.push(Number(process.hrtime.bigint() - t) / 20e6);
    }
    times.sort((a, b) => a - b);
    console.log(shape, label, 'median', times[2]!.toFixed(2), 'ms');
  }
}
await client.end();
