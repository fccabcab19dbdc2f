import { expect } from 'vitest';
import { ANSWER_DEADLINE_MS } from './requests.js';

export type Readiness = {
  httpStatus: number;
  status: string;
  /** Each dependency's status by name, e.g. { database: 'up', redis: 'down' }. */
  dependencies: Record<string, string>;
};

/** What /readyz says, reduced to the statuses a test asserts. */
export async function readiness(url: string): Promise<Readiness> {
  const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(ANSWER_DEADLINE_MS) });
  const body = (await response.json()) as { status: string; dependencies: Record<string, { status: string }> };
  return {
    httpStatus: response.status,
    status: body.status,
    dependencies: Object.fromEntries(Object.entries(body.dependencies).map(([name, state]) => [name, state.status])),
  };
}

/** /healthz answers 200 while the process lives, whatever its dependencies do. */
export async function expectAlive(url: string): Promise<void> {
  const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(ANSWER_DEADLINE_MS) });
  expect(response.status).toBe(200);
}
