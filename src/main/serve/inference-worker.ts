import { parentPort } from 'node:worker_threads';
import ort from 'onnxruntime-node';
import type { PlainTensor, ToInferenceWorker } from './inference-pool';

/**
 * One inference thread of the model server: it holds its own onnxruntime session per model and runs
 * what the main thread sends. onnxruntime-node's session.run computes on the calling thread, so this
 * is how the server uses more than one core.
 */
const sessions = new Map<string, ort.InferenceSession>();

function plain(tensor: ort.Tensor): PlainTensor {
  return { type: tensor.type as PlainTensor['type'], data: tensor.data as PlainTensor['data'], dims: tensor.dims.map(Number) };
}

parentPort!.on('message', async (message: ToInferenceWorker) => {
  try {
    if (message.type === 'load') {
      sessions.set(message.key, await ort.InferenceSession.create(message.bytes, { intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: 'all' }));
      parentPort!.postMessage({ id: message.id, ok: true });
    } else if (message.type === 'release') {
      await sessions.get(message.key)?.release();
      sessions.delete(message.key);
      parentPort!.postMessage({ id: message.id, ok: true });
    } else {
      const session = sessions.get(message.key);
      if (!session) throw new Error(`model ${message.key} is not loaded on this thread`);
      const feeds = Object.fromEntries(Object.entries(message.feeds).map(([name, t]) => [name, new ort.Tensor(t.type, t.data, t.dims)]));
      const out = await session.run(feeds);
      const outputs = Object.fromEntries(Object.entries(out).map(([name, t]) => [name, plain(t)]));
      const transfer = Object.values(outputs).flatMap((t) => (ArrayBuffer.isView(t.data) ? [t.data.buffer as ArrayBuffer] : []));
      parentPort!.postMessage({ id: message.id, ok: true, outputs }, transfer);
    }
  } catch (error) {
    parentPort!.postMessage({ id: message.id, ok: false, error: (error as Error).message });
  }
});
