import type { MlcycleBridge } from '../../shared/client';

declare global {
  /** Injected by electron.vite.config.ts (`define`). */
  const __MLCYCLE_VERSION__: string;

  interface Window {
    /** Present only inside Electron: the two functions the sandboxed preload exposes. */
    readonly mlcycle?: MlcycleBridge;
  }
}

export {};
