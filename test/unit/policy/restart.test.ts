import { describe, expect, it } from 'vitest';
import { decideRestart, DEFAULT_RESTART_POLICY } from '../../../src/main/policy/restart';

describe('decideRestart', () => {
  it('restarts quickly after a first crash, then backs off', () => {
    expect(decideRestart([1000], 1000)).toEqual({ action: 'restart', delayMs: 250 });
    expect(decideRestart([1000, 2000], 2000)).toEqual({ action: 'restart', delayMs: 500 });
    expect(decideRestart([1000, 2000, 3000, 4000], 4000)).toEqual({ action: 'restart', delayMs: 2000 });
    expect(decideRestart([1, 2, 3, 4, 5], 5)).toEqual({ action: 'restart', delayMs: 4000 });
  });

  it('gives up on a crash loop', () => {
    const decision = decideRestart([1, 2, 3, 4, 5, 6], 6);
    expect(decision.action).toBe('give-up');
    expect(decision.action === 'give-up' && decision.reason).toMatch(/6 times within 60 s/);
  });

  it('forgets crashes older than the window', () => {
    const old = [0, 1, 2, 3, 4];
    const now = DEFAULT_RESTART_POLICY.windowMs + 10;
    expect(decideRestart([...old, now], now)).toEqual({ action: 'restart', delayMs: 250 });
  });

  it('caps the delay', () => {
    expect(decideRestart([1, 2, 3, 4, 5, 6, 7, 8], 8, { windowMs: 1000, maxCrashes: 100, baseDelayMs: 1000, maxDelayMs: 3000 })).toEqual({
      action: 'restart',
      delayMs: 3000,
    });
  });
});
