import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mlcycle } from '../helpers/cli';
import { screenshot } from './harness';
import { workspaceSuite } from './workspace-test';

/**
 * The Groupings tab end to end, on data whose answer is known: three tight, well-separated clusters
 * of 200 rows in x, y, z, a target naming them, and one row far outside all three.
 *
 * Why the expected values hold (in standardised units, where each centre sits about 3 apart and a
 * cluster spreads about 0.2): splitting the data into fewer than three clusters merges two of them
 * at a cost of about 100 × 9 = 900 in inertia, while the outlier costs its cluster only about 20;
 * so k-means with k = 3 finds the three clusters, the outlier joining its nearest (a, 201 rows), and
 * the fall in inertia stops at k = 3, where the elbow is. Three centres span a plane, so PC1 + PC2
 * hold all of the between-cluster variance and all but the third direction's noise (~1.4%).
 * The outlier lies beyond every other row in every column, so the isolation forest ranks it first.
 */

const TIMEOUT = 120_000;
const OUTLIER_AT = 300;

const e2e = workspaceSuite('groupings', TIMEOUT, ({ root }) => {
  const project = path.join(root, 'clusters-project');
  const csv = path.join(root, 'clusters.csv');
  const noise = path.join(root, 'noise.csv');
  writeClusters(csv);
  writeNoise(noise);
  const env = { MLCYCLE_HOME: path.join(root, 'cli-home') };
  expect(mlcycle(['init', project], { env }).status).toBe(0);
  const imported = mlcycle(['data', 'import', csv, '--target', 'group', '--project', project], { env });
  expect(imported.stdout.trim(), imported.stderr).toBe('Imported 601 rows as clusters@1. Its profile: mlcycle data profile clusters@1');
  expect(mlcycle(['data', 'import', noise, '--project', project], { env }).status).toBe(0);
  return project;
});
const { page, byTestId } = e2e;

