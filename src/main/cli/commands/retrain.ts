import type { Command } from 'commander';
import type { RetrainOutcome } from '../../../shared/monitor/retrain';
import { emit, UsageError, type CliIo, type RunCommand } from '../output';
import { withProject } from '../project-engine';
import { completed } from './data';

interface Flags {
  target?: string;
  from?: string;
  original: boolean;
  promote: boolean;
  redeploy: boolean;
  project?: string;
  json?: boolean;
}

const num = (x: number | null) => (x === null ? '—' : Number(x.toPrecision(4)).toString());

function summary(r: RetrainOutcome): string {
  const c = r.comparison;
  return [
    `${r.target}: ${r.outcome}. Challenger ${r.challenger.model} v${r.challenger.version} (run ${r.runId.slice(0, 8)}, data ${r.dataset}) against champion v${r.champion.version}:`,
    `  ${c.metric} ${num(c.challenger)} vs ${num(c.champion)} on the ${c.rows} newest labeled rows (not trained on) — winner: ${c.winner}`,
    ...r.steps.map((s) => `  ${s.outcome.padEnd(7)} ${s.step.padEnd(8)} ${s.message}`),
    ...(r.gatesFailed.length ? [`Approve or fix, then promote: mlcycle registry promote ${r.challenger.model} ${r.challenger.version}`] : []),
  ].join('\n');
}

/** `mlcycle monitor retrain`: the retrain → compare → promote → redeploy loop for one target, as one job. */
export function registerRetrain(monitor: Command, io: CliIo, run: RunCommand): void {
  monitor
    .command('retrain')
    .description("Retrain the target's live model on its labeled served rows (newest held out), compare champion and challenger on them, promote through the gates and redeploy")
    .option('--target <name>', 'the deploy target (required)')
    .option('--from <time>', 'only labeled rows served at or after this ISO time')
    .option('--no-original', "leave out the champion's original training data (default: included)")
    .option('--no-promote', 'register and compare the challenger, but do not promote it')
    .option('--no-redeploy', 'promote a winning challenger, but do not deploy it')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print the RetrainOutcome {outcome, comparison, challenger, steps, …}')
    .action((opts: Flags) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            if (!opts.target) throw new UsageError('name the target: mlcycle monitor retrain --target NAME');
            const job = await client.call('monitor.retrain', { target: opts.target, includeOriginal: opts.original, promote: opts.promote, redeploy: opts.redeploy, ...(opts.from ? { from: opts.from } : {}) });
            const done = await completed(client, job, io, Boolean(opts.json));
            if (!done) return 1;
            const r = done.result as RetrainOutcome;
            emit(io, opts.json, r, () => summary(r));
            return r.outcome === 'redeploy failed' ? 1 : 0;
          }),
        opts.json,
      ),
    );
}
