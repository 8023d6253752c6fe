/**
 * How served rows are cut into windows, as the Monitor workspace's control holds it (a mode and the
 * typed text) and as the engine's methods take it (windowMinutes or windowRows, or neither for the
 * automatic choice). The limits repeat the contract's (src/shared/monitor/models.ts windowChoice),
 * so a bad number is explained before anything is asked.
 */

export type WindowMode = 'auto' | 'minutes' | 'rows';

export interface WindowForm {
  mode: WindowMode;
  /** What was typed for minutes or rows. */
  text: string;
}

export type WindowArgs = { windowMinutes?: number; windowRows?: number };

export const AUTO_WINDOWS: WindowForm = { mode: 'auto', text: '' };

const LIMITS = {
  minutes: { min: 1, max: 10_080, words: 'a whole number of minutes from 1 to 10,080 (a week)' },
  rows: { min: 10, max: 10_000_000, words: 'a whole number of rows from 10 to 10,000,000' },
} as const;

/** The method arguments for the form, or why it cannot be used. */
export function windowArgs(form: WindowForm): { args: WindowArgs; problem: null } | { args: null; problem: string } {
  if (form.mode === 'auto') return { args: {}, problem: null };
  const limit = LIMITS[form.mode];
  const text = form.text.trim();
  const n = Number(text);
  if (text === '' || !Number.isInteger(n) || n < limit.min || n > limit.max) return { args: null, problem: `Give ${limit.words}.` };
  return { args: form.mode === 'minutes' ? { windowMinutes: n } : { windowRows: n }, problem: null };
}

/** A stable key for loads that depend on the windows ("auto", "m60", "r500"). */
export function windowKey(args: WindowArgs): string {
  if (args.windowMinutes) return `m${args.windowMinutes}`;
  if (args.windowRows) return `r${args.windowRows}`;
  return 'auto';
}

/**
 * Short column labels for windows: their start time when every window starts in a different minute
 * (time windows), else their number (row windows of a burst can share a minute). `time` formats an ISO
 * instant (local time in the app; a fixed format in tests).
 */
export function windowLabels(windows: ReadonlyArray<{ start: string }>, time: (iso: string) => string): string[] {
  const minutes = windows.map((w) => w.start.slice(0, 16));
  const distinct = new Set(minutes).size === windows.length;
  return windows.map((w, i) => (distinct ? time(w.start) : `#${i + 1}`));
}

/** Windows of fixed minutes: each as long as the others and starting where the one before ended. */
export function isTimeCut(windows: ReadonlyArray<{ start: string; end: string }>): boolean {
  const width = (w: { start: string; end: string }) => Date.parse(w.end) - Date.parse(w.start);
  return windows.length > 0 && windows.every((w, i) => width(w) > 0 && width(w) === width(windows[0]!) && (i === 0 || windows[i - 1]!.end === w.start));
}
