import type { Command } from 'commander';
import path from 'node:path';
import { type GateEvidence } from '../../../shared/governance/gates';
import { emit, table, type CliIo, type RunCommand } from '../output';
import { withProject } from '../project-engine';
import { readJsonFile } from '../read-json';

const STATUS_WORDS = { not_started: 'not started', in_progress: 'in progress', done: 'done', attention: 'needs attention' } as const;
const READY_MARKS = { done: '[x]', pending: '[ ]', failed: '[!]', not_available: '[-]' } as const;

export function registerStatus(program: Command, io: CliIo, run: RunCommand): void {
  program
    .command('status')
    .description('The lifecycle dashboard: each stage, the next action and the readiness checklist')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print the result as JSON')
    .action((opts: { project?: string; json?: boolean }) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            const board = await client.call('project.dashboard');
            emit(io, opts.json, board, () =>
              [
                board.next ? `Next: ${board.next.action} (${board.next.stage})` : 'Nothing to do next.',
                '',
                table([['STAGE', 'STATUS', 'WHERE IT STANDS'], ...board.stages.map((s) => [s.id, STATUS_WORDS[s.status], s.summary])]),
                '',
                'Readiness',
                ...board.readiness.map((r) => `  ${READY_MARKS[r.status]} ${r.label} — ${r.detail}`),
              ].join('\n'),
            );
          }),
        opts.json,
      ),
    );

  program
    .command('gates')
    .description('Judge a model’s evidence against the objective and promotion policy; exit 1 if a required gate fails')
    .requiredOption('--evidence <file.json>', 'JSON: {testMetrics, fairness, parity, latencyP99Ms, modelSizeMb, approvals}')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print the report as JSON')
    .action((opts: { project?: string; evidence: string; json?: boolean }) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            const evidence = readJsonFile(path.resolve(io.cwd, opts.evidence)) as GateEvidence;
            const report = await client.call('governance.evaluateGates', { evidence });
            emit(io, opts.json, report, () =>
              [
                ...report.gates.map((g) => `${g.passed ? 'PASS' : g.required ? 'FAIL' : 'skip'}  ${g.gate.padEnd(15)} ${g.reason}`),
                '',
                report.passed ? 'All required gates pass.' : `Blocked by: ${report.gates.filter((g) => g.required && !g.passed).map((g) => g.gate).join(', ')}.`,
              ].join('\n'),
            );
            return report.passed ? 0 : 1;
          }),
        opts.json,
      ),
    );
}
