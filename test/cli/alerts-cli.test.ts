import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typedClient } from '../../src/shared/client';
import { createEngine } from '../../src/main/engine/engine';
import { inProcessBridge } from '../../src/main/engine/in-process';
import { raiseAlerts } from '../../src/main/engine/monitor/raise-alerts';
import { mlcycle } from '../helpers/cli';
import { cliProject } from '../helpers/cli-project';
import { tempDir } from '../helpers/temp';

/** `mlcycle monitor rules|alerts|ack|webhook` through the real command line. */
describe('mlcycle monitor alert commands', () => {
  const tmp = tempDir();
  const { env, project, run, json } = cliProject(tmp.dir, 'shop');

  beforeAll(() => {
    expect(mlcycle(['init', project, '--name', 'Shop'], { env }).status).toBe(0);
    expect(run(['targets', 'add', 'laptop', '--kind', 'local', '--port', '0']).status).toBe(0);
  }, 60_000);
  afterAll(() => tmp.cleanup());

  it('lists the default rules, adds and changes one, and removes one (--json and --project after the subcommand)', () => {
    expect(json(['monitor', 'rules']).map((r: { id: string }) => r.id)).toEqual(['default-drift', 'default-performance', 'default-errors']);
    const added = json(['monitor', 'rules', 'set', '--signal', 'rows', '--below', '10', '--window-minutes', '30', '--target', 'laptop']);
    expect(added).toMatchObject({ target: 'laptop', signal: 'rows', comparison: 'below', threshold: 10, windowMinutes: 30, severity: 'warning', enabled: true });
    // flags not given keep the rule's values
    expect(json(['monitor', 'rules', 'set', '--id', added.id, '--severity', 'critical', '--disabled'])).toEqual({ ...added, severity: 'critical', enabled: false });
    expect(json(['monitor', 'rules', 'remove', 'default-performance'])).toEqual({ removed: 'default-performance' });
    expect(run(['monitor', 'rules']).stdout).toMatch(/default-drift\s+\(every target\)\s+drift\.share\s+≥ 0\.5\s+60 min\s+warning\s+yes/);

    const bad = run(['monitor', 'rules', 'set', '--signal', 'error.rate', '--above', '5']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("'rule.threshold': error.rate is a share: give a threshold between 0 and 1");
    expect(run(['monitor', 'rules', 'set', '--signal', 'error.rate']).status).toBe(2);
    expect(run(['monitor', 'rules', 'set', '--signal', 'mood', '--above', '1']).status).toBe(2);
    // each command is its own process (about a second, more on a busy machine)
  }, 120_000);

  it('sets, shows and turns off the webhook', () => {
    expect(run(['monitor', 'webhook']).stdout).toContain('No webhook');
    expect(json(['monitor', 'webhook', 'https://hooks.example.org/mlcycle'])).toEqual({ url: 'https://hooks.example.org/mlcycle' });
    expect(run(['monitor', 'webhook']).stdout).toContain('Alerts are POSTed to https://hooks.example.org/mlcycle');
    expect(run(['monitor', 'webhook', 'not a url']).status).toBe(1);
    expect(json(['monitor', 'webhook', '--off'])).toEqual({ url: null });
  }, 120_000);

  it('lists alerts and acknowledges one by its short id as the user', async () => {
    const engine = createEngine({ host: 'in-process', homeDir: env.MLCYCLE_HOME, identity: 'puller' });
    try {
      await typedClient(inProcessBridge(engine)).call('project.open', { dir: project });
      const raised = await raiseAlerts(engine.context, 'laptop', [{ target: 'laptop', signal: 'drift.share', windowStart: '2024-05-01T14:00:00.000Z', windowEnd: '2024-05-01T15:00:00.000Z', value: 0.6, rows: 300 }]);
      expect(raised).toHaveLength(1);
    } finally {
      await engine.dispose();
    }
    const listed = run(['monitor', 'alerts', '--open']);
    expect(listed.stdout).toContain('Dataset drift: features drifted (60%, threshold 50%) in the window 14:00–15:00 UTC on 2024-05-01');
    const [alert] = json(['monitor', 'alerts']);
    const acked = run(['monitor', 'ack', alert.id.slice(0, 8), '--comment', 'known campaign']);
    expect(acked.stdout).toContain(`Acknowledged ${alert.id.slice(0, 8)} (laptop) as ana.`);
    expect(json(['monitor', 'alerts'])[0]).toMatchObject({ id: alert.id, status: 'acknowledged', ackedBy: 'ana', ackComment: 'known campaign' });
    expect(run(['monitor', 'alerts', '--open']).stdout.trim()).toBe('No alerts.');
  }, 120_000);
});
