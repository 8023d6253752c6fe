import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typedClient } from '../../../src/shared/client';
import type { SignalValue } from '../../../src/shared/monitor/alerts';
import type { Alert } from '../../../src/shared/monitor/models';
import { createEngine } from '../../../src/main/engine/engine';
import { inProcessBridge } from '../../../src/main/engine/in-process';
import { raiseAlerts } from '../../../src/main/engine/monitor/raise-alerts';
import { postWebhook } from '../../../src/main/engine/monitor/webhook';
import { tempDir } from '../../helpers/temp';
import { inProcess, type Connected } from '../../helpers/transports';

interface Received {
  method: string;
  contentType: string | undefined;
  body: unknown;
}

/** A real webhook receiver on loopback: records each request and answers with `status` (or never, when null). */
async function receiver(status: number | null = 200): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => {
      received.push({ method: req.method!, contentType: req.headers['content-type'], body: JSON.parse(text) });
      if (status !== null) res.writeHead(status).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/mlcycle`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      // a receiver that never answered still holds its connection open
      server.closeAllConnections();
    });
  return { url, received, close };
}

/** A loopback port nothing listens on: bound, read, released. */
async function refusedUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/hook`;
}

const drift = (hour: number, value: number, over: Partial<SignalValue> = {}): SignalValue => ({
  target: 'laptop',
  signal: 'drift.share',
  windowStart: `2024-05-01T${hour}:00:00.000Z`,
  windowEnd: `2024-05-01T${hour + 1}:00:00.000Z`,
  value,
  rows: 400,
  detail: `${Math.round(value * 5)} of 5 features drifted`,
  ...over,
});

