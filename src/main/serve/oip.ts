import type ort from 'onnxruntime-node';
import type { Signature } from '../engine/registry/package-docs';
import { columnsFrom, type Columns } from './columns';
import { badRequest } from './http-error';

/** Numeric Open Inference Protocol datatypes an FP32 input accepts (JSON numbers either way). */
const NUMERIC = new Set(['FP16', 'FP32', 'FP64', 'INT8', 'INT16', 'INT32', 'INT64', 'UINT8', 'UINT16', 'UINT32', 'UINT64']);

export interface InferRequest {
  id: string | null;
  columns: Columns;
  /** The outputs asked for, in the order asked; all of the model's when the request names none. */
  outputs: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Row-major data, nested or flat, as one flat array (tensors here are at most [N, 1]). */
function flatten(data: unknown[], name: string): unknown[] {
  if (!data.some(Array.isArray)) return data;
  const flat: unknown[] = [];
  for (const item of data) {
    if (!Array.isArray(item)) flat.push(item);
    else for (const inner of item) {
      if (Array.isArray(inner)) throw badRequest(`input '${name}': data nests deeper than its shape [N, 1] allows`);
      flat.push(inner);
    }
  }
  return flat;
}

/**
 * Checks an inference request against the package signature — input names, datatypes, shapes and
 * values — and turns it into columns. Every refusal names the input and what was expected.
 */
export function parseInferRequest(body: unknown, signature: Signature, strictCategories: boolean): InferRequest {
  if (!isObject(body)) throw badRequest('the request body must be a JSON object with "inputs"');
  if (body.id !== undefined && typeof body.id !== 'string') throw badRequest('"id" must be a string');
  if (!Array.isArray(body.inputs) || body.inputs.length === 0) throw badRequest(`"inputs" must be a non-empty array; this model takes ${signature.inputs.map((i) => i.name).join(', ')}`);
  const byName = new Map<string, unknown[]>();
  let rows: number | null = null;
  for (const raw of body.inputs as unknown[]) {
    if (!isObject(raw) || typeof raw.name !== 'string') throw badRequest('every input needs a "name"');
    const name = raw.name;
    const spec = signature.inputs.find((i) => i.name === name);
    if (!spec) throw badRequest(`unknown input '${name}'; this model takes ${signature.inputs.map((i) => i.name).join(', ')}`);
    if (byName.has(name)) throw badRequest(`input '${name}' is given twice`);
    if (typeof raw.datatype !== 'string') throw badRequest(`input '${name}' needs a "datatype" (${spec.datatype})`);
    const fits = spec.datatype === 'BYTES' ? raw.datatype === 'BYTES' : NUMERIC.has(raw.datatype);
    if (!fits) throw badRequest(`input '${name}' is ${spec.datatype} in this model; the request says ${raw.datatype}`);
    const shape = raw.shape;
    if (!Array.isArray(shape) || shape.length < 1 || shape.length > 2 || !shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
      throw badRequest(`input '${name}' needs a "shape" of [N] or [N, 1] with whole numbers; got ${JSON.stringify(shape)}`);
    }
    if (shape.length === 2 && shape[1] !== 1) throw badRequest(`input '${name}' has shape ${JSON.stringify(shape)}; this model takes one value per row: [N, 1]`);
    if (!Array.isArray(raw.data)) throw badRequest(`input '${name}' needs "data" as a JSON array`);
    const data = flatten(raw.data, name);
    const n = shape[0] as number;
    if (data.length !== n) throw badRequest(`input '${name}' has shape ${JSON.stringify(shape)} (${n} values) but ${data.length} data elements`);
    if (rows !== null && n !== rows) throw badRequest(`inputs disagree on the number of rows: '${name}' has ${n}, others ${rows}`);
    rows = n;
    byName.set(name, data);
  }
  const missing = signature.inputs.filter((i) => !byName.has(i.name)).map((i) => i.name);
  if (missing.length) throw badRequest(`missing input${missing.length > 1 ? 's' : ''} ${missing.map((m) => `'${m}'`).join(', ')}; this model takes ${signature.inputs.map((i) => i.name).join(', ')}`);

  let outputs = signature.outputs.map((o) => o.name as string);
  if (body.outputs !== undefined) {
    if (!Array.isArray(body.outputs)) throw badRequest('"outputs" must be an array of {"name": …}');
    outputs = (body.outputs as unknown[]).map((o) => {
      const name = isObject(o) ? o.name : undefined;
      if (typeof name !== 'string' || !signature.outputs.some((s) => s.name === name)) throw badRequest(`unknown output ${JSON.stringify(name)}; this model gives ${signature.outputs.map((s) => s.name).join(', ')}`);
      return name;
    });
  }
  const columns = columnsFrom(signature, rows!, (input, row) => byName.get(input.name)![row], strictCategories);
  return { id: (body.id as string | undefined) ?? null, columns, outputs };
}

/** A tensor's values as JSON: numbers (BigInt converted, NaN as null) or strings. */
export function jsonData(tensor: ort.Tensor): Array<number | string | null> {
  const data = tensor.data as ArrayLike<number | bigint | string>;
  const out = new Array<number | string | null>(data.length);
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    out[i] = typeof v === 'bigint' ? Number(v) : typeof v === 'number' && !Number.isFinite(v) ? null : v;
  }
  return out;
}

const DATATYPES: Record<string, string> = { float32: 'FP32', float64: 'FP64', int64: 'INT64', int32: 'INT32', string: 'BYTES', bool: 'BOOL' };

export function inferResponse(model: { name: string; version: string }, id: string | null, outputs: string[], results: ort.InferenceSession.OnnxValueMapType) {
  return {
    model_name: model.name,
    model_version: model.version,
    ...(id !== null ? { id } : {}),
    outputs: outputs.map((name) => {
      const t = results[name]!;
      return { name, datatype: DATATYPES[t.type] ?? t.type.toUpperCase(), shape: t.dims.map(Number), data: jsonData(t) };
    }),
  };
}
