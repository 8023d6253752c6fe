import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { request } from '../../helpers/http';
import { deployChurnForSuite } from '../../helpers/local-deployment';
import { tempDir } from '../../helpers/temp';
import type { Connected } from '../../helpers/transports';
import { shopCsv } from '../package/shop-data';

/** Fresh rows from the training data's generator, as one infer request; `shiftA` moves feature a. */
function rowsRequest(rows: number, seed: number, shiftA: number) {
  const lines = shopCsv(rows, seed).trim().split('\n');
  const header = lines[0]!.split(',');
  const cells = lines.slice(1).map((l) => l.split(','));
  const col = (name: string) => cells.map((c) => c[header.indexOf(name)]!);
  const num = (v: string, shift = 0) => (v === '' ? null : Number(v) + shift);
  return {
    a: col('a'),
    body: {
      inputs: [
        { name: 'a', shape: [rows, 1], datatype: 'FP32', data: col('a').map((v) => num(v, shiftA)) },
        { name: 'year', shape: [rows, 1], datatype: 'FP32', data: col('year').map((v) => num(v)) },
        { name: 'plan', shape: [rows, 1], datatype: 'BYTES', data: col('plan') },
        { name: 'flag', shape: [rows, 1], datatype: 'BYTES', data: col('flag') },
      ],
    },
  };
}

