/**
 * The human- and machine-readable parts of a model package besides the model itself:
 * signature.json (what goes in and comes out, with what training saw) and README.md for the
 * deployment team. Pure: the packaging job hands in what it read from the run and its data.
 */

/** One graph input per raw column: FP32 [N, 1] for numbers, BYTES [N, 1] for categories (Open Inference Protocol datatypes). */
export interface SignatureInput {
  name: string;
  datatype: 'FP32' | 'BYTES';
  shape: [-1, 1];
  /** Numbers: the range seen in training (outside it the model extrapolates). */
  range?: { min: number | null; max: number | null };
  /** Categories: the levels the model knows; any other value is treated as "other". */
  categories?: string[];
  /** Share of training rows where it was missing (NaN for numbers, an empty string for categories). */
  missingShare: number;
}

export interface SignatureOutput {
  name: 'label' | 'probabilities' | 'variable';
  datatype: 'BYTES' | 'FP32';
  /** -1: any number of rows. */
  shape: number[];
  description: string;
}

export interface Signature {
  model: string;
  version: string;
  task: 'binary' | 'multiclass' | 'regression';
  target: string;
  classes: string[] | null;
  inputs: SignatureInput[];
  outputs: SignatureOutput[];
}

/**
 * The name a model is served under: a run's name ("logistic on churn@2") made safe for a URL path
 * and a Triton model folder — lower case, letters, digits, '-', '_' and '.', nothing else.
 */
export function servingName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return slug.slice(0, 64) || 'model';
}

/** A JSON value as the request example writes it: the middle of a numeric range, a known category. */
function exampleValue(input: SignatureInput): number | string {
  if (input.datatype === 'BYTES') return input.categories?.[0] ?? '';
  const { min, max } = input.range ?? { min: 0, max: 0 };
  const mid = min !== null && max !== null ? (min + max) / 2 : 0;
  return Number(mid.toPrecision(4));
}

/** An Open Inference Protocol v2 request for one row, as the README's curl example sends it. */
export function exampleRequest(signature: Signature): { id: string; inputs: Array<{ name: string; shape: number[]; datatype: string; data: Array<number | string> }> } {
  return { id: 'example-1', inputs: signature.inputs.map((i) => ({ name: i.name, shape: [1, 1], datatype: i.datatype, data: [exampleValue(i)] })) };
}

export function deploymentReadme(signature: Signature, files: string[]): string {
  const request = JSON.stringify(exampleRequest(signature));
  const name = signature.model;
  const lines = [
    `# ${name} ${signature.version}: model package`,
    '',
    `A ${signature.task} model predicting \`${signature.target}\`, packaged by MLCycle. Everything the model needs — imputation, scaling, category encoding and the learner — is inside \`model.onnx\`; send raw column values.`,
    '',
    '## Files',
    '',
    ...files.map((f) => `- \`${f}\``),
    '- `manifest.json`: the sha256 of every file, signed with the author’s ed25519 key.',
    '',
    'Check it before use: `mlcycle package verify <this folder or .mlpkg>` (trust the author’s key first with `mlcycle keys trust <name> <key>`).',
    '',
    '## Run it with MLCycle',
    '',
    '```sh',
    `mlcycle serve . --port 8080`,
    '```',
    '',
    '## Ask for a prediction (Open Inference Protocol v2)',
    '',
    '```sh',
    `curl -s -X POST http://127.0.0.1:8080/v2/models/${name}/infer \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '${request}'`,
    '```',
    '',
    `Inputs (one per column, shape [N, 1]): ${signature.inputs.map((i) => `\`${i.name}\` ${i.datatype}`).join(', ')}. A missing number is NaN (or null); a missing category is an empty string; a category the model never saw counts as "other".`,
    '',
    `Outputs: ${signature.outputs.map((o) => `\`${o.name}\` (${o.datatype}) ${o.description}`).join('; ')}.`,
    '',
    '## Other servers',
    '',
    'Any Open Inference Protocol server with an ONNX Runtime backend serves `model.onnx` unchanged:',
    '',
    `- Triton: put \`model.onnx\` at \`models/${name}/1/model.onnx\` and start \`tritonserver --model-repository=models\` (backend \`onnxruntime\`; the inputs and outputs above are read from the graph).`,
    `- KServe: an InferenceService with \`modelFormat: {name: onnx}\` and \`storageUri\` pointing at a folder holding \`model.onnx\`; the request above goes to \`/v2/models/${name}/infer\` on its URL.`,
    '',
    'Model card: `model-card.md`. Metrics: `metrics.json`. Drift monitoring compares live traffic with `reference-profile.json`.',
    '',
  ];
  return lines.join('\n');
}
