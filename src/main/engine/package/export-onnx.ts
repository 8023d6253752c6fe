import { MlcycleError } from '../../../shared/contract/errors';
import { ENGINE_VERSION } from '../version';
import { addOutputs, type Head } from './heads';
import { featureMatrix, graphInputs, MISSING_STRING, OUTPUT_NAMES, type GraphInput } from './inputs';
import { linearHead, logisticHead } from './learners/linear';
import { mlpHead } from './learners/mlp';
import { treesHead } from './learners/trees';
import type { ModelFile } from '../train/model-file';
import { GraphBuilder } from './onnx/graph';

export interface ExportedGraph {
  /** The serialised ModelProto. */
  bytes: Uint8Array;
  inputs: GraphInput[];
  outputs: string[];
}

function learnerHead(g: GraphBuilder, x: string, file: ModelFile): Head {
  const state = file.state as never;
  switch (file.model) {
    case 'logistic':
      return logisticHead(g, x, state);
    case 'linear':
      return linearHead(g, x, state);
    case 'mlp':
      return mlpHead(g, x, state);
    case 'gbdt':
    case 'random_forest':
      return treesHead(g, x, state, file.model);
  }
}

/**
 * One ONNX graph for a run: raw named columns in, the fitted preprocessing (imputation, scaling,
 * category levels, one-hot or level codes), the learner, and `label` + `probabilities` (classes)
 * or `variable` (regression) out. No ZipMap: probabilities are one float tensor.
 */
export function exportOnnx(file: ModelFile, run: { id: string; name: string }): ExportedGraph {
  const p = file.pipeline;
  const inputs = graphInputs(p);
  if (inputs.length === 0) throw new MlcycleError('INVALID_ARGUMENT', `Run ${run.name} uses no feature columns; there is nothing to feed an ONNX graph.`, { field: 'run' });
  const g = new GraphBuilder();
  g.reserve(OUTPUT_NAMES);
  for (const input of inputs) g.input(input.name, input.type, ['N', 1]);
  const head = learnerHead(g, featureMatrix(g, p, inputs, file.encoding), file);
  const outputs = addOutputs(g, head, p.target.classes);
  const bytes = g.model({
    graphName: run.name,
    producerVersion: ENGINE_VERSION,
    doc: `MLCycle run ${run.name} (${run.id}): ${file.model} ${p.task} model predicting ${p.target.name}, with its fitted preprocessing. Inputs: one per raw column, float32 [N,1] (missing: NaN) or string [N,1] (missing: empty string).`,
    metadata: {
      run_id: run.id,
      run_name: run.name,
      model_kind: file.model,
      task: p.task,
      target: p.target.name,
      class_labels: JSON.stringify(p.target.classes ?? []),
      inputs: JSON.stringify(inputs),
      missing_string: MISSING_STRING,
      missing_number: 'NaN',
    },
  });
  return { bytes, inputs, outputs };
}
