/**
 * Retries `check` until it returns without throwing, or throws its last
 * error after `timeoutMs`: for states a server reaches in its own time, such
 * as reconnecting to a dependency that came back.
 */
export async function eventually<T>(check: () => Promise<T>, timeoutMs: number, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
