import { describe, expect, it } from 'vitest';
import type { PullOutcome } from '../../../src/shared/monitor/methods';
import { agoWords, labelsWords, noticeText, pullWords, thresholdWords } from '../../../src/renderer/src/lib/monitor-words';

const pull = (over: Partial<PullOutcome>): PullOutcome => ({ target: 'laptop', ok: true, records: 0, rows: 0, lost: 0, cursor: 0, error: null, health: true, alertsRaised: 0, ...over });

describe('monitor words', () => {
  it('says what a pull collected, whether metrics were read, and the alerts it raised', () => {
    expect(pullWords(pull({ records: 12, rows: 620, alertsRaised: 1 }))).toBe('laptop: 12 new requests (620 rows); metrics read; 1 new alert.');
    expect(pullWords(pull({ records: 1, rows: 1, health: false }))).toBe('laptop: 1 new request (1 row); metrics not read; no new alerts.');
    expect(pullWords(pull({}))).toBe('laptop: no new requests; metrics read; no new alerts.');
    expect(pullWords(pull({ records: 3, rows: 30, lost: 2 }))).toContain('2 requests rotated out of the server’s log');
  });

  it('says why a pull collected nothing, and that what was collected stays', () => {
    expect(pullWords(pull({ ok: false, error: 'connect ECONNREFUSED 127.0.0.1:9' }))).toBe('Nothing collected from laptop: connect ECONNREFUSED 127.0.0.1:9. What was collected before stays.');
  });

  it('accounts for every label read: added, matched, waiting, repeated, rejected', () => {
    // 10 read = 2 rejected + 7 added + 1 already there; of the 7 added, 5 match and 2 wait.
    expect(labelsWords({ read: 10, added: 7, matched: 5, rejected: 2, rejectedSample: ['line 3: empty label'] })).toBe(
      '10 labels read: 7 added or changed, 5 matching a collected prediction; 2 wait for a later pull; 1 already there; 2 rejected.',
    );
    expect(labelsWords({ read: 4, added: 4, matched: 4, rejected: 0, rejectedSample: [] })).toBe('4 labels read: 4 added or changed, 4 matching a collected prediction.');
  });

  it('writes thresholds in the unit of their signal', () => {
    expect(thresholdWords('drift.share', 0.5)).toBe('50%');
    expect(thresholdWords('performance.drop', 0.05)).toBe('5%');
    expect(thresholdWords('latency.p99', 250)).toBe('250 ms');
    expect(thresholdWords('rows', 100)).toBe('100');
  });

  it('says how long ago a pull was', () => {
    const now = Date.parse('2024-05-01T12:00:00Z');
    expect(agoWords(null, now)).toBe('never');
    expect(agoWords('2024-05-01T11:59:30Z', now)).toBe('just now');
    expect(agoWords('2024-05-01T11:45:00Z', now)).toBe('15 min ago');
    expect(agoWords('2024-05-01T09:00:00Z', now)).toBe('3 h ago');
    expect(agoWords('2024-04-28T09:00:00Z', now)).toBe('2024-04-28');
  });

  it('makes one notice of the alerts one pull raised', () => {
    const drift = { target: 'laptop', message: 'Dataset drift: 1 of 6 features drifted: x3' };
    expect(noticeText([drift])).toBe('Alert on laptop: Dataset drift: 1 of 6 features drifted: x3');
    expect(noticeText([drift, { target: 'laptop', message: 'Errors: 9%' }, { target: 'cluster', message: 'Slow' }])).toBe(
      '3 alerts on laptop, cluster: Dataset drift: 1 of 6 features drifted: x3; and 2 more (Monitor › Alerts).',
    );
    expect(noticeText([])).toBe('');
  });
});
