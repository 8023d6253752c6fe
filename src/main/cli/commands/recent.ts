import type { Command } from 'commander';
import { emit, table, type CliIo, type RunCommand } from '../output';
import { startEngine } from '../project-engine';

export function registerRecent(program: Command, io: CliIo, run: RunCommand): void {
  program
    .command('recent')
    .description('List recently opened projects')
    .option('--json', 'print the result as JSON')
    .action((opts: { json?: boolean }) =>
      run(async () => {
        const session = startEngine();
        try {
          const list = await session.client.call('project.recent');
          emit(io, opts.json, list, () =>
            list.length === 0
              ? 'No recent projects. Create one with "mlcycle init <dir>".'
              : table([['NAME', 'FOLDER', 'OPENED', ''], ...list.map((p) => [p.name, p.dir, p.openedAt, p.exists ? '' : '(missing)'])]),
          );
        } finally {
          await session.dispose();
        }
      }, opts.json),
    );
}
