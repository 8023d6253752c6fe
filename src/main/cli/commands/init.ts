import type { Command } from 'commander';
import path from 'node:path';
import { emit, type CliIo, type RunCommand } from '../output';
import { startEngine } from '../project-engine';

export function registerInit(program: Command, io: CliIo, run: RunCommand): void {
  program
    .command('init')
    .description('Create a new project folder (project.db + artifacts/)')
    .argument('<dir>', 'folder to create the project in (made if missing)')
    .option('--name <name>', 'project name (default: the folder name)')
    .option('--json', 'print the result as JSON')
    .action((dir: string, opts: { name?: string; json?: boolean }) =>
      run(async () => {
        const session = startEngine();
        try {
          const summary = await session.client.call('project.create', { dir: path.resolve(io.cwd, dir), name: opts.name });
          emit(io, opts.json, summary, () => `Created project "${summary.name}" in ${summary.dir}`);
        } finally {
          await session.dispose();
        }
      }, opts.json),
    );
}