/** 600 rows around (0,0,0) a, (10,10,0) b and (0,10,10) c with unit spread, and (−12,−12,−12) a as row 300. */
function writeClusters(file: string): void {
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const centres: Record<string, number[]> = { a: [0, 0, 0], b: [10, 10, 0], c: [0, 10, 10] };
  const names = Object.keys(centres);
  const lines = ['x,y,z,group'];
  for (let i = 0; i < 600; i++) {
    if (i === OUTLIER_AT) lines.push('-12,-12,-12,a');
    const group = names[i % 3]!;
    lines.push(`${centres[group]!.map((c) => (c + gauss()).toFixed(3)).join(',')},${group}`);
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

/** 20,000 rows of 12 uniform columns: no structure, but enough work for the analysis to be caught running. */
function writeNoise(file: string): void {
  let seed = 3;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const lines = [Array.from({ length: 12 }, (_, j) => `f${j}`).join(',')];
  for (let i = 0; i < 20_000; i++) lines.push(Array.from({ length: 12 }, () => (rnd() * 100).toFixed(2)).join(','));
  writeFileSync(file, `${lines.join('\n')}\n`);
}

const sizes = async () => (await page().getByTestId('groupings-size').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-size'))))).sort((a, b) => a - b);

/** Picks k in the clusters card, runs it, and waits until the card shows that k. */
async function clusterWith(k: number): Promise<void> {
  await byTestId('groupings-k-select').selectOption(String(k));
  await byTestId('groupings-k-run').click();
  await page().locator(`[data-testid="groupings-clusters"][data-k="${k}"]`).waitFor({ timeout: 30_000 });
}

describe('Data workspace: Groupings (headless host, Chromium)', () => {
  it(
    'runs the analysis, finds the three clusters and the outlier, and re-clusters with another k',
    async () => {
      const p = await e2e.openApp();
      await byTestId('nav-data').click();
      await p.locator('[data-testid="dataset-item"]', { hasText: 'clusters' }).click();
      await byTestId('data-tab-groupings').click();
      await expect.poll(() => byTestId('version-ref').textContent()).toMatch(/^clusters@1/);

      // Nothing runs by itself: a sentence says what the analysis computes, on what, and how long it takes.
      await byTestId('groupings-run').waitFor();
      expect(await byTestId('groupings-status').textContent()).toMatch(/seeded sample of up to 20,000 rows .* usually in a few seconds/);
      expect(await byTestId('groupings-pca').count()).toBe(0);
      await screenshot(p, 'groupings-01-start');

      await byTestId('groupings-run').click();
      await byTestId('groupings-pca').waitFor({ timeout: 30_000 });
      expect(await byTestId('groupings-sample').textContent()).toMatch(/Computed on all 601 rows and 3 numeric columns \(x, y, z\), standardised; the target group is left out/);

      // PCA: two components hold nearly everything, and the axes say how much each explains.
      const pca = await byTestId('groupings-pca-summary').textContent();
      const together = Number(/together (\d+\.\d)%/.exec(pca ?? '')?.[1]);
      expect(together, pca ?? '').toBeGreaterThanOrEqual(95);
      const chart = byTestId('groupings-pca-chart');
      await chart.locator('.main-svg').first().waitFor({ timeout: 20_000 });
      expect(await chart.getAttribute('data-drawn')).toBe('true');
      expect(await chart.locator('.xtitle').textContent()).toMatch(/^PC1 \(\d+\.\d% of variance\)$/);
      expect(await chart.locator('.ytitle').textContent()).toMatch(/^PC2 \(\d+\.\d% of variance\)$/);
      const axisShare = async (axis: string) => Number(/\((\d+\.\d)%/.exec((await chart.locator(axis).textContent()) ?? '')?.[1]);
      expect((await axisShare('.xtitle')) + (await axisShare('.ytitle'))).toBeCloseTo(together, 0);
      expect(await chart.locator('[role="img"]').getAttribute('aria-label')).toMatch(/PC1 explains \d+\.\d% of the variance/);
      // Coloured by the target (a, b, c), or by cluster on request.
      expect((await chart.locator('.legendtext').allTextContents()).sort()).toEqual(['a', 'b', 'c']);
      await byTestId('groupings-colour-cluster').check();
      await expect.poll(async () => (await chart.locator('.legendtext').allTextContents()).sort()).toEqual(['Cluster 1', 'Cluster 2', 'Cluster 3']);
      await byTestId('groupings-pca').scrollIntoViewIfNeeded();
      await screenshot(p, 'groupings-02-pca');

      // k-means: the elbow picks k = 3; each cluster is one target class (the outlier joins a's).
      expect(await byTestId('groupings-clusters').getAttribute('data-k')).toBe('3');
      expect(await byTestId('groupings-clusters-summary').textContent()).toMatch(/The elbow is at k = 3\./);
      expect(await sizes()).toEqual([200, 200, 201]);
      const mix = await p.getByTestId('groupings-size').allTextContents();
      expect(mix.filter((row) => /\b(a|b|c) \(100\.0% of 20[01]\)/.test(row))).toHaveLength(3);

      // Another k re-runs the analysis: four clusters that still hold every sampled row.
      await clusterWith(4);
      expect((await sizes()).reduce((s, n) => s + n, 0)).toBe(601);
      expect(await sizes()).toHaveLength(4);
      expect(await byTestId('groupings-clusters-summary').textContent()).toMatch(/The elbow would pick k = 3; k = 4 was chosen by hand\./);
      // Back to k = 3, chosen by hand this time: the same three clusters.
      await clusterWith(3);
      expect(await sizes()).toEqual([200, 200, 201]);
      await byTestId('groupings-elbow-chart').locator('.main-svg').first().waitFor({ timeout: 20_000 });
      expect(await byTestId('groupings-elbow-chart').locator('.annotation-text').textContent()).toBe('k = 3');
      await byTestId('groupings-clusters').scrollIntoViewIfNeeded();
      await screenshot(p, 'groupings-03-elbow');

      // Anomalies: the outlier first, by its table row number (from 1), with its values.
      const first = p.getByTestId('groupings-anomaly').first();
      expect(await first.getAttribute('data-row')).toBe(String(OUTLIER_AT));
      const cells = (await first.locator('th, td').allTextContents()).map((t) => t.trim());
      expect(cells[0]).toBe(String(OUTLIER_AT + 1));
      expect(cells[1]).toMatch(/^0\.\d{3}unusual$/);
      expect(cells.slice(2)).toEqual(['-12', '-12', '-12']);
      expect(await byTestId('groupings-anomalies-summary').textContent()).toMatch(new RegExp(`The most anomalous is row ${OUTLIER_AT + 1} `));
      await byTestId('groupings-anomalies').scrollIntoViewIfNeeded();
      await screenshot(p, 'groupings-04-anomalies');

      // Spearman heatmap, drawn.
      await byTestId('groupings-spearman').scrollIntoViewIfNeeded();
      await byTestId('groupings-spearman-chart').locator('.main-svg').first().waitFor({ timeout: 20_000 });
      expect(await byTestId('groupings-spearman-summary').textContent()).toMatch(/Strongest: /);

      // After a reload the tab shows the last analysis (k = 3) without computing it again.
      await p.reload();
      await p.locator('[data-app-state="ready"]').waitFor({ timeout: 20_000 });
      await byTestId('nav-data').click();
      await byTestId('data-tab-groupings').click();
      await p.locator('[data-testid="groupings-clusters"][data-k="3"]').waitFor({ timeout: 10_000 });
      await byTestId('jobs-toggle').click();
      expect(await p.locator('[data-testid="job-row"]', { hasText: 'Analyse clusters@1' }).count()).toBe(3);
      await byTestId('jobs-toggle').click();

      // A longer analysis shows its progress and phase, and Cancel stops it, saying so.
      await p.locator('[data-testid="dataset-item"]', { hasText: 'noise' }).click();
      await byTestId('groupings-run').click();
      await byTestId('groupings-progress').waitFor({ timeout: 10_000 });
      const bar = byTestId('groupings-status').locator('[role="progressbar"]');
      expect(await bar.getAttribute('aria-label')).toBe('Analysis progress');
      await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 10_000 }).toBeGreaterThan(0);
      await screenshot(p, 'groupings-05-running');
      await byTestId('groupings-cancel').click();
      await expect.poll(() => byTestId('groupings-note').textContent().catch(() => ''), { timeout: 15_000 }).toBe('The analysis was cancelled; nothing was saved.');
      expect(await byTestId('groupings-run').textContent()).toBe('Run analysis');
      expect(await byTestId('groupings-error').count()).toBe(0);
      expect(await byTestId('groupings-pca').count()).toBe(0);
      await screenshot(p, 'groupings-06-cancelled');

      // Back on the first dataset its analysis is there at once; in the dark theme the charts follow.
      await p.locator('[data-testid="dataset-item"]', { hasText: 'clusters' }).click();
      await p.locator('[data-testid="groupings-clusters"][data-k="3"]').waitFor({ timeout: 10_000 });
      await byTestId('theme-toggle').click();
      await expect.poll(() => p.locator('html').getAttribute('data-theme')).toBe('dark');
      await byTestId('groupings-pca').scrollIntoViewIfNeeded();
      await byTestId('groupings-pca-chart').locator('.main-svg').first().waitFor({ timeout: 20_000 });
      await screenshot(p, 'groupings-07-dark');

      expect(e2e.session!.errors, `the page logged errors:\n${e2e.session!.errors.join('\n')}`).toEqual([]);
    },
    TIMEOUT,
  );
});
