/**
 * When the engine's utility process dies unexpectedly, main restarts it with a growing delay, and
 * gives up when it keeps crashing (a crash loop would otherwise spin a CPU and hide the error).
 */
export interface RestartPolicy {
  /** Crashes counted within this window. */
  windowMs: number;
  /** More crashes than this within the window: give up. */
  maxCrashes: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = { windowMs: 60_000, maxCrashes: 5, baseDelayMs: 250, maxDelayMs: 5_000 };

export type RestartDecision = { action: 'restart'; delayMs: number } | { action: 'give-up'; reason: string };

/** `crashTimes` are the times (ms) of the crashes so far, including the one being handled. */
export function decideRestart(crashTimes: readonly number[], now: number, policy: RestartPolicy = DEFAULT_RESTART_POLICY): RestartDecision {
  const recent = crashTimes.filter((t) => now - t <= policy.windowMs).length;
  if (recent > policy.maxCrashes) {
    return {
      action: 'give-up',
      reason: `the engine process exited ${recent} times within ${Math.round(policy.windowMs / 1000)} s`,
    };
  }
  const delayMs = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, recent - 1));
  return { action: 'restart', delayMs };
}
