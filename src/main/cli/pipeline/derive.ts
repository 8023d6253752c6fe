import { stringify } from 'yaml';
import type { Client } from '../../../shared/client';
import { MlcycleError } from '../../../shared/contract/errors';
import type { PipelineFile } from '../../../shared/pipeline/pipeline';
import type { Run } from '../../../shared/train/models';

type PipelineInput = Omit<PipelineFile, 'recipe'> & { recipe?: PipelineFile['recipe'] };

/**
 * The pipeline the project's champion came from (or, with no champion yet, its newest finished run):
 * its dataset, split settings, learner and parameters, registered model and where it is live. What
 * `mlcycle pipeline init` writes, so a team can commit it and replay it in CI.
 */
export async function derivePipeline(client: Client): Promise<{ pipeline: PipelineInput; from: string }> {
  let run: Run | null = null;
  let model: string | null = null;
  let from = '';
  for (const m of await client.call('registry.list', {})) {
    if (m.aliases.champion === undefined) continue;
    const detail = await client.call('registry.version', { model: m.name, version: 'champion' });
    run = await client.call('runs.get', { id: detail.version.runId });
    model = m.name;
    from = `the champion ${m.name} v${detail.version.version}`;
    break;
  }
  if (!run) {
    run = (await client.call('runs.list', {})).find((r) => r.status === 'succeeded' && !r.parentRunId && r.search === null && r.modelSha256 !== null) ?? null;
    if (!run) throw new MlcycleError('NOT_FOUND', 'Nothing to derive a pipeline from yet: train a model first (mlcycle train), or write pipeline.yaml by hand (see README, "Pipelines for CI").');
    from = `run ${run.name}`;
  }
  const dataset = run.dataset.replace(/@\d+$/, '');
  const split = run.splitId ? (await client.call('data.splits', {})).find((s) => s.id === run.splitId) : undefined;
  const live = model ? (await client.call('deploy.list', {})).find((d) => d.model === model && d.status === 'live') : undefined;
  const pipeline: PipelineInput = {
    dataset,
    target: run.target,
    split: split ? { strategy: split.strategy, ratios: split.ratios, seed: split.seed, ...(split.column ? { column: split.column } : {}) } : { strategy: run.task === 'regression' ? 'random' : 'stratified', ratios: [0.8, 0.2], seed: run.seed },
    train: [{ model: run.model, params: run.params as Record<string, number | string | boolean> }],
    model: model ?? (run.name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'model'),
    promote: true,
    ...(live ? { deploy: { target: live.target } } : {}),
  };
  return { pipeline, from };
}

export function pipelineYaml(pipeline: PipelineInput, from: string): string {
  return [
    `# MLCycle pipeline, derived from ${from}.`,
    '# mlcycle pipeline run replays it: import → clean → split → train → evaluate → register → gates → deploy.',
    '# Add `import: { source: data.csv }` to re-import a file first, and `recipe:` for cleaning steps (see README).',
    stringify(pipeline, { lineWidth: 0 }),
  ].join('\n');
}
