import type { MlcycleBridge } from '../../shared/client';
import { fromApiError } from '../../shared/contract/errors';
import type { Engine } from './engine';

/**
 * The in-process transport (CLI, unit tests): requests still go through the envelope and the
 * boundary checks, only without serialisation. Results are structured-cloned so callers cannot
 * mutate engine state by accident, as over a real wire.
 */
export function inProcessBridge(engine: Engine): MlcycleBridge {
  let nextId = 1;
  return {
    async call(method, args) {
      const reply = await engine.dispatch({ id: nextId++, method, args: args === undefined ? {} : structuredClone(args) });
      if ('error' in reply) throw fromApiError(reply.error);
      return structuredClone(reply.result);
    },
    on(event, listener) {
      return engine.onEvent((name, payload) => {
        if (name === event) listener(structuredClone(payload));
      });
    },
  };
}
