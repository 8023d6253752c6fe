import type { PullOutcome } from '../../../shared/monitor/methods';
import type { Alert, AlertSignal, LabelsAdded } from '../../../shared/monitor/models';

/** What the Monitor workspace says in words about pulls, labels and alert rules. Pure, unit-tested. */

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** One target's pull: what was collected, whether the metrics were read, alerts raised; or why nothing was. */
export function pullWords(p: PullOutcome): string {
  if (!p.ok) return `Nothing collected from ${p.target}: ${p.error ?? 'no reason given'}. What was collected before stays.`;
  const got = p.records === 0 ? 'no new requests' : `${plural(p.records, 'new request')} (${plural(p.rows, 'row')})`;
  const parts = [`${p.target}: ${got}`];
  if (p.lost > 0) parts.push(`${plural(p.lost, 'request')} rotated out of the server’s log before they could be collected`);
  parts.push(p.health ? 'metrics read' : 'metrics not read');
  parts.push(p.alertsRaised === 0 ? 'no new alerts' : plural(p.alertsRaised, 'new alert'));
  return `${parts.join('; ')}.`;
}

/** The labels file's outcome: read, stored, matched, and what waits for a later pull. */
export function labelsWords(r: LabelsAdded): string {
  const waiting = r.added - r.matched;
  const repeated = r.read - r.rejected - r.added;
  return [
    `${plural(r.read, 'label')} read: ${r.added.toLocaleString('en')} added or changed, ${r.matched.toLocaleString('en')} matching a collected prediction`,
    waiting > 0 ? `${waiting.toLocaleString('en')} wait for a later pull` : null,
    repeated > 0 ? `${repeated.toLocaleString('en')} already there` : null,
    r.rejected > 0 ? `${r.rejected.toLocaleString('en')} rejected` : null,
  ]
    .filter(Boolean)
    .join('; ')
    .concat('.');
}

/** Each signal a rule can watch: what it measures and in which unit the threshold is given. */
export const SIGNAL_WORDS: Record<AlertSignal, { label: string; unit: string }> = {
  'drift.share': { label: 'Share of drifted features', unit: 'a share from 0 to 1 (0.5 = half the features)' },
  'prediction.drift': { label: 'Prediction drift', unit: '1 when the predictions drifted, else 0' },
  'performance.drop': { label: 'Performance drop against the test result', unit: 'a relative drop (0.05 = 5% worse)' },
  'latency.p99': { label: 'p99 latency', unit: 'milliseconds' },
  'error.rate': { label: 'Error rate', unit: 'a share of requests from 0 to 1' },
  rows: { label: 'Rows served', unit: 'rows per window' },
};

/** A rule's threshold as its signal reads: shares as percentages, latency in ms. */
export function thresholdWords(signal: AlertSignal, threshold: number): string {
  if (signal === 'drift.share' || signal === 'error.rate' || signal === 'performance.drop') return `${Number((threshold * 100).toFixed(2))}%`;
  if (signal === 'latency.p99') return `${threshold} ms`;
  return String(threshold);
}

/** "2 min ago", "3 h ago", or the date for anything older than a day; "never" for null. */
export function agoWords(iso: string | null, now: number): string {
  if (iso === null) return 'never';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return iso.slice(0, 10);
}

/** One notice for alerts raised together (one pull): the alert's words, or the first one's and how many more. */
export function noticeText(alerts: readonly Pick<Alert, 'target' | 'message'>[]): string {
  const [first] = alerts;
  if (!first) return '';
  if (alerts.length === 1) return `Alert on ${first.target}: ${first.message}`;
  const targets = [...new Set(alerts.map((a) => a.target))].join(', ');
  return `${alerts.length} alerts on ${targets}: ${first.message}; and ${alerts.length - 1} more (Monitor › Alerts).`;
}