describe('monitoring: alert rules, raised alerts, the webhook and acknowledging', () => {
  const tmp = tempDir();
  const projectDir = path.join(tmp.dir, 'project');
  let api: Connected;
  const events: Array<{ event: string; payload: unknown }> = [];

  beforeAll(async () => {
    api = await inProcess(path.join(tmp.dir, 'home'));
    api.engine.onEvent((event, payload) => events.push({ event, payload }));
    await api.client.call('project.create', { dir: projectDir, name: 'Shop' });
    // Thresholds the defaults must copy: not the policy's own defaults, so a copy of those would fail.
    await api.client.call('policy.set', { policy: { monitoring: { datasetDriftShare: 0.4, performanceTolerance: 0.1, alertSeverity: 'critical' } } as never, note: 'stricter' });
    await api.client.call('targets.add', { name: 'laptop', config: { kind: 'local', port: 0 } });
    await api.client.call('targets.add', { name: 'spare', config: { kind: 'local', port: 0 } });
  });
  afterAll(async () => {
    await api.close();
    tmp.cleanup();
  });

  it('starts with rules copied from the policy, and stores a rule for one target', async () => {
    const rules = await api.client.call('monitor.rules.list', {});
    expect(rules.map((r) => [r.id, r.target, r.signal, r.comparison, r.threshold, r.severity, r.windowMinutes, r.enabled])).toEqual([
      ['default-drift', null, 'drift.share', 'above', 0.4, 'critical', 60, true],
      ['default-performance', null, 'performance.drop', 'above', 0.1, 'critical', 60, true],
      ['default-errors', null, 'error.rate', 'above', 0.05, 'critical', 60, true],
    ]);
    const quiet = await api.client.call('monitor.rules.set', { rule: { target: 'spare', signal: 'rows', comparison: 'below', threshold: 10, windowMinutes: 30, severity: 'info', enabled: true } });
    expect(quiet).toMatchObject({ id: expect.stringMatching(/^rule-[0-9a-f]{8}$/), target: 'spare', signal: 'rows', comparison: 'below', threshold: 10 });
    const { id: quietId, ...quietRule } = quiet;
    const changed = await api.client.call('monitor.rules.set', { id: quietId, rule: { ...quietRule, threshold: 5 } });
    expect(changed).toMatchObject({ id: quiet.id, threshold: 5, target: 'spare' });
    expect((await api.client.call('monitor.rules.list', {})).map((r) => r.id)).toEqual(['default-drift', 'default-performance', 'default-errors', quiet.id]);
  });

  it('refuses bad rules and webhooks with the field named', async () => {
    const base = { target: null, signal: 'drift.share', comparison: 'above', threshold: 0.5, windowMinutes: 60, severity: 'warning', enabled: true } as const;
    await expect(api.client.call('monitor.rules.set', { rule: { ...base, threshold: 1.5 } })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: "Invalid alert rule: 'rule.threshold': drift.share is a share: give a threshold between 0 and 1 (0.5 = 50%)",
    });
    await expect(api.client.call('monitor.rules.set', { rule: { ...base, target: 'nowhere' } })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining("No deploy target 'nowhere'") });
    await expect(api.client.call('monitor.rules.set', { rule: { ...base, signal: 'mood' as never } })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining("'rule.signal'") });
    await expect(api.client.call('monitor.rules.set', { rule: { ...base, windowMinutes: 0 } })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining("'rule.windowMinutes'") });
    await expect(api.client.call('monitor.rules.set', { id: 'rule-nothere', rule: base })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining("No alert rule 'rule-nothere'") });
    await expect(api.client.call('monitor.rules.remove', { id: 'rule-nothere' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(api.client.call('monitor.webhook.set', { url: 'ftp://example.org/x' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining("'url'") });
    expect(await api.client.call('monitor.rules.list', {})).toHaveLength(4);
  });

  it('raises each alert once, POSTs the documented body to the webhook, notifies and audits', async () => {
    const hook = await receiver(200);
    try {
      expect(await api.client.call('monitor.webhook.set', { url: hook.url })).toEqual({ url: hook.url });
      expect(await api.client.call('monitor.webhook.get', {})).toEqual({ url: hook.url });
      events.length = 0;
      // 14:00 drifted (0.6 ≥ 0.4), 15:00 not (0.2), 16:00 at the threshold but on too few rows to judge.
      const signals = [drift(14, 0.6), drift(15, 0.2), drift(16, 0.4, { rows: 50 })];
      const raised = await raiseAlerts(api.engine.context, 'laptop', signals);
      expect(raised).toHaveLength(1);
      const alert = raised[0]!;
      const expected: Omit<Alert, 'id' | 'raisedAt' | 'webhookStatus'> = {
        ruleId: 'default-drift',
        target: 'laptop',
        signal: 'drift.share',
        value: 0.6,
        threshold: 0.4,
        severity: 'critical',
        windowStart: '2024-05-01T14:00:00.000Z',
        windowEnd: '2024-05-01T15:00:00.000Z',
        message: 'Dataset drift: 3 of 5 features drifted (60%, threshold 40%) in the window 14:00–15:00 UTC on 2024-05-01',
        status: 'open',
        ackedBy: null,
        ackedAt: null,
        ackComment: null,
      };
      expect(alert).toMatchObject({ ...expected, webhookStatus: '200' });

      const project = (await api.client.call('project.current', {}))!;
      expect(hook.received).toHaveLength(1);
      expect(hook.received[0]!.method).toBe('POST');
      expect(hook.received[0]!.contentType).toBe('application/json');
      expect(hook.received[0]!.body).toEqual({ event: 'mlcycle.alert', alert: { ...expected, id: alert.id, raisedAt: alert.raisedAt }, project: { id: project.id, name: 'Shop' } });

      expect(events.filter((e) => e.event === 'alert.raised').map((e) => (e.payload as Alert).id)).toEqual([alert.id]);
      const audit = (await api.client.call('audit.list', { limit: 5 })).find((e) => e.action === 'monitor.alert.raised');
      expect(audit).toMatchObject({ actor: 'test-user', target: 'laptop', outcome: 'ok', details: expect.objectContaining({ alert: alert.id, webhook: '200' }) });

      // The same windows again raise nothing and post nothing; a new drifted window does.
      expect(await raiseAlerts(api.engine.context, 'laptop', signals)).toEqual([]);
      expect(hook.received).toHaveLength(1);
      const next = await raiseAlerts(api.engine.context, 'laptop', [...signals, drift(17, 1)]);
      expect(next.map((a) => a.windowStart)).toEqual(['2024-05-01T17:00:00.000Z']);
      expect(hook.received).toHaveLength(2);

      const listed = await api.client.call('monitor.alerts.list', { target: 'laptop' });
      expect(listed.map((a) => a.windowStart)).toEqual(['2024-05-01T17:00:00.000Z', '2024-05-01T14:00:00.000Z']);
      expect(await api.client.call('monitor.alerts.list', { target: 'spare' })).toEqual([]);
    } finally {
      await hook.close();
    }
  });

  it('keeps the alert when the webhook refuses the connection or answers with an error, and says so', async () => {
    await api.client.call('monitor.webhook.set', { url: await refusedUrl() });
    const [refused] = await raiseAlerts(api.engine.context, 'laptop', [drift(18, 0.8)]);
    expect(refused!.webhookStatus).toBe('failed: ECONNREFUSED');
    expect((await api.client.call('monitor.alerts.list', {})).find((a) => a.id === refused!.id)).toMatchObject({ status: 'open', webhookStatus: 'failed: ECONNREFUSED' });

    const broken = await receiver(500);
    try {
      await api.client.call('monitor.webhook.set', { url: broken.url });
      const [a] = await raiseAlerts(api.engine.context, 'laptop', [drift(19, 0.8)]);
      expect(a!.webhookStatus).toBe('failed: HTTP 500');
      expect(broken.received).toHaveLength(1);
    } finally {
      await broken.close();
    }

    // Turned off: alerts are stored with no webhook outcome.
    expect(await api.client.call('monitor.webhook.set', { url: null })).toEqual({ url: null });
    expect(await api.client.call('monitor.webhook.get', {})).toEqual({ url: null });
    const [quiet] = await raiseAlerts(api.engine.context, 'laptop', [drift(20, 0.8)]);
    expect(quiet!.webhookStatus).toBeNull();
  });

  it('gives up on a receiver that does not answer within the timeout', async () => {
    const silent = await receiver(null);
    try {
      const started = Date.now();
      const outcome = await postWebhook(silent.url, { event: 'mlcycle.alert', alert: {} as never, project: { id: 'p', name: 'n' } }, 300);
      expect(outcome).toBe('failed: no answer within 0.3 s');
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(silent.received).toHaveLength(1);
    } finally {
      await silent.close();
    }
  });

  it('is acknowledged by a named person with a comment, once', async () => {
    const dana = createEngine({ host: 'in-process', homeDir: path.join(tmp.dir, 'home'), identity: 'Dana Ortiz' });
    try {
      const client = typedClient(inProcessBridge(dana));
      await client.call('project.open', { dir: projectDir });
      const open = await client.call('monitor.alerts.list', { status: 'open' });
      const target = open.find((a) => a.windowStart === '2024-05-01T14:00:00.000Z')!;
      // the first 8 characters, as the CLI lists them, are enough
      const acked = await client.call('monitor.alerts.ack', { id: target.id.slice(0, 8), comment: 'Holiday traffic; expected.' });
      expect(acked).toMatchObject({ id: target.id, status: 'acknowledged', ackedBy: 'Dana Ortiz', ackComment: 'Holiday traffic; expected.' });
      expect(Date.parse(acked.ackedAt!)).toBeGreaterThanOrEqual(Date.parse(target.raisedAt));
      expect((await client.call('monitor.alerts.list', { status: 'open' })).map((a) => a.id)).not.toContain(target.id);
      expect((await client.call('monitor.alerts.list', { status: 'all' })).map((a) => a.id)).toContain(target.id);
      await expect(client.call('monitor.alerts.ack', { id: target.id })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('already acknowledged by Dana Ortiz') });
      await expect(client.call('monitor.alerts.ack', { id: 'zzzzzzzz' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      const acks = (await client.call('audit.list', { limit: 10 })).filter((e) => e.action === 'monitor.alerts.ack');
      expect(acks.map((e) => [e.actor, e.outcome])).toEqual([
        ['Dana Ortiz', 'error'],
        ['Dana Ortiz', 'error'],
        ['Dana Ortiz', 'ok'],
      ]);
    } finally {
      await dana.dispose();
    }
  });

  it('keeps the history when a rule is removed, and never brings removed defaults back', async () => {
    const before = await api.client.call('monitor.alerts.list', {});
    for (const r of await api.client.call('monitor.rules.list', {})) await api.client.call('monitor.rules.remove', { id: r.id });
    expect(await api.client.call('monitor.rules.list', {})).toEqual([]);
    expect(await api.client.call('monitor.alerts.list', {})).toEqual(before);
    expect(await raiseAlerts(api.engine.context, 'laptop', [drift(21, 1)])).toEqual([]);
  });

  it('removing a target removes its rules and alerts with it', async () => {
    await api.client.call('monitor.rules.set', { rule: { target: 'spare', signal: 'rows', comparison: 'below', threshold: 10, windowMinutes: 60, severity: 'info', enabled: true } });
    const [a] = await raiseAlerts(api.engine.context, 'spare', [{ target: 'spare', signal: 'rows', windowStart: '2024-05-01T10:00:00.000Z', windowEnd: '2024-05-01T11:00:00.000Z', value: 2, rows: 2 }]);
    expect(a).toMatchObject({ target: 'spare', message: 'Traffic: rows served (2 rows, at or below the threshold 10 rows) in the window 10:00–11:00 UTC on 2024-05-01' });
    await api.client.call('targets.remove', { target: 'spare' });
    expect(await api.client.call('monitor.rules.list', {})).toEqual([]);
    expect((await api.client.call('monitor.alerts.list', {})).some((x) => x.target === 'spare')).toBe(false);
  });
});
