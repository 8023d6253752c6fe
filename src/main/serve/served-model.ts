import { createHash } from 'node:crypto';
import ort from 'onnxruntime-node';
import type { Signature } from '../engine/registry/package-docs';
import type { PublicKeyInfo } from '../engine/signing/keys';
import { readPackage, verifyContents } from '../engine/signing/verify';
import type { InferencePool } from './inference-pool';

/** A verified package with its onnxruntime session, ready to answer requests. */
export interface ServedModel {
  name: string;
  version: string;
  signature: Signature;
  session: ort.InferenceSession;
  /** sha256 of manifest.json: identifies exactly which signed package is loaded. */
  manifestSha256: string;
  /** Where it was loaded from. */
  source: string;
  loadedAt: string;
  /** The execution provider the session runs on (cpu unless cuda was asked for and loaded). */
  provider: 'cpu' | 'cuda';
  /** Scores feeds: on an inference thread when the server has a pool, else on this thread. */
  run(feeds: Record<string, ort.Tensor>): Promise<Record<string, ort.Tensor>>;
  /** Frees the model's sessions (here and on every inference thread). */
  release(): Promise<void>;
}

export type ExecutionProvider = 'cpu' | 'cuda';

export class PackageRejected extends Error {}

/**
 * Verifies a package folder or .mlpkg against the trusted keys and opens its graph. CUDA is tried
 * only when asked for; where its libraries are missing the session falls back to cpu and `onFallback`
 * says why (logged by the server), so a deploy never fails for want of a GPU.
 */
let loads = 0;

/** sha256 of a package's manifest.json (what identifies its signed contents); null when it has none. */
export function manifestSha256Of(contents: Map<string, Uint8Array>): string | null {
  const manifest = contents.get('manifest.json');
  return manifest ? createHash('sha256').update(manifest).digest('hex') : null;
}

export async function loadServedModel(location: string, trusted: Map<string, PublicKeyInfo & { name: string }>, provider: ExecutionProvider, onFallback: (why: string) => void = () => {}, pool: InferencePool | null = null): Promise<ServedModel> {
  const { contents, unsafe } = readPackage(location);
  const verified = verifyContents(contents, trusted, unsafe);
  if (!verified.ok) throw new PackageRejected(`${location} did not verify: ${verified.problems.map((p) => p.message).join(' ')}`);
  const signature = JSON.parse(Buffer.from(contents.get('signature.json')!).toString('utf8')) as Signature;
  const model = contents.get('model.onnx')!;
  // One intra-op thread per run. onnxruntime-node's session.run is not asynchronous: it runs the
  // graph synchronously on the JavaScript thread (deferred by a setImmediate), not on the libuv pool,
  // so UV_THREADPOOL_SIZE does not matter and concurrent requests take turns on one core. More
  // intra-op threads would only add synchronisation to the small batches a server sees.
  const options: ort.InferenceSession.SessionOptions = { intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: 'all' };
  let session: ort.InferenceSession;
  let used: ExecutionProvider = 'cpu';
  if (provider === 'cuda') {
    try {
      session = await ort.InferenceSession.create(model, { ...options, executionProviders: ['cuda'] });
      used = 'cuda';
    } catch (error) {
      onFallback(`CUDA execution provider unavailable (${(error as Error).message.split('\n')[0]}); serving ${signature.model} on cpu`);
      session = await ort.InferenceSession.create(model, options);
    }
  } else session = await ort.InferenceSession.create(model, options);
  const manifestSha256 = manifestSha256Of(contents)!;
  // A GPU session parallelises by itself; the CPU threads of the pool are for cpu sessions.
  const threaded = pool && used === 'cpu' ? pool : null;
  const key = `${signature.model}@${signature.version}#${manifestSha256.slice(0, 12)}-${++loads}`;
  if (threaded) await threaded.load(key, model);
  return {
    name: signature.model,
    version: signature.version,
    signature,
    session,
    manifestSha256,
    run: threaded ? (feeds) => threaded.run(key, feeds) : (feeds) => session.run(feeds) as Promise<Record<string, ort.Tensor>>,
    release: async () => {
      await threaded?.release(key);
      await session.release();
    },
    source: location,
    loadedAt: new Date().toISOString(),
    provider: used,
  };
}
