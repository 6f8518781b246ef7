/**
 * Runs async tasks one at a time, in the order they were added. The article editor sends its saves
 * and its findings refreshes through one queue, so a refresh always sees every save queued before it.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  /** Adds a task; the promise settles with the task's own outcome. */
  run<T>(task: () => Promise<T>): Promise<T> {
    this.pending++;
    const result = this.tail.then(task, task);
    this.tail = result.then(
      () => this.pending--,
      () => this.pending--,
    );
    return result;
  }

  /** Resolves once every task added so far has settled. */
  async idle(): Promise<void> {
    while (this.pending > 0) await this.tail;
  }

  get busy(): boolean {
    return this.pending > 0;
  }
}
