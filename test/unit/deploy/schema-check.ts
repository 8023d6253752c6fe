import fs from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';

/**
 * Validates rendered objects against the upstream schemas copied into test/fixtures/k8s-schemas
 * (see SOURCE.md there). A test helper, not engine code: the schemas are test fixtures and ajv is a
 * devDependency.
 */

const DIR = path.resolve(import.meta.dirname, '../../fixtures/k8s-schemas');

type Schema = Record<string, unknown>;

function read(file: string): Schema {
  const schema = JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as Schema;
  // "http://json-schema.org/schema#" is no draft ajv knows; the keywords used are draft-07's.
  delete schema.$schema;
  return schema;
}

/**
 * The API server prunes fields a CRD's structural schema does not declare, silently: a typo in an
 * InferenceService would vanish instead of failing. Closing every object that declares properties
 * (and does not preserve unknown fields) turns that silent loss into a test failure.
 */
export function closeStructural(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closeStructural);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Schema = {};
  for (const [k, v] of Object.entries(schema)) out[k] = k === 'enum' || k === 'required' || k === 'default' ? v : closeStructural(v);
  if (out.properties && out.additionalProperties === undefined && out['x-kubernetes-preserve-unknown-fields'] !== true) out.additionalProperties = false;
  return out;
}

/**
 * MLCycle renders only spec.predictor; the CRD's explainer, transformer and canary repeat the whole
 * PodSpec and cost seconds to compile, so they are left as open objects (status too).
 */
function predictorOnly(crd: Schema): Schema {
  const props = crd.properties as { spec: { properties: Record<string, unknown> }; status?: unknown };
  for (const k of Object.keys(props.spec.properties)) if (k !== 'predictor') props.spec.properties[k] = { type: 'object' };
  props.status = { type: 'object' };
  return crd;
}

function makeAjv(): Ajv {
  // strict: false because the schemas carry x-kubernetes-* and OpenAPI keywords (nullable).
  // optimize: false compiles these large schemas about three times faster; validation stays exact.
  const ajv = new Ajv({ strict: false, allErrors: true, code: { optimize: false } });
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
  ajv.addFormat('date-time', { type: 'string', validate: (s: string) => !Number.isNaN(Date.parse(s)) });
  return ajv;
}

const cache = new Map<string, ValidateFunction>();
function validator(name: string, load: () => unknown): ValidateFunction {
  let v = cache.get(name);
  if (!v) cache.set(name, (v = makeAjv().compile(load() as Schema)));
  return v;
}

const SCHEMAS = {
  deployment: () => read('deployment-apps-v1.json'),
  hpa: () => read('horizontalpodautoscaler-autoscaling-v2.json'),
  isvcSubset: () => read('inferenceservice-v1beta1-predictor-subset.schema.json'),
  isvcCrd: () => closeStructural(predictorOnly(read('inferenceservice-v1beta1.openapi.json'))),
} as const;

/** The schema's complaints about `obj`, one line each: [] when it is valid. */
export function schemaErrors(schema: keyof typeof SCHEMAS, obj: unknown): string[] {
  const validate = validator(schema, SCHEMAS[schema]);
  // The rendered objects are checked as JSON, the form they travel in.
  if (validate(JSON.parse(JSON.stringify(obj)))) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
}
