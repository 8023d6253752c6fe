import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { emit, type CliIo, type RunCommand } from '../output';
import { derivePipeline, pipelineYaml } from '../pipeline/derive';
import { readPipelineFile } from '../pipeline/read';
import { runPipeline } from '../pipeline/run';
import { withProject } from '../project-engine';
import { followJob } from './data';

const DEFAULT_FILE = 'pipeline.yaml';

export function registerPipeline(program: Command, io: CliIo, run: RunCommand): void {
  const pipeline = program.command('pipeline').description('Replay the project headless (for CI): recipe → split → train → evaluate → package → gates → deploy');

  pipeline
    .command('run')
    .description('Run a pipeline file; exit 1 at the first step that fails, naming a failed promotion gate')
    .argument('[file]', `the pipeline file (default: ${DEFAULT_FILE} in the project folder)`)
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print the outcome as JSON {ok, steps, gatesFailed, best, version, deploymentId, …}')
    .action((file: string | undefined, opts: { project?: string; json?: boolean }) =>
      run(async () => {
        const projectDir = path.resolve(io.cwd, opts.project ?? '.');
        const pipelineFile = file ? path.resolve(io.cwd, file) : path.join(projectDir, DEFAULT_FILE);
        const spec = readPipelineFile(pipelineFile);
        const outcome = await withProject(io, opts.project, (client) =>
          runPipeline(client, spec, path.dirname(pipelineFile), {
            follow: (job) => followJob(client, job, io, Boolean(opts.json)),
            say: (line) => io.err(`${line}\n`),
          }),
        );
        const failed = outcome.steps.find((s) => s.outcome === 'failed');
        emit(io, opts.json, outcome, () =>
          outcome.ok
            ? `Pipeline done: ${outcome.version ? `${outcome.version.model} v${outcome.version.version}` : 'nothing registered'}${outcome.deploymentId ? ', deployed' : ''}.`
            : `Pipeline failed at ${failed?.step ?? 'a step'}${outcome.gatesFailed.length ? ` (gate${outcome.gatesFailed.length > 1 ? 's' : ''} ${outcome.gatesFailed.join(', ')})` : ''}: ${failed?.message ?? ''}`,
        );
        return outcome.ok ? 0 : 1;
      }, opts.json),
    );

  pipeline
    .command('init')
    .description(`Write the pipeline the project's champion (or newest run) came from, to commit and replay in CI`)
    .option('--out <file>', `where to write it (default: ${DEFAULT_FILE} in the project folder); an existing file is kept unless --force`)
    .option('--force', 'overwrite an existing file')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print {file, pipeline} as JSON')
    .action((opts: { out?: string; force?: boolean; project?: string; json?: boolean }) =>
      run(async () => {
        const out = opts.out ? path.resolve(io.cwd, opts.out) : path.join(path.resolve(io.cwd, opts.project ?? '.'), DEFAULT_FILE);
        if (fs.existsSync(out) && !opts.force) {
          io.err(`mlcycle: ${out} exists; pass --force to overwrite it, or --out to write elsewhere\n`);
          return 1;
        }
        const { pipeline: derived, from } = await withProject(io, opts.project, derivePipeline);
        fs.writeFileSync(out, pipelineYaml(derived, from));
        emit(io, opts.json, { file: out, pipeline: derived }, () => `Wrote ${out} (from ${from}); run it with: mlcycle pipeline run ${path.relative(io.cwd, out) || out}`);
      }, opts.json),
    );
}
