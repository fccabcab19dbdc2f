/**
 * What the server needs from a dependency that may be away (the database,
 * Redis, the change notifications): its state, a back-off for reconnecting,
 * and a deadline for calls that could otherwise wait for ever.
 */

/** Whether a dependency answers now, and since when: what /readyz reports for it. */
export type DependencyState = { status: 'up' | 'down'; since: Date };

/**
 * The delay before reconnection attempt `attempt` (0, 1, 2…): doubling from
 * 100 ms to at most 5 s, with jitter so that many servers losing the same
 * dependency do not all knock on its door at the same moment when it returns.
 */
export function reconnectDelay(attempt: number): number {
  return Math.min(100 * 2 ** attempt, 5000) + Math.floor(Math.random() * 250);
}

/** A dependency's state that remembers when it last changed. */
export function stateTracker(initial: DependencyState['status']) {
  let state: DependencyState = { status: initial, since: new Date() };
  return {
    current: (): DependencyState => state,
    /** Records the status; true when it differs from the one before. */
    set(status: DependencyState['status']): boolean {
      if (state.status === status) return false;
      state = { status, since: new Date() };
      return true;
    },
  };
}

/** `work`, or a rejection once `milliseconds` have passed without its answer. */
export function withDeadline<T>(work: Promise<T>, milliseconds: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${milliseconds} ms`)), milliseconds);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