/** The Monitor workspace's views over a real local deployment whose traffic shifts halfway. */
describe('monitoring views: drift per window, distributions, status and the HTML report', () => {
  const tmp = tempDir();
  let api: Connected;
  let shifted: ReturnType<typeof rowsRequest>;
  let pulledAlerts = 0;

  deployChurnForSuite(tmp, {
    ready: async (local) => {
      const { url } = local;
      api = local.api;
      // The deploy's smoke test logged 20 rows; then 300 like training, then 300 with a moved far out of range.
      expect((await request(url, 'POST', '/v2/models/churn/infer', rowsRequest(300, 7, 0).body)).status).toBe(200);
      shifted = rowsRequest(300, 8, 500);
      expect((await request(url, 'POST', '/v2/models/churn/infer', shifted.body)).status).toBe(200);
      // A rule stricter than the default: a fifth of the features drifting in an hour is an alert.
      await api.client.call('monitor.rules.set', { rule: { target: 'laptop', signal: 'drift.share', comparison: 'above', threshold: 0.2, windowMinutes: 60, severity: 'critical', enabled: true } });
      const [pulled] = await api.client.call('monitor.pull', {});
      expect(pulled).toMatchObject({ target: 'laptop', ok: true, records: 3, rows: 620, health: true });
      pulledAlerts = pulled!.alertsRaised;
    },
  });

  it('judges each feature in each window: the moved feature drifts only after the shift', async () => {
    const heatmap = await api.client.call('monitor.heatmap', { target: 'laptop', windowRows: 320 });
    expect(heatmap.windows.map((w) => w.rows)).toEqual([320, 300]);
    const cells = Object.fromEntries(heatmap.features.map((f) => [f.feature, f.cells]));
    expect(Object.keys(cells).sort()).toEqual(['a', 'flag', 'plan', 'year']);
    expect(cells.a!.map((c) => c.drifted)).toEqual([false, true]);
    expect(cells.year!.map((c) => c.drifted)).toEqual([false, false]);
    // The window's share is its drifted features over those judged (all four have enough rows).
    for (const [w, window] of heatmap.windows.entries()) {
      expect(window.datasetShare).toBeCloseTo(heatmap.features.filter((f) => f.cells[w]!.drifted).length / 4, 12);
    }
    // Chosen automatically, a burst of seconds is cut by rows, at least 500 per window: 620 rows make one.
    const auto = await api.client.call('monitor.heatmap', { target: 'laptop' });
    expect(auto.windows.map((w) => w.rows)).toEqual([620]);
  });

  it('overlays the reference and served distributions of a feature on the reference bins', async () => {
    const a = await api.client.call('monitor.histogram', { target: 'laptop', feature: 'a' });
    expect(a.kind).toBe('numeric');
    expect(a.edges).toHaveLength(a.reference.length + 1);
    expect(a.reference.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(a.current.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    // Every moved value (≥ 500) lands in the last bin, above the training maximum of 10.
    const movedPresent = shifted.a.filter((v) => v !== '').length;
    expect(a.current.at(-1)! * a.currentRows).toBeGreaterThanOrEqual(movedPresent);
    const plan = await api.client.call('monitor.histogram', { target: 'laptop', feature: 'plan' });
    expect(plan.kind).toBe('categorical');
    expect(plan.categories.slice(0, 4).sort()).toEqual(['basic', 'plus', 'pro', 'team']);
    await expect(api.client.call('monitor.histogram', { target: 'laptop', feature: 'nope' })).rejects.toThrow(/no feature nope/);
  });

  it('counts exactly the rows of one window of rows, though a request at its edges was served at one instant', async () => {
    // 620 rows in arrival order: 20 smoke-test rows, 300 like training, 300 with a moved. Slices of
    // 200 put the shifted request's first 80 rows in window 1 beside 120 unmoved ones.
    const heatmap = await api.client.call('monitor.heatmap', { target: 'laptop', windowRows: 200 });
    expect(heatmap.windows.map((w) => w.rows)).toEqual([200, 200, 200, 20]);
    const second = await api.client.call('monitor.histogram', { target: 'laptop', feature: 'a', window: 1, windowRows: 200 });
    const unmoved = rowsRequest(300, 7, 0).a.slice(180);
    const moved = shifted.a.slice(0, 80);
    const present = (values: string[]) => values.filter((v) => v !== '').length;
    expect(second.currentRows).toBe(present(unmoved) + present(moved));
    // The last bin holds every moved value (≥ 500) and the unmoved ones in the training range's top bin.
    const inTopBin = unmoved.filter((v) => v !== '' && Number(v) >= second.edges.at(-2)!).length;
    expect(Math.round(second.current.at(-1)! * second.currentRows)).toBe(present(moved) + inTopBin);
    // The last window: the shifted request's last 20 rows alone.
    const last = await api.client.call('monitor.histogram', { target: 'laptop', feature: 'a', window: 3, windowRows: 200 });
    expect([last.currentRows, Math.round(last.current.at(-1)! * last.currentRows)]).toEqual([present(shifted.a.slice(280)), present(shifted.a.slice(280))]);
    await expect(api.client.call('monitor.histogram', { target: 'laptop', feature: 'a', window: 4, windowRows: 200 })).rejects.toThrow(/no window 5: this cut of the served rows makes 4 windows/);
    await expect(api.client.call('monitor.histogram', { target: 'laptop', feature: 'a', window: 0, from: '2024-01-01T00:00:00Z' })).rejects.toThrow(/a window or a span of time, not both/);
  });

  it('raises the drift alert once, naming the drifted feature, and a second pull raises nothing new', async () => {
    expect(pulledAlerts).toBeGreaterThanOrEqual(1);
    const alerts = await api.client.call('monitor.alerts.list', { target: 'laptop' });
    const drift = alerts.filter((a) => a.signal === 'drift.share' && a.severity === 'critical');
    // The default drift rule (half the features) may fire in the same window beside the stricter one.
    expect(alerts).toHaveLength(pulledAlerts);
    expect(drift.length).toBeGreaterThanOrEqual(1);
    expect(drift[0]!.message).toMatch(/features drifted: .*\ba\b/);
    expect(drift[0]!.value).toBeGreaterThanOrEqual(0.2);
    const [again] = await api.client.call('monitor.pull', {});
    expect(again).toMatchObject({ ok: true, records: 0, alertsRaised: 0 });
    // The /metrics read at each pull: the three requests served, none failed.
    const health = await api.client.call('monitor.health', { target: 'laptop' });
    expect(health.windows.reduce((s, w) => s + w.requests, 0)).toBeLessThanOrEqual(3);
    expect(health.windows.every((w) => w.errors === 0)).toBe(true);
  });

  it('says per target what is live and what was collected', async () => {
    const [status] = await api.client.call('monitor.status', {});
    expect(status).toMatchObject({ target: 'laptop', model: 'churn', version: 1, rowsCollected: 620, labeledRows: 0, lastError: null });
    expect(status!.openAlerts).toBe(pulledAlerts);
    expect(status!.lastPullAt).not.toBeNull();
  });

  it('writes a self-contained HTML report with plots and statistics but no served rows', async () => {
    const { html, bytes } = await api.client.call('monitor.report', { target: 'laptop', windowRows: 320 });
    expect(bytes).toBe(Buffer.byteLength(html));
    // Kept for people to look at (and for the README's screenshot).
    fs.mkdirSync('test-results', { recursive: true });
    fs.writeFileSync('test-results/monitor-report.html', html);
    expect(bytes).toBeLessThan(200_000);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|<link|src="http/);
    // A served value of the moved feature (e.g. 503.1234) appears nowhere: statistics only.
    const served = shifted.a.filter((v) => v !== '').slice(0, 20).map((v) => (Number(v) + 500).toFixed(4));
    for (const v of served) expect(html).not.toContain(v);
    expect(html).toContain('churn v1 on laptop');
  });

  it('refuses windows cut both by minutes and by rows', async () => {
    await expect(api.client.call('monitor.heatmap', { target: 'laptop', windowMinutes: 5, windowRows: 100 })).rejects.toThrow(/not both/);
  });
});
