import type { Client } from '../../../shared/client';
import type { SystemInfo } from '../../../shared/contract/models';
import { connectToEngine } from '../api/bridge';
import { toShownError } from '../lib/errors';
import type { SliceCreator } from './types';

/** What `data-app-state` says: tests and the Electron shell wait for "ready" instead of sleeping. */
export type AppLoadState = 'connecting' | 'ready' | 'error';

export interface ConnectionSlice {
  appState: AppLoadState;
  /** Why the app is in the "error" state, in words. */
  connectionError: string | null;
  client: Client | null;
  system: SystemInfo | null;
  /** Connects once (later calls are ignored), wires engine events into the store, loads the first view. */
  connect(): Promise<void>;
  /** Starts over with a fresh page (the only way back after the engine went away). */
  reload(): void;
}

export const LOST_CONNECTION =
  'Lost connection to the MLCycle engine — restart `mlcycle ui` and reload this page.';

export const createConnectionSlice: SliceCreator<ConnectionSlice> = (set, get) => {
  let started = false;
  return {
    appState: 'connecting',
    connectionError: null,
    client: null,
    system: null,

    async connect() {
      if (started) return;
      started = true;
      try {
        const connection = await connectToEngine();
        const { client } = connection;
        client.on('job.updated', (job) => {
          get().applyJobUpdate(job);
          // Workspaces that started a job finish their part (select the imported version, fetch the profile).
          get().importJobUpdated(job);
          get().profileJobUpdated(job);
        });
        client.on('job.log', (line) => get().applyJobLog(line));
        client.on('project.changed', (project) => void get().adoptProject(project));
        // Any client (this window, another window, the CLI) may change governance: keep the derived
        // views current. Drafts being edited here are left alone.
        client.on('audit.recorded', (entry) => {
          if (/^(objective|policy|people|decisions)\./.test(entry.action)) get().governanceChanged();
          if (entry.action === 'data.setColumn') void get().dataAnnotated();
        });
        connection.onClose((reason) => {
          set({ appState: 'error', connectionError: `${LOST_CONNECTION} (${reason})` });
        });
        set({ client });
        const system = await client.call('system.info');
        set({ system });
        const project = await client.call('project.current');
        await get().adoptProject(project);
        if (get().appState === 'connecting') set({ appState: 'ready' });
      } catch (error) {
        set({ appState: 'error', connectionError: toShownError(error).message });
      }
    },

    reload() {
      window.location.reload();
    },
  };
};
