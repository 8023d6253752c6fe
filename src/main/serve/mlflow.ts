import type ort from 'onnxruntime-node';
import type { Signature } from '../engine/registry/package-docs';
import { columnsFrom, type Columns } from './columns';
import { badRequest } from './http-error';
import { jsonData } from './oip';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const FORMATS = '"dataframe_split", "dataframe_records", "instances" or "inputs"';

/** Rows given as records ({column: value}) or, for instances/inputs, as lists in the model's input order. */
function fromRecords(signature: Signature, records: unknown[], field: string, strict: boolean): Columns {
  const order = signature.inputs.map((i) => i.name);
  const rows = records.map((r, k) => {
    if (isObject(r)) return r;
    if (Array.isArray(r)) {
      if (r.length !== order.length) throw badRequest(`${field}[${k}] has ${r.length} values; the model takes ${order.length}: ${order.join(', ')}`);
      return Object.fromEntries(order.map((name, j) => [name, r[j]]));
    }
    throw badRequest(`${field}[${k}] must be an object of column values`);
  });
  const missing = order.filter((name) => rows.length > 0 && !(name in rows[0]!));
  if (missing.length) throw badRequest(`${field} lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; the model takes ${order.join(', ')}`);
  return columnsFrom(signature, rows.length, (input, row) => rows[row]![input.name], strict);
}

/**
 * MLflow's scoring-server request formats (/invocations), so MLflow clients work unchanged:
 * dataframe_split {columns, data}, dataframe_records [{…}], instances [{…}] and inputs ({column: [values]} or [{…}]).
 */
export function parseInvocations(body: unknown, signature: Signature, strict: boolean): Columns {
  if (!isObject(body)) throw badRequest(`the request body must be a JSON object with one of ${FORMATS}`);
  const keys = Object.keys(body).filter((k) => k !== 'params');
  if (keys.length !== 1) throw badRequest(`give exactly one of ${FORMATS}; got ${keys.length ? keys.join(', ') : 'none'}`);
  const key = keys[0]!;
  const value = body[key];
  if (key === 'dataframe_split') {
    if (!isObject(value) || !Array.isArray(value.columns) || !Array.isArray(value.data)) throw badRequest('dataframe_split needs "columns" (names) and "data" (rows)');
    const columns = value.columns as unknown[];
    const index = new Map(columns.map((c, j) => [String(c), j]));
    const missing = signature.inputs.filter((i) => !index.has(i.name)).map((i) => i.name);
    if (missing.length) throw badRequest(`dataframe_split lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; the model takes ${signature.inputs.map((i) => i.name).join(', ')}`);
    const data = value.data as unknown[];
    data.forEach((row, k) => {
      if (!Array.isArray(row) || row.length !== columns.length) throw badRequest(`dataframe_split data[${k}] must be a list of ${columns.length} values`);
    });
    return columnsFrom(signature, data.length, (input, row) => (data[row] as unknown[])[index.get(input.name)!], strict);
  }
  if (key === 'dataframe_records' || key === 'instances') {
    if (!Array.isArray(value)) throw badRequest(`${key} must be a list of rows`);
    return fromRecords(signature, value, key, strict);
  }
  if (key === 'inputs') {
    if (Array.isArray(value)) return fromRecords(signature, value, key, strict);
    if (!isObject(value)) throw badRequest('inputs must be {column: [values]} or a list of rows');
    const lists = signature.inputs.map((i) => value[i.name]);
    const missing = signature.inputs.filter((_i, j) => !Array.isArray(lists[j])).map((i) => i.name);
    if (missing.length) throw badRequest(`inputs lacks a list for ${missing.join(', ')}; the model takes ${signature.inputs.map((i) => i.name).join(', ')}`);
    const rows = (lists[0] as unknown[]).length;
    if (lists.some((l) => (l as unknown[]).length !== rows)) throw badRequest('inputs: every column needs the same number of values');
    return columnsFrom(signature, rows, (input, row) => (value[input.name] as unknown[])[row], strict);
  }
  throw badRequest(`unknown format "${key}"; give one of ${FORMATS}`);
}

/** MLflow's response: {"predictions": …} — one record per row for a classifier (label and p_<class>), one number for regression. */
export function invocationsResponse(signature: Signature, results: ort.InferenceSession.OnnxValueMapType) {
  if (!signature.classes) return { predictions: jsonData(results.variable!) };
  const labels = jsonData(results.label!);
  const p = jsonData(results.probabilities!);
  const k = signature.classes.length;
  return { predictions: labels.map((label, i) => ({ label, ...Object.fromEntries(signature.classes!.map((c, j) => [`p_${c}`, p[i * k + j]])) })) };
}
