/**
 * The sandboxed preload (out/preload/index.cjs). Exposes `window.mlcycle = {call, on, pathForFile}` and
 * nothing else: never `ipcRenderer`, never Node. The engine connection is a MessagePort that main hands over
 * on request ('mlcycle:connect' → 'mlcycle:port'); see port-bridge.ts for queueing and reconnects.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createPortBridge, exposedApi, type PortLike } from './port-bridge';
import { IPC_CONNECT, IPC_PORT, IPC_UNAVAILABLE } from './channels';

const bridge = createPortBridge({ requestPort: () => ipcRenderer.send(IPC_CONNECT) });

ipcRenderer.on(IPC_PORT, (event) => {
  const port = event.ports[0] as unknown as PortLike | undefined;
  if (port) bridge.attach(port);
});
ipcRenderer.on(IPC_UNAVAILABLE, (_event, reason: unknown) => bridge.fail(typeof reason === 'string' ? reason : 'unknown reason'));

// A dropped or chosen File's path on disk, so the desktop app imports files where they lie instead of uploading.
contextBridge.exposeInMainWorld('mlcycle', { ...exposedApi(bridge), pathForFile: (file: File) => webUtils.getPathForFile(file) });
bridge.connect();
