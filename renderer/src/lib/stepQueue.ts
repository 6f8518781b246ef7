/**
 * Requests that must each run once, in the order they were made, one after another: the article's
 * undo and redo presses. Two quick presses are two steps; the second starts when the first has
 * finished (its revision is in and the text reloaded), so neither is lost nor run twice. A step
 * that fails (resolves false) drops the presses after it, which were made on the expectation that
 * it would go through.
 */
export class StepQueue<T> {
  private readonly pending: T[] = [];
  private running = false;

  constructor(private readonly runStep: (request: T) => Promise<boolean>) {}

  push(request: T): void {
    this.pending.push(request);
    void this.drain();
  }

  /** Forgets the requests not yet started (the one running finishes). */
  clear(): void {
    this.pending.length = 0;
  }

  /** Requests waiting or running. */
  get size(): number {
    return this.pending.length + (this.running ? 1 : 0);
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let next = this.pending.shift(); next !== undefined; next = this.pending.shift()) {
        const ok = await this.runStep(next).catch(() => false);
        if (!ok) this.pending.length = 0;
      }
    } finally {
      this.running = false;
    }
  }
}
