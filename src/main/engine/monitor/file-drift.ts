import type { DuckDBConnection } from '@duckdb/node-api';
import { DuckDBInstance } from '../duckdb';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MlcycleError } from '../../../shared/contract/errors';
import { DEFAULT_POLICY, type Policy } from '../../../shared/governance/policy';
import { datasetDrift, featureDrift, type FeatureDrift, type FeatureReference } from '../../../shared/monitor/feature-drift';
import type { ReferenceProfile } from '../registry/reference-profile';
import { readPackage } from '../signing/verify';
import { currentValues, type ComparedColumn } from './file-drift-current';
import { referenceFromSource } from './file-drift-reference';
import { kindOfType, openSource, type Source } from './file-drift-source';

/**
 * `mlcycle drift --reference <file|package> --current <file>`: drift between two data files, with
 * no project. The reference is a model package (its reference-profile.json, as monitoring uses it)
 * or a data file profiled the same way (file-drift-reference.ts); the current file's values go
 * through the same per-feature tests as a deployment's served rows (shared/monitor/feature-drift.ts).
 */

export interface FileDriftReport {
  reference: { file: string; kind: 'package' | 'file'; rows: number };
  current: { file: string; rows: number };
  features: FeatureDrift[];
  dataset: ReturnType<typeof datasetDrift>;
  /** Columns left out, and why (in one file only, or neither numbers nor categories). */
  notCompared: Array<{ column: string; reason: string }>;
  /** The settings the verdicts used. */
  policy: Policy['monitoring'];
  /** Where the time went, for benchmarks and the curious: the phases overlap where profiling and testing run together. */
  phases: Array<{ phase: string; seconds: number }>;
}

export interface FileDriftOptions {
  /** Only these columns (each must be in both files). */
  columns?: string[];
  policy?: Policy['monitoring'];
}

/** A package: a folder (an unpacked package) or a .mlpkg file. */
const looksLikePackage = (location: string) => /\.mlpkg$/i.test(location) || (fs.existsSync(location) && fs.statSync(location).isDirectory());

/** The package's reference-profile.json: read straight from a folder, or out of the .mlpkg zip. */
function packageProfile(location: string): ReferenceProfile {
  if (!fs.existsSync(location)) throw new MlcycleError('NOT_FOUND', `The reference package ${location} does not exist.`, { file: location });
  let bytes: Uint8Array | undefined;
  if (fs.statSync(location).isDirectory()) {
    const inside = path.join(location, 'reference-profile.json');
    bytes = fs.existsSync(inside) ? fs.readFileSync(inside) : undefined;
  } else {
    const { contents, unsafe } = readPackage(location);
    if (unsafe.length) throw new MlcycleError('INVALID_ARGUMENT', `The reference ${unsafe[0]!.message}`, { file: location });
    bytes = contents.get('reference-profile.json');
  }
  if (!bytes) throw new MlcycleError('INVALID_ARGUMENT', `The reference ${location} is not a model package: it has no reference-profile.json.`, { file: location });
  try {
    const profile = JSON.parse(Buffer.from(bytes).toString('utf8')) as ReferenceProfile;
    if (!Array.isArray(profile.features) || typeof profile.rows !== 'number') throw new Error('expected rows and features');
    return profile;
  } catch (error) {
    throw new MlcycleError('INVALID_ARGUMENT', `The reference package ${location} has an unreadable reference-profile.json: ${(error as Error).message}.`, { file: location });
  }
}

/** The columns to compare, in the reference's order, and the rest with the reason each is left out. */
function chooseColumns(reference: Array<{ name: string; kind: ComparedColumn['kind'] | 'other'; type?: string }>, referenceName: string, current: Source, asked: string[] | undefined) {
  const names = new Set(reference.map((c) => c.name));
  for (const column of asked ?? []) {
    if (!names.has(column)) throw new MlcycleError('INVALID_ARGUMENT', `Column '${column}' is not in the reference ${referenceName} (it has ${[...names].join(', ')}).`, { column });
    if (!current.types.has(column)) throw new MlcycleError('INVALID_ARGUMENT', `Column '${column}' is not in the current file ${current.file} (it has ${[...current.types.keys()].join(', ')}).`, { column });
  }
  const wanted = (name: string) => !asked || asked.includes(name);
  const compared: ComparedColumn[] = [];
  const notCompared: FileDriftReport['notCompared'] = [];
  for (const c of reference.filter((r) => wanted(r.name))) {
    if (!current.types.has(c.name)) notCompared.push({ column: c.name, reason: 'not in the current file' });
    else if (c.kind === 'other') notCompared.push({ column: c.name, reason: `${c.type} values are neither numbers nor categories` });
    else compared.push({ name: c.name, kind: c.kind });
  }
  for (const name of current.types.keys()) if (!names.has(name) && wanted(name)) notCompared.push({ column: name, reason: 'not in the reference' });
  if (!compared.length) {
    throw new MlcycleError('INVALID_ARGUMENT', `The reference ${referenceName} and the current file ${current.file} have no column in common to compare (reference: ${[...names].join(', ') || 'none'}; current: ${[...current.types.keys()].join(', ')}).`);
  }
  return { compared, notCompared };
}

