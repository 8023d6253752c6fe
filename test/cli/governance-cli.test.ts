import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mlcycle } from '../helpers/cli';
import { cliProject } from '../helpers/cli-project';
import { tempDir } from '../helpers/temp';

/** Objectives, people, policy, decision log, status, gates and brief through the real `mlcycle`. */
describe('mlcycle governance commands', () => {
  const tmp = tempDir();
  const { env, project, run, json } = cliProject(tmp.dir, 'churn');

  beforeAll(() => {
    expect(mlcycle(['init', project, '--name', 'Churn'], { env }).status).toBe(0);
  });
  afterAll(() => tmp.cleanup());

  it('sets the objective field by field and shows it back', () => {
    const saved = json(['objective', 'set', '--problem', 'Customers leave', '--task', 'binary', '--metric', 'roc_auc', '--threshold', '0.85', '--note', 'kick-off']);
    expect(saved).toMatchObject({ version: 1, changedBy: 'ana', note: 'kick-off', value: { task: 'binary', primaryMetric: { metric: 'roc_auc', threshold: 0.85 } } });
    // a later flag changes only its field
    const next = json(['objective', 'set', '--threshold', '0.88', '--sensitive', 'gender', '--fairness-metric', 'demographic_parity_difference', '--fairness-bound', '0.1']);
    expect(next.value.problem).toBe('Customers leave');
    expect(next.value.primaryMetric.threshold).toBe(0.88);
    expect(run(['objective', 'show']).stdout).toContain('ROC AUC ≥ 0.88');
    const history = json(['objective', 'show', '--history']);
    expect(history[0].changes).toContainEqual({ field: 'primaryMetric.threshold', from: 0.85, to: 0.88 });
  });

  it('refuses bad objective input with the field named, exit 1, and keeps the saved version', () => {
    const before = json(['objective', 'show']).version;
    const high = run(['objective', 'set', '--threshold', '1.5']);
    expect(high.status).toBe(1);
    expect(high.stderr).toContain("'objective.primaryMetric.threshold': ROC AUC cannot be above 1; got 1.5");
    const wrongMetric = run(['objective', 'set', '--metric', 'rmse']);
    expect(wrongMetric.stderr).toContain('RMSE does not apply to binary classification');
    const notNumber = run(['objective', 'set', '--threshold', 'high']);
    expect(notNumber.status).toBe(2);
    expect(notNumber.stderr).toContain('--threshold must be a number');
    expect(json(['objective', 'show']).version).toBe(before);
  });

  it('reads a whole objective from a file and points at a JSON syntax error by line and column', () => {
    const file = path.join(tmp.dir, 'objective.json');
    fs.writeFileSync(file, '{\n  "problem": "x",\n  "task": "binary"\n  "target": "y"\n}\n');
    const broken = run(['objective', 'set', '--file', file]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain(`${file}:4:3: not valid JSON`);
    fs.writeFileSync(file, JSON.stringify({ problem: 'From a file', task: 'regression', primaryMetric: { metric: 'rmse', threshold: 12.5 } }));
    expect(json(['objective', 'set', '--file', file]).value).toMatchObject({ problem: 'From a file', primaryMetric: { metric: 'rmse' } });
    expect(run(['objective', 'set', '--file', path.join(tmp.dir, 'missing.json')]).stderr).toContain('no such file');
  });

  it('adds, edits and removes people by name, and refuses unknown stages', () => {
    json(['people', 'add', '--name', 'Ana Lima', '--role', 'data_scientist', '--raci', 'train=A,data=r']);
    json(['people', 'add', '--name', 'Rui', '--role', 'reviewer']);
    const edited = json(['people', 'edit', 'rui', '--raci', 'evaluate=A,deploy=C']);
    expect(edited.raci).toEqual({ evaluate: 'A', deploy: 'C' });
    const unknown = run(['people', 'add', '--name', 'X', '--role', 'reviewer', '--raci', 'training=A']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("unknown stage 'training'");
    const badRole = run(['people', 'add', '--name', 'X', '--role', 'wizard']);
    expect(badRole.stderr).toContain('role must be one of product_owner');
    expect(run(['people']).stdout).toMatch(/Ana Lima\s+Data scientist\s+-\s+R\s+A/);
    expect(run(['people', 'remove', 'nobody']).stderr).toContain("No person named or with id 'nobody'");
    json(['people', 'remove', 'Ana Lima']);
    expect(json(['people']).map((p: { name: string }) => p.name)).toEqual(['Rui']);
  });

  it('changes policy settings by path, explains them, and refuses unknown ones', () => {
    const saved = json(['policy', 'set', '--set', 'promotion.approvals.required=2', '--set', 'promotion.approvals.roles=reviewer,product_owner', '--note', 'regulated']);
    expect(saved.value.promotion.approvals).toEqual({ required: 2, roles: ['reviewer', 'product_owner'] });
    const shown = run(['policy', 'show', '--explain']).stdout;
    expect(shown).toMatch(/promotion\.approvals\.required\s+2\s+\(default 1\)/);
    expect(shown).toContain('How many distinct people must approve a promotion');
    const unknown = run(['policy', 'set', '--set', 'promotion.approval=2']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown policy setting 'promotion.approval'");
    const invalid = run(['policy', 'set', '--set', 'monitoring.datasetDriftShare=3']);
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toContain("'policy.monitoring.datasetDriftShare': must be a share between 0 and 1");
  });

  it('records decisions with links and lists them with the changes on one timeline', () => {
    const decision = json(['log', 'add', 'Use ROC AUC', '--why', 'Churners are 8%', '--link', 'objective:v1', '--date', '2026-11-01']);
    expect(decision).toMatchObject({ title: 'Use ROC AUC', author: 'ana', decidedAt: '2026-11-01', links: [{ kind: 'objective', ref: 'v1' }] });
    expect(run(['log', 'add', 'x', '--link', 'spreadsheet:1']).status).toBe(2);
    const kinds = new Set(json(['log']).map((t: { kind: string }) => t.kind));
    expect([...kinds].sort()).toEqual(['decision', 'objective', 'people', 'policy']);
    expect(run(['log', '--decisions']).stdout).toContain('2026-11-01  ana  Use ROC AUC');
  });

  it('shows the dashboard and judges gates with an exit status CI can use', () => {
    expect(run(['status']).stdout).toMatch(/^Next: /);
    const evidence = path.join(tmp.dir, 'evidence.json');
    fs.writeFileSync(evidence, JSON.stringify({ testMetrics: { rmse: 14 } }));
    const failing = run(['gates', '--evidence', evidence]);
    expect(failing.status).toBe(1);
    expect(failing.stdout).toContain('FAIL  primary_metric  RMSE on the test split is 14; the objective needs ≤ 12.5');
    expect(failing.stdout).toContain('Blocked by: primary_metric, parity, approvals.');
  });

  it('writes the brief as Markdown to stdout and HTML to a file', () => {
    const md = run(['brief']);
    expect(md.status).toBe(0);
    expect(md.stdout).toMatch(/^# Churn — project brief/);
    const out = path.join(tmp.dir, 'brief.html');
    expect(run(['brief', '--format', 'html', '--out', out]).stdout.trim()).toBe(`Wrote ${out}`);
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('prints the brief to PDF with Chromium, and says what is missing without it', () => {
    const out = path.join(tmp.dir, 'brief.pdf');
    const pdf = run(['brief', '--format', 'pdf', '--out', out]);
    expect(pdf.status, pdf.stderr).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    expect(run(['brief', '--format', 'pdf']).status).toBe(2);
    const missing = mlcycle(['brief', '--format', 'pdf', '--out', out, '--project', project], { env: { ...env, MLCYCLE_CHROMIUM: '/nowhere/chromium' } });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('PDF export prints the HTML brief with Chromium or Chrome');
  });
});
