import type { Command } from 'commander';
import { emit, table, type CliIo, type RunCommand } from '../output';
import { intOption } from '../parse-options';
import { withProject } from '../project-engine';

export function registerAudit(program: Command, io: CliIo, run: RunCommand): void {
  program
    .command('audit')
    .description('Show the audit log: who changed what, and when')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--limit <n>', 'how many entries to show', intOption('--limit'), 50)
    .option('--json', 'print the result as JSON')
    .action((opts: { project?: string; limit: number; json?: boolean }) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            const entries = await client.call('audit.list', { limit: opts.limit });
            emit(io, opts.json, entries, () =>
              table([['WHEN', 'WHO', 'ACTION', 'TARGET', 'OUTCOME'], ...entries.map((e) => [e.at, e.actor, e.action, e.target ?? '', e.outcome])]),
            );
          }),
        opts.json,
      ),
    );
}
