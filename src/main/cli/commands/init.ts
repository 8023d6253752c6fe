import type { Command } from 'commander';
import path from 'node:path';
import { emit, type CliIo, type RunCommand } from '../output';
import { startEngine } from '../project-engine';
import { completed } from './data';

export function registerInit(program: Command, io: CliIo, run: RunCommand): void {
  program
    .command('init')
    .description('Create a new project folder (project.db + artifacts/), or the sample project with --sample')
    .argument('<dir>', 'folder to create the project in (made if missing)')
    .option('--name <name>', 'project name (default: the folder name)')
    .option('--sample', 'the Palmer penguins sample: data, objective, pipeline.yaml, a local deploy target, and you as reviewer; imports the data')
    .option('--json', 'print the result as JSON')
    .action((dir: string, opts: { name?: string; sample?: boolean; json?: boolean }) =>
      run(async () => {
        const session = startEngine();
        try {
          if (!opts.sample) {
            const summary = await session.client.call('project.create', { dir: path.resolve(io.cwd, dir), name: opts.name });
            emit(io, opts.json, summary, () => `Created project "${summary.name}" in ${summary.dir}`);
            return 0;
          }
          const { project, importJob } = await session.client.call('project.createSample', { dir: path.resolve(io.cwd, dir) });
          const imported = await completed(session.client, importJob, io, Boolean(opts.json));
          if (!imported) return 1;
          emit(io, opts.json, { project, import: imported.result }, () =>
            [
              `Created the sample project "${project.name}" in ${project.dir}, with the penguins dataset imported and profiled.`,
              `Next: open it in the workspace (mlcycle ui --project ${project.dir}), or replay its pipeline: mlcycle pipeline run --project ${project.dir}`,
            ].join('\n'),
          );
          return 0;
        } finally {
          await session.dispose();
        }
      }, opts.json),
    );
}
