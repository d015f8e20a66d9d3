// Bounded waits for tests: each gives up after a while and says what it was waiting for, so no
// test can hang the suite (issue 11).

export const WAIT_MS = 20_000;

/** Polls `probe` until it answers a value (not undefined/false/null), or fails naming `what`. */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  { timeoutMs = WAIT_MS, everyMs = 20 }: { timeoutMs?: number; everyMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline)
      throw new Error(`Gave up after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** `promise`, or a failure naming `what` when it has not settled within `timeoutMs`. */
export async function within<T>(
  what: string,
  promise: Promise<T>,
  timeoutMs = WAIT_MS,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Gave up after ${timeoutMs / 1000} s waiting for ${what}`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
