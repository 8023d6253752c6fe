import type { Command } from 'commander';
import { emit, table, UsageError, type CliIo, type RunCommand } from '../output';
import { withProject } from '../project-engine';
import { datasetVerdict, driftNumber, featureDriftTable } from './drift';
import { registerMonitorViews } from './monitor-views';
import { registerMonitorPerformance } from './monitor-performance';
import { registerAlerts } from './alerts';
import { registerRetrain } from './retrain';

interface Flags {
  target?: string;
  project?: string;
  json?: boolean;
}

/** `mlcycle monitor collect|windows`: prediction logs pulled from deployments into the project. */
export function registerMonitor(program: Command, io: CliIo, run: RunCommand): void {
  const monitor = program.command('monitor').description('Monitoring: pull the prediction logs of deployments into the project');
  monitor
    .command('collect')
    .description("Pull what each deployment's server logged since the last pull (resumes at a cursor; an offline target keeps it)")
    .option('--target <name>', 'only this target')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print [{target, ok, records, rows, lost, cursor, error}]')
    .action((opts: Flags) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            const outcomes = await client.call('monitor.collect', opts.target ? { target: opts.target } : {});
            emit(io, opts.json, outcomes, () =>
              outcomes.length
                ? outcomes.map((o) => (o.ok ? `${o.target}: ${o.records} requests (${o.rows} rows) collected${o.lost ? `, ${o.lost} lost to log rotation` : ''}; cursor ${o.cursor}` : `${o.target}: not collected — ${o.error}`)).join('\n')
                : 'No deployments to collect from.',
            );
            return outcomes.every((o) => o.ok) ? 0 : 1;
          }),
        opts.json,
      ),
    );
  monitor
    .command('drift')
    .description("Drift of what the target's live version served, against its package's reference profile: each feature, the dataset, the predictions")
    .option('--target <name>', 'the deploy target (required)')
    .option('--from <time>', 'only rows served at or after this ISO time')
    .option('--to <time>', 'only rows served before this ISO time')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print the DriftReport {features, dataset, prediction, rows, …}')
    .action((opts: Flags & { from?: string; to?: string }) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            if (!opts.target) throw new UsageError('name the target: mlcycle monitor drift --target NAME');
            const r = await client.call('monitor.drift', { target: opts.target, ...(opts.from ? { from: opts.from } : {}), ...(opts.to ? { to: opts.to } : {}) });
            const num = driftNumber;
            emit(io, opts.json, r, () =>
              [
                `${r.model} v${r.version} on ${r.target}: ${r.rows} rows; ${datasetVerdict(r.dataset)}`,
                featureDriftTable(r.features),
                r.prediction ? `predictions: ${r.prediction.test} ${num(r.prediction.statistic)}${r.prediction.pValue !== null ? ` (p ${num(r.prediction.pValue)})` : ''}, ${r.prediction.drifted ? 'drifted' : 'not drifted'}` : '',
              ]
                .filter(Boolean)
                .join('\n'),
            );
          }),
        opts.json,
      ),
    );
  monitor
    .command('windows')
    .description('Requests, rows and latency per model version and hour, from what was collected')
    .option('--target <name>', 'the deploy target (required)')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print [{model, version, windowStart, requests, rows, meanLatencyMs, maxLatencyMs}]')
    .action((opts: Flags) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            if (!opts.target) throw new UsageError('name the target: mlcycle monitor windows --target NAME');
            const windows = await client.call('monitor.windows', { target: opts.target });
            emit(io, opts.json, windows, () =>
              windows.length
                ? table([['HOUR (UTC)', 'VERSION', 'REQUESTS', 'ROWS', 'MEAN MS', 'MAX MS'], ...windows.map((w) => [w.windowStart.slice(0, 16).replace('T', ' '), `${w.model} v${w.version}`, String(w.requests), String(w.rows), w.meanLatencyMs.toFixed(2), w.maxLatencyMs.toFixed(2)])])
                : 'Nothing collected yet: mlcycle monitor collect',
            );
          }),
        opts.json,
      ),
    );
  registerAlerts(monitor, io, run);
  registerMonitorViews(monitor, io, run);
  registerMonitorPerformance(monitor, io, run);
  registerRetrain(monitor, io, run);
}
