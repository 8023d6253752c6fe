/**
 * Milliseconds left, extrapolated linearly from the time spent so far. Null until there is enough
 * progress (1%) and time (250 ms) for the estimate to mean something.
 */
export function estimateEtaMs(fraction: number, elapsedMs: number): number | null {
  if (fraction >= 1) return 0;
  if (fraction < 0.01 || elapsedMs < 250) return null;
  return Math.round((elapsedMs * (1 - fraction)) / fraction);
}
