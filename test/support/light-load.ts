import { isDeepStrictEqual } from 'node:util';
import { ANSWER_DEADLINE_MS } from './requests.js';

export type LoadRequest = {
  query: () => string;
  headers?: Record<string, string>;
  /** The answer's `data` when all is well. */
  expected: unknown;
};

/** Every answer, as a test asserts on it: "correct", "503 DATABASE_UNAVAILABLE retry-after=5", "no answer within 5000 ms"… */
export type Tally = Record<string, number>;

export type LightLoad = {
  /**
   * From now on, answers are counted under this phase (e.g. "outage"). An answer counts under the phase in
   * force when it arrives: a request sent just before a fault is answered by the server after it, and shows
   * the fault.
   */
  phase: (name: string) => void;
  /**
   * Resolves once an answer has been counted under the phase in force: a phase the server gets through in a few
   * milliseconds (Redis answering again) would otherwise end before any client's request arrived in it, and say
   * nothing about it.
   */
  answered: () => Promise<void>;
  /** When the latest answer that was not correct came, if any. */
  lastIncorrectAt: () => number | undefined;
  /** The first correct answer of each request at or after `since` (ms since the epoch), by request index. */
  firstCorrectSince: (since: number) => Array<number | undefined>;
  /** The answers of each phase, and the slowest answer of each phase in ms. */
  stop: () => Promise<{ phases: Record<string, Tally>; slowestMs: Record<string, number> }>;
};

async function outcomeOf(url: string, request: LoadRequest): Promise<string> {
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...request.headers },
      body: JSON.stringify({ query: request.query() }),
      signal: AbortSignal.timeout(ANSWER_DEADLINE_MS),
    });
    const body = (await response.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
    if (response.status === 200 && !body.errors && isDeepStrictEqual(body.data, request.expected)) return 'correct';
    const retryAfter = response.headers.get('retry-after');
    return `${response.status} ${body.errors?.map((error) => error.extensions?.code).join(',') ?? 'wrong data'}${retryAfter ? ` retry-after=${retryAfter}` : ''}`;
  } catch (error) {
    return error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${ANSWER_DEADLINE_MS} ms` : `no answer: ${String(error)}`;
  }
}

/**
 * A few clients sending the given requests in turn, one after another with
 * a short pause, for as long as a fault test takes a dependency away and
 * brings it back: every answer is classified and counted, none may hang.
 */
export function lightLoad(url: string, requests: LoadRequest[], options: { clients?: number; pauseMs?: number; phase?: string } = {}): LightLoad {
  const clients = options.clients ?? 3;
  const pauseMs = options.pauseMs ?? 20;
  const phases: Record<string, Tally> = {};
  const answers: Array<{ at: number; request: number; correct: boolean }> = [];
  let phase = options.phase ?? 'before';
  let running = true;
  const slowestMs: Record<string, number> = {};

  const client = async (offset: number) => {
    for (let turn = offset; running; turn += 1) {
      const request = turn % requests.length;
      const started = Date.now();
      const outcome = await outcomeOf(url, requests[request]);
      const at = Date.now();
      const counted = phase;
      slowestMs[counted] = Math.max(slowestMs[counted] ?? 0, at - started);
      const tally = (phases[counted] ??= {});
      tally[outcome] = (tally[outcome] ?? 0) + 1;
      answers.push({ at, request, correct: outcome === 'correct' });
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  };
  const loops = Array.from({ length: clients }, (_, index) => client(index));

  return {
    phase: (name) => {
      phase = name;
    },
    answered: async () => {
      while (!phases[phase]) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    },
    lastIncorrectAt: () => answers.findLast((answer) => !answer.correct)?.at,
    firstCorrectSince: (since) => requests.map((_, index) => answers.find((answer) => answer.request === index && answer.correct && answer.at >= since)?.at),
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return { phases, slowestMs };
    },
  };
}
