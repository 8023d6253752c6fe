import type { Job } from '../../../shared/contract/models';
import { isActive } from '../lib/jobs';
import type { ImportArgs } from '../lib/import-form';
import { localProblem, toFormProblem, type FormProblem } from '../lib/problems';
import { count } from '../lib/data-words';
import { clientOf, projectGuard } from './client';
import type { SliceCreator } from './types';

/** What a finished `data.import` job reports. */
interface ImportResult {
  versionId: string;
  name: string;
  version: number;
  rows: number;
  rejectedRows: number;
  reused: boolean;
}

export interface ImportSlice {
  importOpen: boolean;
  /** The import job this dialog started; its progress is read from the jobs slice. */
  importJobId: string | null;
  importStarting: boolean;
  /** Why the import was refused or failed, in words, with per-field messages where the engine named fields. */
  importProblem: FormProblem | null;
  /** What the last import did, in words ("Imported 200,000 rows as churn@1"). */
  importOutcome: string | null;
  openImport(): void;
  closeImport(): void;
  startImport(args: ImportArgs): Promise<void>;
  /** Problems found in the dialog before asking the engine. */
  refuseImport(fields: Record<string, string>): void;
  clearImportProblem(): void;
  dismissImportOutcome(): void;
  /** Called for every job update: finishes the import this dialog is waiting for. */
  importJobUpdated(job: Job): void;
}

function outcomeText(result: ImportResult): string {
  const ref = `${result.name}@${result.version}`;
  if (result.reused) return `Same content as ${ref}; reused it.`;
  const skipped = result.rejectedRows > 0 ? ` (${count(result.rejectedRows)} malformed ${result.rejectedRows === 1 ? 'row' : 'rows'} skipped)` : '';
  return `Imported ${count(result.rows)} rows as ${ref}${skipped}.`;
}

const ENDED: Record<string, string> = {
  cancelled: 'The import was cancelled; nothing was imported.',
  interrupted: 'The engine stopped during the import; nothing was imported. Try again.',
};

export const IMPORT_INITIAL = {
  importOpen: false,
  importJobId: null,
  importStarting: false,
  importProblem: null,
  importOutcome: null,
} satisfies Partial<ImportSlice>;

export const createImportSlice: SliceCreator<ImportSlice> = (set, get) => ({
  ...IMPORT_INITIAL,

  openImport() {
    // A refusal from an earlier try is stale once the dialog is opened afresh; a running import is not.
    set((state) => ({ importOpen: true, importProblem: state.importJobId ? state.importProblem : null }));
  },

  closeImport() {
    const jobId = get().importJobId;
    const job = jobId ? get().jobs.find((j) => j.id === jobId) : undefined;
    if (job && isActive(job.status)) get().notify('info', 'The import goes on in the background; the Jobs panel shows its progress.');
    set({ importOpen: false });
  },

  async startImport(args) {
    if (get().importStarting) return;
    const current = projectGuard(get);
    set({ importStarting: true, importProblem: null, importOutcome: null, importJobId: null });
    try {
      const job = await clientOf(get).call('data.import', args);
      if (!current()) return;
      set({ importJobId: job.id });
      get().applyJobUpdate(job);
      // A small file may finish before the reply arrives: act on the latest snapshot we have.
      get().importJobUpdated(get().jobs.find((j) => j.id === job.id) ?? job);
    } catch (error) {
      if (current()) set({ importProblem: toFormProblem(error, '') });
    } finally {
      set({ importStarting: false });
    }
  },

  refuseImport(fields) {
    set({ importProblem: localProblem(fields) });
  },

  clearImportProblem() {
    set({ importProblem: null });
  },

  dismissImportOutcome() {
    set({ importOutcome: null });
  },

  importJobUpdated(job) {
    if (job.kind !== 'data.import' || isActive(job.status)) return;
    if (job.id !== get().importJobId) {
      // Another window or the CLI imported something: keep the list current.
      if (job.status === 'succeeded' && get().datasetsState === 'ready') void get().loadDatasets();
      return;
    }
    // Handled once: later snapshots of the same finished job change nothing.
    set({ importJobId: null });
    if (job.status === 'succeeded') {
      const result = job.result as ImportResult;
      set({ importOutcome: outcomeText(result), importOpen: false, importProblem: null, dataTab: 'table' });
      void get().loadDatasets();
      void get().selectVersion(result.versionId);
      return;
    }
    const message = job.error?.message ?? ENDED[job.status] ?? 'The import failed.';
    set({ importProblem: { message, fields: {}, raised: Date.now() } });
    // Closed while it ran: the dialog keeps the inputs for a retry, and a notice says what happened.
    if (!get().importOpen) get().notify('error', `Import failed: ${message}`);
  },
});
