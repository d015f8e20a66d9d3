// Retries reaching the cloud with exponential backoff until one attempt succeeds or it is stopped.
export interface BackoffOptions {
  minMs?: number;
  maxMs?: number;
}

export class Reconnector {
  readonly #attempt: () => Promise<boolean>;
  readonly #minMs: number;
  readonly #maxMs: number;
  #delay: number;
  #timer: NodeJS.Timeout | null = null;
  #running = false;
  /** Bumped by stop(), so an attempt in flight when stopped does not schedule another. */
  #generation = 0;

  /** `attempt` resolves true when the cloud answered (the loop then stops). */
  constructor(attempt: () => Promise<boolean>, opts: BackoffOptions = {}) {
    this.#attempt = attempt;
    this.#minMs = opts.minMs ?? 1000;
    this.#maxMs = opts.maxMs ?? 30_000;
    this.#delay = this.#minMs;
  }

  get active(): boolean {
    return this.#timer !== null || this.#running;
  }

  /** Starts the loop if it is not already running; the first try comes after the shortest delay. */
  start(): void {
    if (this.active) return;
    this.#delay = this.#minMs;
    this.#schedule();
  }

  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#delay = this.#minMs;
    this.#generation++;
  }

  #schedule(): void {
    this.#timer = setTimeout(() => void this.#tick(), this.#delay);
    // A pending retry must not keep a CLI process alive on its own.
    this.#timer.unref();
  }

  async #tick(): Promise<void> {
    this.#timer = null;
    this.#running = true;
    const generation = this.#generation;
    let done: boolean;
    try {
      done = await this.#attempt();
    } catch {
      done = false;
    } finally {
      this.#running = false;
    }
    if (done || generation !== this.#generation) {
      this.#delay = this.#minMs;
      return;
    }
    this.#delay = Math.min(this.#delay * 2, this.#maxMs);
    this.#schedule();
  }
}
