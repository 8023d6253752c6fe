import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type MlcycleError } from '../../src/shared/contract/errors';
import { tempDir } from '../helpers/temp';
import { TRANSPORTS, type Connected } from '../helpers/transports';

const churnObjective = {
  problem: 'Customers leave without warning',
  decision: 'Who gets a retention call this week',
  whyMl: 'The current rule (tenure < 3 months) misses most churners',
  baseline: { description: 'tenure rule recall', value: 0.31 },
  task: 'binary' as const,
  target: 'churned',
  primaryMetric: { metric: 'roc_auc' as const, threshold: 0.85 },
  constraints: { p99LatencyMs: 50, maxModelSizeMb: 20, fairness: { metric: 'demographic_parity_difference' as const, bound: 0.1, sensitiveColumns: ['gender'] } },
  businessMeasure: { description: 'cut churn', target: 2, unit: 'percentage points' },
  dataSources: [{ name: 'CRM export', kind: 'csv' as const, location: 's3://crm/customers.csv' }],
};

describe.each(TRANSPORTS)('governance over %s', (_name, connect) => {
  let home: ReturnType<typeof tempDir>;
  let api: Connected;
  let dir: string;
  beforeEach(async () => {
    home = tempDir();
    api = await connect(home.dir);
    dir = path.join(home.dir, 'churn');
    await api.client.call('project.create', { dir, name: 'Churn' });
  });
  afterEach(async () => {
    await api.close();
    home.cleanup();
  });

  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected a refusal');
      },
      (e: MlcycleError) => e,
    );

  it('versions the objective: unchanged saves add nothing, history shows old and new values with who and when', async () => {
    expect((await api.client.call('objective.get')).version).toBe(0);
    const first = await api.client.call('objective.set', { objective: churnObjective, note: 'kick-off' });
    expect(first).toMatchObject({ version: 1, changedBy: 'test-user', note: 'kick-off', value: { target: 'churned' } });
    expect((await api.client.call('objective.set', { objective: churnObjective })).version).toBe(1);
    await api.client.call('objective.set', { objective: { ...churnObjective, primaryMetric: { metric: 'roc_auc', threshold: 0.88 } }, note: 'raised the bar' });
    const history = await api.client.call('objective.history');
    expect(history.map((h) => h.version)).toEqual([2, 1]);
    expect(history[0]!.changes).toEqual([{ field: 'primaryMetric.threshold', from: 0.85, to: 0.88 }]);
    expect(history[0]).toMatchObject({ changedBy: 'test-user', note: 'raised the bar' });
    expect(history[1]!.changes).toContainEqual({ field: 'task', from: null, to: 'binary' });
    const audit = await api.client.call('audit.list');
    expect(audit.filter((a) => a.action === 'objective.set')).toHaveLength(3);
  });

  it('refuses an impossible objective with the field named, and keeps the saved one', async () => {
    await api.client.call('objective.set', { objective: churnObjective });
    const bad = await refusal(api.client.call('objective.set', { objective: { ...churnObjective, primaryMetric: { metric: 'roc_auc', threshold: 1.2 } } }));
    expect(bad.code).toBe('INVALID_ARGUMENT');
    expect(bad.message).toContain("'objective.primaryMetric.threshold': ROC AUC cannot be above 1; got 1.2");
    const wrongTask = await refusal(api.client.call('objective.set', { objective: { ...churnObjective, task: 'regression' } }));
    expect(wrongTask.message).toContain("'objective.primaryMetric.metric': ROC AUC does not apply to regression");
    expect((await api.client.call('objective.get')).value.primaryMetric).toEqual({ metric: 'roc_auc', threshold: 0.85 });
  });

  it('keeps people with their RACI letters, and refuses an owner for an unknown stage', async () => {
    const ana = await api.client.call('people.save', { person: { name: 'Ana Lima', role: 'data_scientist', email: 'ana@example.org', raci: { train: 'A', data: 'R' } } });
    await api.client.call('people.save', { person: { name: 'Rui', role: 'reviewer', raci: { evaluate: 'A', deploy: 'C' } } });
    await api.client.call('people.save', { person: { id: ana.id, name: 'Ana Lima', role: 'data_scientist', raci: { train: 'A', data: 'A' } } });
    const people = await api.client.call('people.list');
    expect(people.map((p) => [p.name, p.raci])).toEqual([
      ['Ana Lima', { train: 'A', data: 'A' }],
      ['Rui', { evaluate: 'A', deploy: 'C' }],
    ]);
    const bad = await refusal(api.client.call('people.save', { person: { name: 'X', role: 'reviewer', raci: { training: 'A' } } }));
    expect(bad.message).toContain("'person.raci.training': unknown stage 'training'");
    await api.client.call('people.remove', { id: ana.id });
    expect((await api.client.call('people.list')).map((p) => p.name)).toEqual(['Rui']);
    expect((await refusal(api.client.call('people.remove', { id: ana.id }))).code).toBe('NOT_FOUND');
  });

  it('starts from the default policy and versions changes', async () => {
    const initial = await api.client.call('policy.get');
    expect(initial.version).toBe(0);
    expect(initial.value.promotion.approvals.required).toBe(1);
    const next = structuredClone(initial.value);
    next.promotion.approvals = { required: 2, roles: ['reviewer', 'product_owner'] };
    next.monitoring.datasetDriftShare = 0.3;
    await api.client.call('policy.set', { policy: next, note: 'regulated use' });
    const [latest] = await api.client.call('policy.history');
    expect(latest!.changes.map((c) => c.field).sort()).toEqual(['monitoring.datasetDriftShare', 'promotion.approvals.required', 'promotion.approvals.roles']);
    const bad = await refusal(api.client.call('policy.set', { policy: { ...next, retention: { predictionLogDays: 0, sampleRate: 1 } } }));
    expect(bad.message).toContain("'policy.retention.predictionLogDays'");
  });

  it('records decisions with links and shows them with every change on one timeline', async () => {
    await api.client.call('objective.set', { objective: churnObjective });
    await api.client.call('people.save', { person: { name: 'Rui', role: 'reviewer' } });
    const decision = await api.client.call('decisions.add', {
      decision: { title: 'Use ROC AUC, not accuracy', why: 'Churners are 8% of customers', links: [{ kind: 'objective', ref: 'v1' }], decidedAt: '2026-11-01' },
    });
    expect(decision).toMatchObject({ id: 1, author: 'test-user', decidedAt: '2026-11-01', links: [{ kind: 'objective', ref: 'v1' }] });
    const timeline = await api.client.call('governance.timeline');
    expect(timeline.map((t) => t.kind).sort()).toEqual(['decision', 'objective', 'people']);
    expect(timeline.at(-1)!.title).toBe('Use ROC AUC, not accuracy'); // the oldest date sorts last
    // a decision dated today sorts where it was recorded, above the changes made before it
    await api.client.call('decisions.add', { decision: { title: 'Ship weekly', decidedAt: new Date().toISOString().slice(0, 10) } });
    expect((await api.client.call('governance.timeline'))[0]!.title).toBe('Ship weekly');
    const bad = await refusal(api.bridge.call('decisions.add', { decision: { title: 'x', links: [{ kind: 'spreadsheet', ref: 'a' }] } }));
    expect(bad.message).toContain("'decision.links[0].kind'");
  });

  it('judges gates against the saved objective and policy', async () => {
    await api.client.call('objective.set', { objective: churnObjective });
    const report = await api.client.call('governance.evaluateGates', {
      evidence: { testMetrics: { roc_auc: 0.9 }, fairness: { gender: 0.03 }, parity: { passed: true }, latencyP99Ms: 12, modelSizeMb: 3, approvals: [{ by: 'rui', role: 'reviewer', at: 'now' }] },
    });
    expect(report.passed).toBe(true);
    const slow = await api.client.call('governance.evaluateGates', { evidence: { testMetrics: { roc_auc: 0.9 }, latencyP99Ms: 80 } });
    expect(slow.passed).toBe(false);
    expect(slow.gates.filter((g) => !g.passed).map((g) => g.gate)).toEqual(['latency', 'model_size', 'fairness', 'parity', 'approvals']);
  });

  it('shows the lifecycle on the dashboard and moves the next action along', async () => {
    let board = await api.client.call('project.dashboard');
    expect(board.stages.map((s) => s.status)).toEqual(Array(7).fill('not_started'));
    expect(board.next?.stage).toBe('objectives');
    await api.client.call('objective.set', { objective: { problem: 'Customers leave' } });
    board = await api.client.call('project.dashboard');
    expect(board.stages[0]).toMatchObject({ status: 'in_progress', nextAction: 'Add the ML task to the objective.' });
    await api.client.call('objective.set', { objective: churnObjective });
    await api.client.call('people.save', { person: { name: 'Ana', role: 'product_owner', raci: { objectives: 'A' } } });
    board = await api.client.call('project.dashboard');
    expect(board.stages[0]).toMatchObject({ status: 'in_progress', nextAction: 'Name who is accountable (A) for data, train, evaluate, deploy, monitor, governance.' });
    await api.client.call('people.save', {
      person: { name: 'Dev', role: 'ml_engineer', raci: { data: 'A', train: 'A', evaluate: 'A', deploy: 'A', monitor: 'A', governance: 'A' } },
    });
    board = await api.client.call('project.dashboard');
    expect(board.stages[0]!.status).toBe('done');
    expect(board.readiness.find((r) => r.id === 'owners_named')!.status).toBe('done');
    expect(board.next).toEqual({ stage: 'data', action: expect.stringMatching(/^Import the data the model will learn from/) });
    expect(board.readiness.find((r) => r.id === 'objective_defined')!.status).toBe('done');
    expect(board.champion).toBeNull();
  });

  it('exports a brief in Markdown and self-contained HTML', async () => {
    await api.client.call('objective.set', { objective: churnObjective });
    await api.client.call('people.save', { person: { name: 'Ana <PO>', role: 'product_owner', raci: { objectives: 'A' } } });
    const md = await api.client.call('project.brief', { format: 'markdown' });
    expect(md.filename).toBe('churn-brief.md');
    expect(md.content).toMatch(/^# Churn — project brief/);
    for (const heading of ['## Objective', '## People and ownership', '## Policies', '## Decision log']) expect(md.content).toContain(heading);
    expect(md.content).toContain('| Success metric | ROC AUC ≥ 0.85 on the test split |');
    const html = await api.client.call('project.brief', { format: 'html' });
    expect(html.mediaType).toBe('text/html');
    expect(html.content).toContain('Ana &lt;PO&gt;');
    expect(html.content).not.toMatch(/<script|src=|href="http/);
  });

  it('folds quick repeated edits of one person into one timeline entry', async () => {
    const rui = await api.client.call('people.save', { person: { name: 'Rui', role: 'reviewer' } });
    for (const letter of ['R', 'A', 'C'] as const) {
      await api.client.call('people.save', { person: { id: rui.id, name: 'Rui', role: 'reviewer', raci: { evaluate: letter } } });
    }
    const titles = (await api.client.call('governance.timeline')).map((t) => t.title);
    expect(titles).toEqual(['Updated Rui', 'Added Rui (reviewer)']);
  });

  it('announces every mutation so other open views can refresh', async () => {
    const seen: string[] = [];
    api.client.on('audit.recorded', (entry) => seen.push(`${entry.actor} ${entry.action}`));
    await api.client.call('policy.set', { policy: (await api.client.call('policy.get')).value, note: 'unchanged' });
    await api.client.call('decisions.add', { decision: { title: 'x' } });
    await expect.poll(() => seen).toEqual(['test-user policy.set', 'test-user decisions.add']);
  });

  it('keeps everything after the project is closed and reopened', async () => {
    await api.client.call('objective.set', { objective: churnObjective });
    await api.client.call('people.save', { person: { name: 'Rui', role: 'reviewer' } });
    await api.client.call('project.close');
    await api.client.call('project.open', { dir });
    expect((await api.client.call('objective.get')).value).toMatchObject({ target: 'churned', task: 'binary' });
    expect((await api.client.call('people.list')).map((p) => p.name)).toEqual(['Rui']);
  });
});
