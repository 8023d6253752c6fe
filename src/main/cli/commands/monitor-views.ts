import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { emit, table, UsageError, type CliIo, type RunCommand } from '../output';
import { withProject } from '../project-engine';

interface Flags {
  target?: string;
  project?: string;
  json?: boolean;
}

const windowArgs = (opts: { windowMinutes?: string; windowRows?: string }) => ({
  ...(opts.windowMinutes ? { windowMinutes: Number(opts.windowMinutes) } : {}),
  ...(opts.windowRows ? { windowRows: Number(opts.windowRows) } : {}),
});

/** `mlcycle monitor pull|status|report`: the day-to-day monitoring commands. */
export function registerMonitorViews(monitor: Command, io: CliIo, run: RunCommand): void {
  monitor
    .command('pull')
    .description("Pull every deployment's new predictions and /metrics, sample resources, and evaluate the alert rules")
    .option('--target <name>', 'only this target')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print [{target, ok, records, rows, lost, cursor, health, alertsRaised, error}]')
    .action((opts: Flags) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            const outcomes = await client.call('monitor.pull', opts.target ? { target: opts.target } : {});
            emit(io, opts.json, outcomes, () =>
              outcomes.length
                ? outcomes
                    .map((o) => (o.ok ? `${o.target}: ${o.records} requests (${o.rows} rows) pulled${o.lost ? `, ${o.lost} lost to log rotation` : ''}; health ${o.health ? 'read' : 'not read'}; ${o.alertsRaised} new alert${o.alertsRaised === 1 ? '' : 's'}` : `${o.target}: not pulled — ${o.error}`))
                    .join('\n')
                : 'No deployments to pull from: deploy a model first (mlcycle deploy).',
            );
            return outcomes.every((o) => o.ok) ? 0 : 1;
          }),
        opts.json,
      ),
    );
  monitor
    .command('status')
    .description('Per target: what is live, when it was last pulled, rows collected, labels added, open alerts')
    .option('--target <name>', 'only this target')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print [{target, model, version, lastPullAt, lastError, rowsCollected, labeledRows, openAlerts}]')
    .action((opts: Flags) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            const status = await client.call('monitor.status', opts.target ? { target: opts.target } : {});
            emit(io, opts.json, status, () =>
              status.length
                ? table([
                    ['TARGET', 'LIVE', 'LAST PULL (UTC)', 'ROWS', 'LABELS', 'OPEN ALERTS', 'LAST ERROR'],
                    ...status.map((s) => [s.target, s.model ? `${s.model} v${s.version}` : '—', s.lastPullAt ? s.lastPullAt.slice(0, 19).replace('T', ' ') : 'never', String(s.rowsCollected), String(s.labeledRows), String(s.openAlerts), s.lastError ?? '']),
                  ])
                : 'No deploy targets: add one with mlcycle targets add.',
            );
          }),
        opts.json,
      ),
    );
  monitor
    .command('report')
    .description('Write a self-contained HTML report of a deployment (drift heatmap, distributions, performance, health, alerts; no raw rows)')
    .option('--target <name>', 'the deploy target (required)')
    .option('--out <file.html>', 'where to write it (default: monitor-<target>.html)')
    .option('--window-minutes <n>', 'cut windows every N minutes')
    .option('--window-rows <n>', 'cut windows every N rows')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print {out, bytes}')
    .action((opts: Flags & { out?: string; windowMinutes?: string; windowRows?: string }) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            if (!opts.target) throw new UsageError('name the target: mlcycle monitor report --target NAME');
            const { html, bytes } = await client.call('monitor.report', { target: opts.target, ...windowArgs(opts) });
            const out = path.resolve(opts.out ?? `monitor-${opts.target}.html`);
            fs.writeFileSync(out, html);
            emit(io, opts.json, { out, bytes }, () => `Wrote ${out} (${Math.ceil(bytes / 1024)} KiB).`);
          }),
        opts.json,
      ),
    );
}
