import type { Command } from 'commander';
import path from 'node:path';
import { emit, UsageError, type CliIo, type RunCommand } from '../output';
import { withProject } from '../project-engine';

interface Flags {
  target?: string;
  idColumn: string;
  labelColumn: string;
  rowColumn?: string;
  project?: string;
  json?: boolean;
}

/** `mlcycle labels add <file>`: ground truth that arrives after the predictions. */
export function registerLabels(program: Command, io: CliIo, run: RunCommand): void {
  const labels = program.command('labels').description('Ground truth for served predictions, joined to them by request id');
  labels
    .command('add <file>')
    .description("Add the labels of a CSV or Parquet file to a target's predictions (by request id, and row for multi-row requests); re-adding a file changes nothing")
    .option('--target <name>', 'the deploy target whose predictions these label (required)')
    .option('--id-column <name>', 'the column of request ids', 'request_id')
    .option('--label-column <name>', 'the column of true labels (a class of the model, or a number)', 'label')
    .option('--row-column <name>', 'the column of row numbers within a request (0-based; default: every label is row 0)')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print {read, added, matched, rejected, rejectedSample}')
    .action((file: string, opts: Flags) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            if (!opts.target) throw new UsageError('name the target: mlcycle labels add <file> --target NAME');
            const r = await client.call('monitor.labels.add', {
              target: opts.target,
              path: path.resolve(io.cwd, file),
              idColumn: opts.idColumn,
              labelColumn: opts.labelColumn,
              ...(opts.rowColumn ? { rowColumn: opts.rowColumn } : {}),
            });
            emit(io, opts.json, r, () =>
              [
                `${r.read} label${r.read === 1 ? '' : 's'} read: ${r.added} added or changed (${r.matched} match a collected prediction${r.added > r.matched ? `; ${r.added - r.matched} wait for a later pull` : ''})${r.read - r.rejected > r.added ? `, ${r.read - r.rejected - r.added} already there or repeated` : ''}.`,
                r.rejected ? `${r.rejected} rejected:\n${r.rejectedSample.map((s) => `  ${s}`).join('\n')}${r.rejected > r.rejectedSample.length ? '\n  …' : ''}` : '',
              ]
                .filter(Boolean)
                .join('\n'),
            );
          }),
        opts.json,
      ),
    );
}
