import type { Command } from 'commander';
import { emit, type CliIo, type RunCommand } from '../output';
import { withProject } from '../project-engine';

export function registerInfo(program: Command, io: CliIo, run: RunCommand): void {
  program
    .command('info')
    .description('Show the project: name, folder, schema version, who created it')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print the result as JSON')
    .action((opts: { project?: string; json?: boolean }) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            const info = await client.call('system.info');
            emit(io, opts.json, info, () =>
              [
                `Project     ${info.project!.name}`,
                `Folder      ${info.project!.dir}`,
                `Schema      v${info.project!.schemaVersion}`,
                `Created     ${info.project!.createdAt} by ${info.project!.createdBy}`,
                `MLCycle     ${info.version} on Node ${info.node}, ${info.platform}, ${info.cpus} cores`,
                `You are     ${info.identity}`,
              ].join('\n'),
            );
          }),
        opts.json,
      ),
    );
}
