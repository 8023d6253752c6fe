import type { JobStatus } from '../../../shared/contract/models';

/** "about 12 s left", "about 3 min left": an estimate, so rounded and said as one. */
export function etaInWords(etaMs: number | null): string | null {
  if (etaMs === null) return null;
  if (etaMs < 1_000) return 'less than a second left';
  const seconds = Math.round(etaMs / 1_000);
  if (seconds < 60) return `about ${seconds} s left`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min left`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `about ${hours} h ${rest ? `${rest} min ` : ''}left`;
}

/** 0..1 to a whole percentage 0..100 (99.6% shows as 99 until it is really done). */
export function percent(fraction: number): number {
  const clamped = Math.min(1, Math.max(0, fraction));
  return clamped >= 1 ? 100 : Math.floor(clamped * 100);
}

export function durationInWords(ms: number): string {
  if (ms < 1_000) return `${ms} ms`;
  const seconds = ms / 1_000;
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds % 60)} s`;
}

export function timeOfDay(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString(undefined, { hour12: false });
}

export function dateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export const STATUS_WORDS: Record<JobStatus, string> = {
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
};

/** Why a job that did not succeed ended, in words, when the engine gave no message. */
export const STATUS_EXPLANATIONS: Partial<Record<JobStatus, string>> = {
  failed: 'The job failed.',
  cancelled: 'The job was cancelled before it finished.',
  interrupted: 'The engine stopped while this job was running, so it never finished.',
};
