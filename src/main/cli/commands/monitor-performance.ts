import type { Command } from 'commander';
import type { PerformanceReport } from '../../../shared/monitor/models';
import { relativeDrop } from '../../../shared/monitor/performance-signals';
import { emit, table, UsageError, type CliIo, type RunCommand } from '../output';
import { withProject } from '../project-engine';

interface Flags {
  target?: string;
  windowMinutes?: string;
  windowRows?: string;
  project?: string;
  json?: boolean;
}

const num = (x: number | null) => (x === null ? '—' : Number(x.toPrecision(4)).toString());
const when = (iso: string) => iso.slice(0, 19).replace('T', ' ');

function whole(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} takes a whole number; got '${value}'`);
  return Number(value);
}

function render(r: PerformanceReport): string {
  // Against the test result, signed so that + is better and − is worse whichever way the metric points.
  const change = (value: number | null) => {
    if (value === null || r.testValue === null) return '—';
    const better = -100 * relativeDrop(value, r.testValue, r.higherIsBetter);
    return `${better > 0 ? '+' : ''}${better.toFixed(1)}%`;
  };
  const lines = [
    `${r.metric} on ${r.target} (${r.higherIsBetter ? 'higher' : 'lower'} is better): test ${num(r.testValue)}; decayed beyond a ${(100 * r.tolerance).toFixed(1)}% relative drop`,
    r.windows.length
      ? table([
          ['START (UTC)', 'END', 'ROWS', 'LABELED', r.metric.toUpperCase(), 'VS TEST', 'VERDICT'],
          ...r.windows.map((w) => [when(w.start), when(w.end), String(w.rows), String(w.labeled), num(w.value), change(w.value), w.warning ?? (w.decayed ? 'DECAYED' : 'ok')]),
        ])
      : 'No served rows collected for the live version yet: mlcycle monitor collect',
  ];
  if (r.fairness.length) {
    lines.push(
      '',
      `${r.metric} per group:`,
      table([
        ['WINDOW', 'COLUMN', 'GROUPS (rows: value)', 'FAIRNESS'],
        ...r.fairness.map((f) => [
          when(f.windowStart),
          f.column,
          f.groups.map((g) => `${g.group} (${g.rows}): ${num(g.value)}`).join('; '),
          f.judged ? `${f.judged.metric} ${num(f.judged.value)} ${f.judged.passes ? 'within' : 'breaks'} ${num(f.judged.bound)}` : '',
        ]),
      ]),
    );
  }
  return lines.join('\n');
}

/** `mlcycle monitor performance`: the primary metric per window on labeled rows, against the test result. */
export function registerMonitorPerformance(monitor: Command, io: CliIo, run: RunCommand): void {
  monitor
    .command('performance')
    .description("The primary metric per window on labeled served rows against the live version's test result: decay beyond the policy's tolerance, and per group for sensitive columns")
    .option('--target <name>', 'the deploy target (required)')
    .option('--window-minutes <n>', 'windows of this many minutes (default: chosen from the span)')
    .option('--window-rows <n>', 'windows of this many rows, in arrival order')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print the PerformanceReport {metric, testValue, tolerance, windows, fairness}')
    .action((opts: Flags) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            if (!opts.target) throw new UsageError('name the target: mlcycle monitor performance --target NAME');
            const windowMinutes = whole('--window-minutes', opts.windowMinutes);
            const windowRows = whole('--window-rows', opts.windowRows);
            if (windowMinutes !== undefined && windowRows !== undefined) throw new UsageError('cut windows by --window-minutes or by --window-rows, not both');
            const r = await client.call('monitor.performance', { target: opts.target, ...(windowMinutes !== undefined ? { windowMinutes } : {}), ...(windowRows !== undefined ? { windowRows } : {}) });
            emit(io, opts.json, r, () => render(r));
          }),
        opts.json,
      ),
    );
}
