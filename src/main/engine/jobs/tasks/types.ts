/** What a task running in a worker thread can do: report progress, write log lines, notice cancel. */
export interface TaskContext {
  /** fraction in 0..1; phase is a short label such as "reading" or "epoch 3/20". */
  progress(fraction: number, phase?: string): void;
  log(message: string, level?: 'info' | 'warn' | 'error'): void;
  /** Streams one point of a live curve to the UI (kept for the job while it runs). */
  point(point: unknown): void;
  /** Aborted when the user cancels; hand it to async APIs that accept a signal. */
  signal: AbortSignal;
  /**
   * True once the user has cancelled. Reads shared memory, so it works inside a synchronous loop
   * that never yields to the worker's event loop; CPU-bound tasks call it between units of work.
   */
  isCancelled(): boolean;
}

export type Task<P = unknown, R = unknown> = (params: P, ctx: TaskContext) => Promise<R>;
