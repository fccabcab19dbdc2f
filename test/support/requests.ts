import { expect } from 'vitest';

/** No answer may take longer than this, whatever a dependency does: a request that would hang fails the test. */
export const ANSWER_DEADLINE_MS = 5000;

export const TOPIC = '{ topic(slug: "internal-audit") { id name version } }';

export type Topic = { id: string; name: string; version: number };

/** An anonymous GET query, the kind that answers are cached for; the answer must come within the deadline and be a 200. */
export async function read<T>(url: string, query: string): Promise<T> {
  const response = await fetch(`${url}/graphql?query=${encodeURIComponent(query)}`, {
    headers: { 'apollo-require-preflight': 'true' },
    signal: AbortSignal.timeout(ANSWER_DEADLINE_MS),
  });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  expect(response.status).toBe(200);
  return body.data;
}

export const readTopic = async (url: string) => (await read<{ topic: Topic }>(url, TOPIC)).topic;

/** Renames the topic as an editor; returns the new name. */
export async function renameTopic(url: string, key: string, topic: Topic, name: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({
      query: 'mutation Rename($id: ID!, $version: Int!, $name: String!) { updateTopic(id: $id, version: $version, input: { name: $name }) { name } }',
      variables: { id: topic.id, version: topic.version, name },
    }),
    signal: AbortSignal.timeout(ANSWER_DEADLINE_MS),
  });
  const body = (await response.json()) as { data?: { updateTopic: { name: string } }; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data!.updateTopic.name;
}

export type Answer = {
  status: number;
  retryAfter: string | null;
  body: { data?: unknown; errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }> };
};

/** A GraphQL POST, answered within the deadline. */
export async function post(url: string, body: { query: string; variables?: Record<string, unknown> }, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(ANSWER_DEADLINE_MS),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Answer['body'] };
}
