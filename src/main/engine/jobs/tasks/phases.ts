import type { TaskContext } from './types';

/**
 * Progress that also writes how long each phase took to the job's log, so a slow profile or import
 * says where its time went.
 */
export function timedPhases(ctx: TaskContext): { phase(fraction: number, name: string): void; end(): void } {
  let current: { name: string; started: number } | null = null;
  const close = () => {
    if (current) ctx.log(`${current.name}: ${((performance.now() - current.started) / 1000).toFixed(2)} s`);
  };
  return {
    phase(fraction, name) {
      close();
      current = { name, started: performance.now() };
      ctx.progress(fraction, name);
    },
    end() {
      close();
      current = null;
    },
  };
}
