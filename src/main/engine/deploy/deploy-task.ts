import { DuckDBInstance } from '../duckdb';
import fs from 'node:fs';
import { PARITY_TOLERANCE } from '../../../shared/package/models';
import type { DeployEvent } from '../../../shared/deploy/models';
import type { Task } from '../jobs/tasks/types';
import ort from 'onnxruntime-node';
import { readScoringRows, splitRowsSql, type ScoringRows } from '../package/scoring-rows';
import type { Signature } from '../registry/package-docs';
import { readPackage } from '../signing/verify';
import { readModelFile } from '../train/model-file';
import { ServerClient, type ServerEndpoint } from './server-client';
import { signatureColumns } from './signature-rows';

export interface DeployParams {
  endpoint: ServerEndpoint;
  /** The signed .mlpkg (a registry version's, in the project's artifacts, or a file given). */
  packageFile: string;
  /** The run's data, for smoke rows from its test split; null for a package from elsewhere (rows then come from its signature). */
  runData: { modelFile: string; versionFile: string; splitFile: string } | null;
  /** Rows sent as the smoke test. */
  smokeRows: number;
}

export interface DeployOutcome {
  status: 'live' | 'rolled_back' | 'failed';
  url: string;
  model: string;
  version: string;
  events: DeployEvent[];
}

type SmokeRequest = { id: string; inputs: Array<{ name: string; shape: number[]; datatype: string; data: Array<number | string | null> }> };

/** The first test rows as a caller sends them (categories as text, missing numbers as null). */
async function testRowsRequest(runData: NonNullable<DeployParams['runData']>, signature: Signature, limit: number): Promise<SmokeRequest> {
  const p = readModelFile(runData.modelFile).pipeline;
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  let rows: ScoringRows;
  try {
    const relation = `(SELECT * FROM (${splitRowsSql(p, runData)}) ORDER BY (set = 'test') DESC, row LIMIT ${limit})`;
    rows = await readScoringRows(con, relation, p);
  } finally {
    con.closeSync();
    instance.closeSync();
  }
  const n = rows.encoded.rows;
  return {
    id: `smoke-${Date.now()}`,
    inputs: signature.inputs.map((input, j) => ({
      name: input.name,
      shape: [n, 1],
      datatype: input.datatype,
      data: j < p.numeric.length ? Array.from(rows.encoded.inputs[j]!.subarray(0, n), (v) => (Number.isNaN(v) ? null : Math.fround(v))) : rows.strings[j - p.numeric.length]!.slice(0, n),
    })),
  };
}

/** Without the run's data: the rows made from the signature (float32 values, as the graph reads them). */
function signatureRequest(signature: Signature): SmokeRequest {
  return {
    id: `smoke-${Date.now()}`,
    inputs: signatureColumns(signature).map((c) => ({ name: c.name, shape: [3, 1], datatype: c.datatype, data: c.datatype === 'FP32' ? c.values.map((v) => Math.fround(v as number)) : c.values })),
  };
}

/** What the package's own graph answers to the request, here: the reference the server must match. */
async function expectedAnswer(model: Uint8Array, request: SmokeRequest): Promise<{ values: Float32Array; labels: string[] | null }> {
  const session = await ort.InferenceSession.create(model);
  try {
    const feeds = Object.fromEntries(
      request.inputs.map((i) => [i.name, i.datatype === 'BYTES' ? new ort.Tensor('string', i.data as string[], [i.data.length, 1]) : new ort.Tensor('float32', Float32Array.from(i.data, (v) => (v === null ? Number.NaN : (v as number))), [i.data.length, 1])]),
    );
    const out = await session.run(feeds);
    return { values: (out.probabilities ?? out.variable)!.data as Float32Array, labels: out.label ? (out.label.data as string[]) : null };
  } finally {
    await session.release();
  }
}

/**
 * Worker task: puts a registry version on a running `mlcycle serve` (local or remote) through its
 * admin API — push the signed package, activate it, then smoke-test it: rows of the test split go
 * through the server and must come back as the package's own graph predicts them here (labels equal,
 * values within the parity tolerance). A failed smoke test rolls the server back to the version it
 * served before (or takes a first deployment off again). Every step is an event in the result.
 */
