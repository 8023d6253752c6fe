import type { Command } from 'commander';
import type { Job } from '../../../shared/contract/models';
import { emit, table, type CliIo, type RunCommand } from '../output';
import { intOption } from '../parse-options';
import { withProject } from '../project-engine';

function percent(job: Job): string {
  return `${Math.round(job.progress * 100)}%`;
}

export function registerJobs(program: Command, io: CliIo, run: RunCommand): void {
  const jobs = program.command('jobs').description('List and inspect jobs (imports, training, exports, ...)');

  jobs
    .command('list', { isDefault: true })
    .description('List recent jobs, newest first')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--limit <n>', 'how many jobs to show', intOption('--limit'), 50)
    .option('--json', 'print the result as JSON')
    .action((opts: { project?: string; limit: number; json?: boolean }) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            const list = await client.call('jobs.list', { limit: opts.limit });
            emit(io, opts.json, list, () =>
              list.length === 0
                ? 'No jobs yet.'
                : table([
                    ['ID', 'STATUS', 'PROGRESS', 'CREATED', 'TITLE'],
                    ...list.map((j) => [j.id.slice(0, 8), j.status, percent(j), j.createdAt, j.title]),
                  ]),
            );
          }),
        opts.json,
      ),
    );

  jobs
    .command('show')
    .description('Show one job with its log')
    .argument('<id>', 'job id (or a unique prefix of it)')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print the result as JSON')
    .action((id: string, opts: { project?: string; json?: boolean }) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            const all = await client.call('jobs.list', { limit: 1000 });
            const matches = all.filter((j) => j.id === id || j.id.startsWith(id));
            const job = matches.length === 1 ? matches[0]! : await client.call('jobs.get', { id });
            const log = await client.call('jobs.log', { id: job.id });
            emit(io, opts.json, { ...job, log }, () =>
              [
                `${job.title}`,
                `id ${job.id} · ${job.status} · ${percent(job)}${job.phase ? ` · ${job.phase}` : ''}`,
                job.error ? `error: ${job.error.message}` : null,
                job.result !== null ? `result: ${JSON.stringify(job.result)}` : null,
                ...log.map((l) => `  ${l.at} ${l.level.padEnd(5)} ${l.message}`),
              ]
                .filter((line) => line !== null)
                .join('\n'),
            );
          }),
        opts.json,
      ),
    );
}
