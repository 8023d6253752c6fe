import { DuckDBInstance } from '../duckdb';
import { MlcycleError } from '../../../shared/contract/errors';
import type { Objective } from '../../../shared/governance/objective';
import type { PackageResult } from '../../../shared/package/models';
import { modelCard } from '../../../shared/train/model-card';
import type { Evaluation, Run } from '../../../shared/train/models';
import { timedPhases } from '../jobs/tasks/phases';
import type { Task } from '../jobs/tasks/types';
import { checkParity, type ParityData } from '../package/check-parity';
import { exportOnnx, type ExportedGraph } from '../package/export-onnx';
import { readModelFile, type ModelFile } from '../train/model-file';
import { singleRowLatency, type Latency } from '../package/latency';
import { scoreOnnx } from '../package/onnx-scores';
import { readScoringRows, splitRowsSql } from '../package/scoring-rows';
import { userSigningKey } from '../signing/keys';
import { writePackage } from '../signing/write';
import { deploymentReadme, servingName, type Signature } from './package-docs';
import { categoricalReference, classificationReference, numericReference, regressionReference, type ReferenceProfile } from './reference-profile';

export interface PackageParams extends ParityData {
  modelFile: string;
  /** A folder to create, or a file ending in .mlpkg. */
  out: string;
  run: Run;
  evaluation: Evaluation | null;
  objective: Objective | null;
  /** The user profile holding the signing key. */
  homeDir: string;
  /** The name and version the package is served under: the registry's, when registering; else the run's name and id. */
  serving?: { model: string; version: string };
}

const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`);

/** The training rows as a caller would send them, and what the graph predicts for them. */
async function trainingReference(file: ModelFile, graph: ExportedGraph, data: ParityData): Promise<{ reference: ReferenceProfile; latency: Latency | null }> {
  const p = file.pipeline;
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  try {
    const relation = `(${splitRowsSql(p, data)} WHERE a.set = 'train')`;
    const rows = await readScoringRows(con, relation, p);
    const predicted = await scoreOnnx(graph.bytes, graph.inputs, p, rows);
    const latency = await singleRowLatency(graph.bytes, graph.inputs, p, rows);
    const reference: ReferenceProfile = {
      rows: rows.encoded.rows,
      features: [
        ...p.numeric.map((c, j) => numericReference(c.name, rows.encoded.inputs[j]!)),
        ...p.categorical.map((c, k) => categoricalReference(c.name, rows.strings[k]!.map((s) => (s === '' ? null : s)))),
      ],
      prediction: p.target.classes ? classificationReference(p.target.classes, Float64Array.from(predicted.values)) : regressionReference(Float64Array.from(predicted.values)),
    };
    return { reference, latency };
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

function signatureOf(run: Run, serving: PackageParams['serving'], file: ModelFile, graph: ExportedGraph, reference: ReferenceProfile): Signature {
  const p = file.pipeline;
  const byName = new Map(reference.features.map((f) => [f.name, f]));
  const share = (missing: number) => (reference.rows ? missing / reference.rows : 0);
  const classes = p.target.classes;
  return {
    model: serving?.model ?? servingName(run.name),
    // An unregistered package is versioned by its run id.
    version: serving?.version ?? run.id.slice(0, 8),
    task: run.task,
    target: p.target.name,
    classes,
    inputs: graph.inputs.map((input) => {
      const f = byName.get(input.column)!;
      if (f.kind === 'numeric') return { name: input.name, datatype: 'FP32' as const, shape: [-1, 1] as [-1, 1], range: { min: f.min, max: f.max }, missingShare: share(f.missing) };
      const levels = p.categorical.find((c) => c.name === input.column)!.levels;
      return { name: input.name, datatype: 'BYTES' as const, shape: [-1, 1] as [-1, 1], categories: levels, missingShare: share(f.missing) };
    }),
    outputs: classes
      ? [
          { name: 'label', datatype: 'BYTES', shape: [-1], description: `the predicted class, one of ${classes.map((c) => `"${c}"`).join(', ')}` },
          { name: 'probabilities', datatype: 'FP32', shape: [-1, classes.length], description: `the probability of each class, in the order ${classes.join(', ')}` },
        ]
      : [{ name: 'variable', datatype: 'FP32', shape: [-1, 1], description: `the predicted ${p.target.name}` }],
  };
}

/**
 * The likeliest cause of a parity failure, named: a column whose spread is finer than float32 (the
 * graph's numeric input type, about 7 significant digits) can resolve at its magnitude.
 */
function float32Hint(file: ModelFile): string {
  const coarse = file.pipeline.numeric.filter((c) => Math.abs(c.mean) * 2 ** -23 > 0.01 * c.std);
  return coarse
    .map((c) => ` Column ${c.name} varies by about ${c.std.toPrecision(2)} around ${c.mean.toPrecision(3)}, finer than float32 (the graph's input type) holds at that size: subtract an offset in a cleaning recipe (e.g. ${c.name} - ${Math.round(c.mean)}) and retrain.`)
    .join('');
}

/**
 * Worker task: the run's model as a signed package — model.onnx (proven equal to the in-app model
 * on the test rows first: a failed parity writes nothing), signature.json, reference-profile.json
 * for drift monitoring, metrics.json, model-card.md, README.md for the deployment team, and
 * manifest.json with every file's sha256, signed with the user's ed25519 key.
 */
export const packageTask: Task<PackageParams, PackageResult> = async (params, ctx) => {
  const phases = timedPhases(ctx);
  phases.phase(0.02, 'building the ONNX graph');
  const file = readModelFile(params.modelFile);
  const graph = exportOnnx(file, params.run);
  const parity = await checkParity(file, graph, params, (f, phase) => phases.phase(0.05 + 0.5 * f, phase));
  if (!parity.passed) {
    const worst = parity.worst.slice(0, 3).map((w) => `row ${w.row}: in-app ${w.inApp.map((v) => v?.toPrecision(6)).join('/')} vs ONNX ${w.onnx.map((v) => v?.toPrecision(6)).join('/')}`);
    throw new MlcycleError('CONFLICT', `The exported graph does not match the in-app model on ${parity.rowsOutOfTolerance} of ${parity.rows} ${parity.set} rows (max |difference| ${parity.maxAbsDiff.toExponential(2)}, ${parity.labelMismatches} label mismatches): nothing was packaged. Worst: ${worst.join('; ')}.${float32Hint(file)}`, { parity });
  }
  phases.phase(0.6, 'profiling the training rows for drift monitoring');
  const { reference, latency } = await trainingReference(file, graph, params);
  phases.phase(0.85, 'writing and signing');
  const signature = signatureOf(params.run, params.serving, file, graph, reference);
  const files = new Map<string, Uint8Array>([
    ['model.onnx', graph.bytes],
    ['signature.json', json(signature)],
    ['reference-profile.json', json(reference)],
    ['metrics.json', json({ run: { id: params.run.id, name: params.run.name, model: params.run.model, task: params.run.task }, metrics: params.run.metrics, crossValidation: params.run.crossValidation ?? null, parity, latency })],
    ['model-card.md', Buffer.from(modelCard(params.run, params.evaluation, params.objective))],
  ]);
  files.set('README.md', Buffer.from(deploymentReadme(signature, [...files.keys()])));
  const manifest = writePackage(params.out, files, userSigningKey(params.homeDir));
  phases.end();
  ctx.progress(1, 'done');
  return { out: params.out, files: manifest.files, signer: manifest.signer.keyId, parity, latency, inputs: graph.inputs, classes: file.pipeline.target.classes };
};
