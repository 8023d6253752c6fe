import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { MlcycleError } from '../../../shared/contract/errors';
import type { EngineContext } from '../context';
import { lit } from '../data/sql';
import { ServerClient } from '../deploy/server-client';
import { endpointOf } from '../handlers/deploy';
import type { Signature } from '../registry/package-docs';
import { readPackage } from '../signing/verify';
import type { ProjectStore } from '../store/project-store';
import { fileRelation, openSimRows, type Cell, type ModelInput, type Shift, type SimRow } from './simulate-rows';

export type { Shift } from './simulate-rows';

export interface SimulateOptions {
  target: string;
  /** A dataset of the project (name, name@version or version id) or an absolute path to a .csv/.parquet file. */
  from: string;
  /** Rows per second. */
  rate: number;
  /** Rows to send at most (default: every row of the source). */
  rows?: number;
  /** Rows per request (default 1). */
  batch?: number;
  shifts?: Shift[];
  /** Shift rows from this row on (0-based; default 0 when shifts are given) … */
  shiftAfterRows?: number;
  /** … or the rows sent from this time on. */
  shiftAt?: string;
  /** Writes request_id,row,label for every row the server accepted, from the source's target column. */
  labelsOut?: string;
  signal?: AbortSignal;
  onProgress?: (p: SimulateProgress) => void;
  progressEveryMs?: number;
}

export interface SimulateProgress {
  rowsSent: number;
  requests: number;
  /** Requests the server refused or did not answer. */
  errors: number;
  rowsShifted: number;
  seconds: number;
  /** Rows per second since the start. */
  achievedRate: number;
  /** The first error, as the server said it. */
  firstError: string | null;
}

export interface SimulateSummary extends SimulateProgress {
  target: string;
  model: string;
  version: number;
  /** Every request id of this run is sim-<runTag>-<its first row>: how to find the run in what is collected. */
  runTag: string;
  /** Rows taken from the source (all of it, or the first --rows). */
  sourceRows: number;
  /** Stopped before every row was sent (Ctrl-C, or the server stopped answering). */
  stopped: boolean;
  labelsWritten: number;
}

/** Requests on their way at once: enough for a few hundred rows per second on loopback with each answer in milliseconds. */
const MAX_IN_FLIGHT = 32;
/** Rows read from DuckDB at a time. */
const PAGE = 1000;
/** Requests that could not reach the server in a row before the run gives up. */
const UNREACHABLE_LIMIT = 20;

/** A source named like this is a file; anything else is a dataset of the project. */
export const SOURCE_FILE = /\.(csv|tsv|txt|parquet)$/i;

/** The source as a DuckDB relation, and the column that holds its labels when it is a dataset. */
function sourceOf(store: ProjectStore, from: string): { relation: string; target: string | null } {
  if (SOURCE_FILE.test(from)) {
    if (!fs.existsSync(from)) throw new MlcycleError('NOT_FOUND', `${from} does not exist.`, { field: 'from' });
    return { relation: fileRelation(from), target: null };
  }
  const { version } = store.datasets.resolve(from);
  return { relation: `read_parquet(${lit(store.artifacts.pathOf(version.sha256))})`, target: version.target };
}

/** The deployed version's signature, when the version is in this project's registry (it names the target column). */
function signatureOf(store: ProjectStore, model: string, version: number): Signature | null {
  try {
    const v = store.registry.version(model, version);
    return JSON.parse(Buffer.from(readPackage(store.artifacts.pathOf(v.packageSha256)).contents.get('signature.json')!).toString('utf8')) as Signature;
  } catch {
    return null;
  }
}

const csvCell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

/**
 * Replays rows against a target's live model through its Open Inference Protocol endpoint, at a
 * steady rate (a token bucket of one request), each request with its own id; after the shift point
 * each shifted feature takes its expression's value, so a team can watch drift appear. Stops cleanly
 * on `signal`, waiting for the requests on their way.
 */
