import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MlcycleError } from '../../shared/contract/errors';
import type { Job, ProjectSummary } from '../../shared/contract/models';
import { methods } from '../../shared/contract/methods';
import { GOVERNANCE_STAGES } from '../../shared/governance/people';
import { Objective } from '../../shared/governance/objective';
import type { EngineContext } from './context';
import { dataHandlers } from './handlers/data';
import { parseArgs } from './validate';

/** The files of resources/sample/ copied into a new sample project, as [from, to]. */
const SAMPLE_FILES = [
  ['data/penguins.csv', 'data/penguins.csv'],
  ['pipeline.yaml', 'pipeline.yaml'],
  ['README.md', 'SAMPLE.md'],
] as const;

/**
 * resources/sample/, found by walking up from the built code: out/main/ in a checkout, and inside
 * app.asar in the installed app (Electron's fs reads there, so files are copied out before DuckDB
 * reads them). MLCYCLE_RESOURCES points elsewhere.
 */
export function sampleFolder(env = process.env): string {
  if (env.MLCYCLE_RESOURCES) return path.join(env.MLCYCLE_RESOURCES, 'sample');
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'resources', 'sample');
    if (fs.existsSync(path.join(candidate, 'objective.json'))) return candidate;
    const up = path.dirname(dir);
    if (up === dir) throw new MlcycleError('NOT_FOUND', 'The sample project’s files (resources/sample/) are missing from this installation; reinstall MLCycle.');
    dir = up;
  }
}

/**
 * Creates the sample project in `dir`: the Palmer penguins data and its pipeline copied in, the
 * written objective, you as the project's reviewer (so you can approve on the guided path), a local
 * deploy target on a free loopback port, and the import of the data as a job (profiled, target set).
 */
export async function createSampleProject(ctx: EngineContext, dir: string): Promise<{ project: ProjectSummary; importJob: Job }> {
  const from = sampleFolder();
  const objective = Objective.parse(JSON.parse(fs.readFileSync(path.join(from, 'objective.json'), 'utf8')));
  const project = await ctx.session.create(dir, 'Palmer penguins (sample)', ctx.identity);
  for (const [source, destination] of SAMPLE_FILES) {
    const to = path.join(project.dir, destination);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.writeFileSync(to, fs.readFileSync(path.join(from, source)));
  }
  const { store } = ctx.session.require();
  store.objective.save(objective, ctx.identity, 'The sample project’s objective (resources/sample/objective.json).');
  const raci = Object.fromEntries(GOVERNANCE_STAGES.map((stage) => [stage, 'A' as const]));
  store.people.save({ name: ctx.identity, role: 'reviewer', email: '', raci }, ctx.identity);
  store.deploy.saveTarget('laptop', { kind: 'local', port: 0 }, ctx.identity, false);
  const importArgs = parseArgs('data.import', methods['data.import'].args, {
    source: { kind: 'csv', path: path.join(project.dir, 'data', 'penguins.csv') },
    options: { name: 'penguins', target: 'species' },
  });
  const importJob = await dataHandlers['data.import'](importArgs, ctx);
  return { project, importJob };
}
