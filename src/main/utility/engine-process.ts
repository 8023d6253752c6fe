/**
 * Entry of the engine's Electron utility process (out/main/engine-process.js).
 * Plain Node code: it must not import `electron`. Main forks it with `utilityProcess.fork` and then
 * hands it one MessagePort per renderer window through `process.parentPort`.
 */
import { createEngine } from '../engine/engine';
import { serveOverParentPort, type ParentPortLike } from './engine-service';

const log = (line: string) => process.stderr.write(`[mlcycle engine] ${line}\n`);

const parent = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
if (!parent) {
  log('this script runs inside Electron (utilityProcess.fork); for a terminal use "mlcycle ui" or "mlcycle --help".');
  process.exit(2);
}

const engine = createEngine({ host: 'electron' });
const service = serveOverParentPort(engine, parent, log);
parent.postMessage({ type: 'ready', pid: process.pid });

void service.shutdown.then(
  () => process.exit(0),
  (error: unknown) => {
    log(`shutdown failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