export async function simulateTraffic(ctx: EngineContext, options: SimulateOptions): Promise<SimulateSummary> {
  const { store } = ctx.session.require();
  const target = store.deploy.target(options.target);
  const deployment = store.deploy.current(target.name);
  if (!deployment || deployment.status !== 'live') throw new MlcycleError('NOT_FOUND', `Nothing is deployed to ${target.name}: deploy a model version there first.`, { field: 'target' });
  if (!(options.rate > 0)) throw new MlcycleError('INVALID_ARGUMENT', 'The rate must be more than 0 rows per second.', { field: 'rate' });
  if (options.rows !== undefined && !(Number.isInteger(options.rows) && options.rows >= 1)) throw new MlcycleError('INVALID_ARGUMENT', 'The rows to send must be a whole number, 1 or more.', { field: 'rows' });
  const batch = options.batch ?? 1;
  if (!Number.isInteger(batch) || batch < 1) throw new MlcycleError('INVALID_ARGUMENT', 'The batch must be a whole number of rows, 1 or more.', { field: 'batch' });
  if (options.shiftAfterRows !== undefined && options.shiftAt !== undefined) throw new MlcycleError('INVALID_ARGUMENT', 'Shift after a number of rows or at a time, not both.', { field: 'shift' });
  const shiftAtMs = options.shiftAt === undefined ? null : Date.parse(options.shiftAt);
  if (shiftAtMs !== null && Number.isNaN(shiftAtMs)) throw new MlcycleError('INVALID_ARGUMENT', `--shift-at ${options.shiftAt} is not an ISO time (e.g. 2025-01-31T14:00:00Z).`, { field: 'shiftAt' });

  const server = new ServerClient(await endpointOf(ctx, target.name, false));
  const model = deployment.model;
  let inputs: ModelInput[];
  try {
    inputs = ((await server.ok('GET', `/v2/models/${encodeURIComponent(model)}`)) as { inputs: ModelInput[] }).inputs;
  } catch (error) {
    throw new MlcycleError('NOT_FOUND', `${target.name} cannot be asked for ${model}: ${(error as Error).message}`, { field: 'target' });
  }
  const source = sourceOf(store, options.from);
  const labelColumn = options.labelsOut ? (signatureOf(store, model, deployment.version)?.target ?? source.target) : null;
  if (options.labelsOut && !labelColumn) throw new MlcycleError('INVALID_ARGUMENT', `--labels-out: the model's target column is not known here (${model} v${deployment.version} is not in this project's registry); use a dataset of the project.`, { field: 'labelsOut' });
  const shifts = options.shifts ?? [];
  const rows = await openSimRows(source.relation, inputs, shifts, labelColumn, options.rows ?? null);

  const inputIndex = new Map(inputs.map((input, k) => [input.name, k]));
  const shiftTargets = shifts.map((s) => inputIndex.get(s.feature)!);
  const shiftAfter = options.shiftAfterRows ?? 0;
  const isShifted = (row: number, sentAt: number) => shifts.length > 0 && (shiftAtMs !== null ? sentAt >= shiftAtMs : row >= shiftAfter);
  const tag = randomBytes(4).toString('hex');
  const labels = options.labelsOut ? fs.openSync(options.labelsOut, 'w') : null;
  if (labels !== null) fs.writeSync(labels, 'request_id,row,label\n');

  const progress: SimulateProgress = { rowsSent: 0, requests: 0, errors: 0, rowsShifted: 0, seconds: 0, achievedRate: 0, firstError: null };
  let labelsWritten = 0;
  let unreachable = 0;
  let gaveUp = false;
  const started = Date.now();
  const snapshot = () => {
    progress.seconds = (Date.now() - started) / 1000;
    progress.achievedRate = progress.seconds > 0 ? progress.rowsSent / progress.seconds : 0;
    return { ...progress };
  };
  const ticker = options.onProgress ? setInterval(() => options.onProgress!(snapshot()), options.progressEveryMs ?? 1000) : null;

  const inFlight = new Set<Promise<void>>();
  const send = (first: number, page: SimRow[]) => {
    const sentAt = Date.now();
    const id = `sim-${tag}-${first}`;
    const cells: Cell[][] = inputs.map(() => []);
    page.forEach((r, j) => {
      const shifted = isShifted(first + j, sentAt);
      if (shifted) progress.rowsShifted++;
      const values = [...r.values];
      if (shifted) shiftTargets.forEach((k, s) => (values[k] = r.shifted[s]!));
      values.forEach((v, k) => cells[k]!.push(v));
    });
    const body = { id, inputs: inputs.map((input, k) => ({ name: input.name, shape: [page.length, 1], datatype: input.datatype, data: cells[k] })) };
    progress.requests++;
    progress.rowsSent += page.length;
    const call = server
      .call('POST', `/v2/models/${encodeURIComponent(model)}/infer`, body)
      .then((reply) => {
        unreachable = 0;
        if (reply.status !== 200) throw new Error(`${reply.status}: ${(reply.body as { error?: string } | null)?.error ?? reply.text.slice(0, 200)}`);
        if (labels === null) return;
        const lines = page.flatMap((r, j) => (r.label === null ? [] : [`${id},${j},${csvCell(r.label)}\n`]));
        fs.writeSync(labels, lines.join(''));
        labelsWritten += lines.length;
      })
      .catch((error: Error) => {
        progress.errors++;
        progress.firstError ??= error.message;
        if (!/^\d{3}: /.test(error.message) && ++unreachable >= UNREACHABLE_LIMIT) gaveUp = true;
      })
      .finally(() => inFlight.delete(call));
    inFlight.add(call);
  };

  try {
    // Token bucket of one request: request k goes out at start + (its first row) / rate; a run
    // that falls behind (a slow answer, a busy machine) catches up by at most one request's worth.
    let origin = Date.now();
    for (let from = 0; from < rows.total && !options.signal?.aborted && !gaveUp; from += PAGE) {
      const page = await rows.page(from, Math.min(rows.total, from + PAGE));
      for (let at = 0; at < page.length && !options.signal?.aborted && !gaveUp; at += batch) {
        const first = from + at;
        const due = origin + (first / options.rate) * 1000;
        const late = Date.now() - due - (batch / options.rate) * 1000;
        if (late > 0) origin += late;
        await sleep(due - Date.now(), options.signal);
        while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
        if (options.signal?.aborted) break;
        send(first, page.slice(at, at + batch));
      }
    }
    await Promise.all(inFlight);
  } finally {
    if (ticker) clearInterval(ticker);
    if (labels !== null) fs.closeSync(labels);
    rows.close();
  }
  if (gaveUp) progress.firstError = `${target.name} stopped answering: ${progress.firstError}`;
  return { ...snapshot(), target: target.name, model, version: deployment.version, runTag: tag, sourceRows: rows.total, stopped: progress.rowsSent < rows.total, labelsWritten };
}
