import type { Lineage } from '../../../shared/registry/models';
import type { ModelVersion } from '../../../shared/registry/models';
import type { ProjectStore } from '../store/project-store';

/** How many cleaning steps back the graph follows a dataset version's parents. */
const MAX_PARENTS = 5;

const short = (sha: string) => `${sha.slice(0, 12)}…`;

/**
 * A version's lineage as a small graph: the dataset version (and the versions it was cleaned from)
 * → the split → the run → the signed package → this registry version → its deployments (none
 * until the deploy stage records them).
 */
export function lineageOf(store: ProjectStore, v: ModelVersion): Lineage {
  const nodes: Lineage['nodes'] = [];
  const edges: Lineage['edges'] = [];
  let child: string | null = null;
  let versionId: string | null = v.datasetVersionId;
  for (let depth = 0; versionId && depth <= MAX_PARENTS; depth++) {
    const dv = store.datasets.version(versionId);
    const id = `dataset:${dv.id}`;
    const how = dv.recipe ? 'cleaned by a recipe' : dv.parentId ? 'derived' : 'imported';
    nodes.unshift({ id, kind: 'dataset', label: `${dv.datasetName}@${dv.version}`, detail: `${dv.rows.toLocaleString('en')} rows, ${dv.columns.length} columns, ${how} by ${dv.createdBy} on ${dv.createdAt.slice(0, 10)}` });
    if (child) edges.unshift({ from: id, to: child });
    child = id;
    versionId = dv.parentId;
  }
  let upstream = `dataset:${v.datasetVersionId}`;
  if (v.splitId) {
    const split = store.splits.resolve(v.splitId);
    const counts = Object.entries(split.counts).map(([set, n]) => `${set} ${n.toLocaleString('en')}`).join(', ');
    nodes.push({ id: `split:${split.id}`, kind: 'split', label: split.name, detail: `${split.strategy} split, seed ${split.seed}: ${counts}` });
    edges.push({ from: upstream, to: `split:${split.id}` });
    upstream = `split:${split.id}`;
  }
  nodes.push({ id: `run:${v.runId}`, kind: 'run', label: v.runName, detail: `${v.learner} (${v.task})` });
  edges.push({ from: upstream, to: `run:${v.runId}` });
  nodes.push({ id: `package:${v.packageSha256}`, kind: 'package', label: `package ${short(v.packageSha256)}`, detail: `${(v.packageBytes / 1e6).toFixed(2)} MB .mlpkg signed by key ${v.signer}; parity ${v.parity.passed ? 'passed' : 'failed'} on ${v.parity.rows.toLocaleString('en')} ${v.parity.set} rows` });
  edges.push({ from: `run:${v.runId}`, to: `package:${v.packageSha256}` });
  nodes.push({ id: `version:${v.id}`, kind: 'version', label: `${v.model} v${v.version}`, detail: v.aliases.length ? `aliases: ${v.aliases.join(', ')}` : 'no alias' });
  edges.push({ from: `package:${v.packageSha256}`, to: `version:${v.id}` });
  return { nodes, edges };
}
