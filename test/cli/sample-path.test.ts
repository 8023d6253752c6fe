import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mlcycle } from '../helpers/cli';
import { cliProject } from '../helpers/cli-project';
import { tempDir } from '../helpers/temp';

/**
 * The whole loop through the CLI, as a new user scripts it on the sample project: create it →
 * replay its pipeline (stops at the approval gate) → approve, promote, deploy → send shifted
 * traffic with labels → pull → alerts → retrain → the pipeline again with no approval needed, which
 * deploys on its own.
 */
describe('the sample project through the CLI', () => {
  const tmp = tempDir();
  const { env, project, run, json } = cliProject(tmp.dir, 'penguins');
  afterAll(() => {
    run(['deploy', 'undeploy', '--target', 'laptop']);
    tmp.cleanup();
  });

  it('goes from the sample to a monitored deployment, an alert, a retrain and a pipeline that deploys', () => {
    // 1. The sample: the data imported (all 344 birds, target species), the objective written, the pipeline beside it.
    const created = mlcycle(['init', '--sample', project], { env });
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toContain('mlcycle pipeline run');
    expect(fs.existsSync(path.join(project, 'pipeline.yaml'))).toBe(true);
    expect(fs.readFileSync(path.join(project, 'SAMPLE.md'), 'utf8')).toContain('CC0');
    const shown = json(['data', 'show', 'penguins']);
    expect(shown.version).toMatchObject({ rows: 344, target: 'species' });
    expect(json(['objective', 'show']).value).toMatchObject({ task: 'multiclass', target: 'species', primaryMetric: { metric: 'f1_macro', threshold: 0.9 } });
    // The dashboard's next action leads along the path: the data is profiled, so cleaning comes next.
    const next = () => json(['status']).next as { stage: string; action: string };
    expect(next()).toMatchObject({ stage: 'data', action: expect.stringMatching(/^Clean penguins@1/) });

    // 2. The pipeline trains both learners and registers the better one, then stops at the approval gate, naming it.
    const first = run(['pipeline', 'run', '--json']);
    expect(first.status).toBe(1);
    const outcome = JSON.parse(first.stdout);
    expect(outcome.steps.map((s: { step: string; outcome: string }) => `${s.step}:${s.outcome}`)).toEqual(['import:ok', 'clean:ok', 'split:ok', 'train:ok', 'train:ok', 'evaluate:ok', 'register:ok', 'gates:failed']);
    expect(outcome.gatesFailed).toEqual(['approvals']);
    expect(outcome.version).toEqual({ model: 'penguins', version: 1 });
    expect(first.stderr).toMatch(/gates: .*approvals.*mlcycle registry approve penguins 1/);
    // The recipe dropped the two birds with no measurements; the test rows meet the objective.
    expect(json(['data', 'show', outcome.datasetVersionId]).version.rows).toBe(342);
    expect(outcome.best.test).toBeGreaterThanOrEqual(0.9);
    expect(next()).toEqual({ stage: 'models', action: expect.stringMatching(/^Approve penguins v1: the policy asks for 1 more approval/) });

    // 3. A reviewer approves; promotion passes every gate; the deploy smoke-tests and goes live.
    expect(run(['registry', 'approve', 'penguins', '1', '--comment', 'checked the card']).status).toBe(0);
    expect(run(['registry', 'promote', 'penguins', '1']).status).toBe(0);
    expect(json(['deploy', 'penguins@1', '--target', 'laptop'])).toMatchObject({ status: 'live', version: 1 });
    expect(next()).toEqual({ stage: 'monitor', action: expect.stringMatching(/^Send traffic to laptop/) });

    // 4. A heavier colony arrives from the 120th bird on; the labels come back; a pull raises drift and performance alerts.
    const labels = path.join(tmp.dir, 'labels.csv');
    const shifts = ['flipper_length_mm=flipper_length_mm+15', 'body_mass_g=body_mass_g*1.25', 'bill_length_mm=bill_length_mm+5', 'bill_depth_mm=bill_depth_mm-2'];
    const sent = json(['simulate', '--target', 'laptop', '--from', 'penguins', '--rate', '400', ...shifts.flatMap((s) => ['--shift', s]), '--shift-after', '120', '--labels-out', labels]);
    // "penguins" is its newest version: the pipeline's cleaned 342 birds.
    expect(sent).toMatchObject({ rowsSent: 342, errors: 0, rowsShifted: 222 });
    expect(run(['labels', 'add', labels, '--target', 'laptop']).status).toBe(0);
    expect(run(['monitor', 'pull']).status).toBe(0);
    const alerts = json(['monitor', 'alerts']) as Array<{ signal: string; status: string }>;
    expect(alerts.map((a) => a.signal).sort()).toEqual(expect.arrayContaining(['drift.share']));
    expect(alerts.every((a) => a.status === 'open')).toBe(true);
    expect(next()).toEqual({ stage: 'monitor', action: expect.stringMatching(/^Look at the alerts on laptop, then retrain/) });

    // 5. Retraining on the labeled served rows registers a challenger and compares it on held-out rows only.
    const retrained = json(['monitor', 'retrain', '--target', 'laptop']);
    expect(retrained.challenger).toEqual({ model: 'penguins', version: 2 });
    expect(retrained.comparison).toMatchObject({ metric: 'f1_macro', rows: retrained.rows.heldOut });
    expect(retrained.rows.heldOut).toBeGreaterThan(0);

    // 6. With no approval required, the pipeline runs through: promoted and live on the laptop target.
    expect(run(['policy', 'set', '--set', 'promotion.approvals.required=0', '--note', 'CI promotes on its own']).status).toBe(0);
    const second = run(['pipeline', 'run', '--json']);
    expect(second.status, second.stderr).toBe(0);
    const done = JSON.parse(second.stdout);
    expect(done).toMatchObject({ ok: true, gatesFailed: [], version: { model: 'penguins', version: 3 } });
    expect(done.steps.at(-1)).toMatchObject({ step: 'deploy', outcome: 'ok' });
    // Same file, same content: the import reused the version.
    expect(done.steps[0].message).toContain('version reused');
    expect(json(['deploy', 'status', '--target', 'laptop']).deployment).toMatchObject({ model: 'penguins', version: 3, status: 'live' });

    // 7. `pipeline init` writes the pipeline the champion came from: it replays what was just run.
    const derived = json(['pipeline', 'init', '--out', path.join(tmp.dir, 'derived.yaml')]).pipeline;
    expect(derived).toMatchObject({ dataset: 'penguins', target: 'species', model: 'penguins', split: { strategy: 'stratified', ratios: [0.7, 0.15, 0.15], seed: 7 }, deploy: { target: 'laptop' } });
    expect(done.best.runId).toBe(json(['registry', 'show', 'penguins', 'champion']).version.runId);
  }, 400_000);
});