async function compare(con: DuckDBConnection, profiling: DuckDBConnection, referencePath: string, currentPath: string, options: FileDriftOptions): Promise<FileDriftReport> {
  const policy = options.policy ?? DEFAULT_POLICY.monitoring;
  const phases: FileDriftReport['phases'] = [];
  let mark = performance.now();
  const lap = (phase: string) => {
    const now = performance.now();
    phases.push({ phase, seconds: (now - mark) / 1000 });
    mark = now;
  };
  const isPackage = looksLikePackage(referencePath);
  const profile = isPackage ? packageProfile(referencePath) : null;
  const referenceSource = profile ? null : await openSource(con, referencePath, 'reference', 'drift_reference');
  const current = await openSource(con, currentPath, 'current', 'drift_current');
  const referenceColumns = profile
    ? profile.features.map((f) => ({ name: f.name, kind: f.kind }))
    : [...referenceSource!.types].map(([name, type]) => ({ name, kind: kindOfType(type), type }));
  const { compared, notCompared } = chooseColumns(referenceColumns, referencePath, current, options.columns);
  lap('open both files');
  // The reference's profiling starts now, on its own connection, while this one reads the current file.
  const profiles = referenceSource ? profileInGroups(profiling, referenceSource.relation, compared) : null;
  const values = await currentValues(con, current, compared).catch(async (error: unknown) => {
    // Nothing to compare after all: stop the profiling before the connections close under it.
    profiling.interrupt();
    await Promise.allSettled(profiles ?? []);
    throw error;
  });
  lap("read the current file's values");
  const referenceRows = profile ? profile.rows : referenceSource!.rows;
  let testing = 0;
  const judge = (ref: FeatureReference) => {
    const started = performance.now();
    const result = featureDrift(ref, referenceRows, values.get(ref.name)!, policy);
    testing += performance.now() - started;
    return result;
  };
  const features = profile
    ? compared.map((c) => judge(profile.features.find((f) => f.name === c.name)!))
    : await judgeAsProfiled(profiles!, judge);
  lap(profile ? 'test each column' : 'profile the reference and test each column');
  phases.push({ phase: 'of which the tests themselves', seconds: testing / 1000 });
  return {
    reference: { file: referencePath, kind: isPackage ? 'package' : 'file', rows: referenceRows },
    current: { file: currentPath, rows: current.rows },
    features,
    dataset: datasetDrift(features, policy),
    notCompared,
    policy,
    phases,
  };
}

/** Columns profiled per round: small enough that the tests of one group run while DuckDB profiles the next. */
const GROUP = 4;

/**
 * The reference profiled a few columns at a time on DuckDB's threads, each group's queries sent as
 * soon as the previous group's are done, whatever this thread is doing meanwhile.
 */
function profileInGroups(con: DuckDBConnection, relation: string, compared: ComparedColumn[]): Array<Promise<FeatureReference[]>> {
  const groups = Array.from({ length: Math.ceil(compared.length / GROUP) }, (_, g) => compared.slice(g * GROUP, (g + 1) * GROUP));
  const out: Array<Promise<FeatureReference[]>> = [];
  let previous: Promise<unknown> = Promise.resolve();
  for (const group of groups) {
    const next = previous.then(() => referenceFromSource(con, relation, group));
    // Awaited later, in order; until then a failure must not count as unhandled.
    next.catch(() => undefined);
    out.push(next);
    previous = next;
  }
  return out;
}

/**
 * Each feature judged as its group's profile arrives, so the tests (sorting the current values is
 * most of their cost) overlap the profiling of the groups after; each test yields, so the profiling's
 * next query can be sent in between.
 */
async function judgeAsProfiled(groups: Array<Promise<FeatureReference[]>>, judge: (ref: FeatureReference) => FeatureDrift): Promise<FeatureDrift[]> {
  const features: FeatureDrift[] = [];
  for (const group of groups) {
    for (const ref of await group) {
      features.push(judge(ref));
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return features;
}

/** Compares the current file with the reference (a package or a data file); see FileDriftReport. */
export async function fileDrift(referencePath: string, currentPath: string, options: FileDriftOptions = {}): Promise<FileDriftReport> {
  const instance = await DuckDBInstance.create(':memory:', { threads: String(Math.max(1, os.availableParallelism())) });
  const con = await instance.connect();
  const profiling = await instance.connect();
  try {
    return await compare(con, profiling, referencePath, currentPath, options);
  } finally {
    profiling.closeSync();
    con.closeSync();
    instance.closeSync();
  }
}
