/** Asks until `accept` holds (or the time is up); answers the last answer and how long it took. */
export async function waitFor<T>(ask: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 15_000) {
  const started = performance.now();
  let value = await ask();
  while (!accept(value) && performance.now() - started < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await ask();
  }
  return { value, ms: performance.now() - started };
}
