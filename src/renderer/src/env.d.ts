import type { MlcycleBridge } from '../../shared/client';

declare global {
  /** Injected by electron.vite.config.ts (`define`). */
  const __MLCYCLE_VERSION__: string;

  interface Window {
    /** Present only inside Electron: what the sandboxed preload exposes (call, on, and a dropped file's path). */
    readonly mlcycle?: MlcycleBridge & { pathForFile?(file: File): string };
  }
}

export {};