export const deployTask: Task<DeployParams, DeployOutcome> = async (params, ctx) => {
  const events: DeployEvent[] = [];
  const step = (name: string, outcome: DeployEvent['outcome'], message: string) => {
    events.push({ at: new Date().toISOString(), step: name, outcome, message });
    ctx.log(`${name}: ${message}`, outcome === 'error' ? 'error' : 'info');
  };
  const server = new ServerClient(params.endpoint);
  const pkg = fs.readFileSync(params.packageFile);
  const contents = readPackage(params.packageFile).contents;
  const signature = JSON.parse(Buffer.from(contents.get('signature.json')!).toString('utf8')) as Signature;
  const outcome = (status: DeployOutcome['status']): DeployOutcome => ({ status, url: `${server.url}/v2/models/${signature.model}/infer`, model: signature.model, version: signature.version, events });

  ctx.progress(0.05, 'connecting');
  let before: { active: string } | undefined;
  try {
    await server.live();
    before = (await server.models()).models.find((m) => m.name === signature.model);
    step('connect', 'ok', `${server.url} answers; it serves ${before ? `${signature.model} v${before.active}` : `no ${signature.model} yet`}`);
  } catch (error) {
    step('connect', 'error', (error as Error).message);
    return outcome('failed');
  }
  if (before?.active === signature.version) step('connect', 'info', `v${signature.version} is already active there; checking it again`);

  ctx.progress(0.2, 'pushing the package');
  try {
    const installed = await server.upload(pkg, false);
    step('push', 'ok', `uploaded the signed package (${(pkg.length / 1e6).toFixed(2)} MB); the server verified it as ${installed.name} v${installed.version}`);
    await server.activate(signature.model, signature.version);
    step('activate', 'ok', `${signature.model} v${signature.version} now answers ${server.url}/v2/models/${signature.model}/infer`);
  } catch (error) {
    step('push', 'error', (error as Error).message);
    return outcome('failed');
  }

  ctx.progress(0.5, 'smoke test');
  let problem: string | null = null;
  try {
    const request = params.runData ? await testRowsRequest(params.runData, signature, params.smokeRows) : signatureRequest(signature);
    const rows = request.inputs[0]!.shape[0]!;
    const expected = await expectedAnswer(contents.get('model.onnx')!, request);
    const answer = await server.infer(signature.model, signature.version, request);
    const values = answer.outputs.find((o) => o.name === (signature.classes ? 'probabilities' : 'variable'))!.data as number[];
    const labels = answer.outputs.find((o) => o.name === 'label')?.data as string[] | undefined;
    let worst = 0;
    for (let i = 0; i < values.length; i++) worst = Math.max(worst, Math.abs(values[i]! - expected.values[i]!) / Math.max(1, Math.abs(expected.values[i]!)));
    const mismatches = labels && expected.labels ? labels.filter((l, i) => l !== expected.labels![i]).length : 0;
    if (values.length !== expected.values.length) problem = `the server returned ${values.length} values for ${expected.values.length} expected`;
    else if (mismatches || worst > PARITY_TOLERANCE) problem = `${mismatches} label mismatches, largest difference ${worst.toExponential(2)} (tolerance ${PARITY_TOLERANCE})`;
    else step('smoke-test', 'ok', `${rows} ${params.runData ? 'test rows' : 'rows built from the signature (training minimum, middle, maximum)'} scored by the server exactly as the package predicts (largest difference ${worst.toExponential(1)})`);
  } catch (error) {
    problem = (error as Error).message;
  }
  if (problem === null) {
    ctx.progress(1, 'live');
    step('live', 'ok', `${signature.model} v${signature.version} is live on ${server.url}`);
    return outcome('live');
  }

  step('smoke-test', 'error', problem);
  ctx.progress(0.8, 'rolling back');
  try {
    if (before && before.active !== signature.version) {
      await server.activate(signature.model, before.active);
      step('rollback', 'ok', `back to v${before.active}, which served before this deploy`);
    } else {
      await server.unload(signature.model);
      step('rollback', 'ok', `took ${signature.model} off the server: nothing served it before`);
    }
    return outcome('rolled_back');
  } catch (error) {
    step('rollback', 'error', `could not roll back: ${(error as Error).message}`);
    return outcome('failed');
  }
};
