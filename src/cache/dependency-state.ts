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
