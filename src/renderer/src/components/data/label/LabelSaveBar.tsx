import { useState, type ReactNode } from 'react';
import type { Job } from '../../../../../shared/contract/models';
import type { DatasetVersion } from '../../../../../shared/data/models';
import { count } from '../../../lib/data-words';
import { toShownError } from '../../../lib/errors';
import { STATUS_EXPLANATIONS } from '../../../lib/format';
import { rowsInWords } from '../../../lib/label-split-rows';
import { parseLabel, type LabelKind } from '../../../lib/label-split-values';
import { useAppStore } from '../../../store';
import { JobProgress } from './JobProgress';
import { PendingList } from './PendingList';
import { useWatchedJob } from './useWatchedJob';

interface LabelSaveBarProps {
  version: DatasetVersion;
  column: string;
  kind: LabelKind;
  pending: Record<number, string>;
  onSaved(): void;
  onRemove(row: number): void;
  onDiscard(): void;
  /** More actions beside Discard and Save (the table's "Review in the Label tab"). */
  extra?: ReactNode;
}

/**
 * The labels typed so far and the way to keep them: "Save N labels" runs `data.label` as a job
 * that writes a new version (the parent stays as it was), which is then selected.
 */
export function LabelSaveBar({ version, column, kind, pending, onSaved, onRemove, onDiscard, extra }: LabelSaveBarProps) {
  const client = useAppStore((s) => s.client);
  const loadDatasets = useAppStore((s) => s.loadDatasets);
  const selectVersion = useAppStore((s) => s.selectVersion);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const { job, watch } = useWatchedJob(`label:${version.id}`, (ended: Job) => {
    if (ended.status === 'succeeded') {
      onSaved();
      const result = ended.result as { versionId: string };
      void loadDatasets().then(() => selectVersion(result.versionId));
    } else {
      setError(`The labels were not saved. ${ended.error?.message ?? STATUS_EXPLANATIONS[ended.status] ?? ''}`.trim());
    }
  });

  const entries = Object.entries(pending).filter(([, text]) => text.trim() !== '');
  const invalid = entries.filter(([, text]) => parseLabel(text, kind).error !== null).map(([row]) => Number(row));
  const n = entries.length;

  const save = async () => {
    if (!client || n === 0 || invalid.length > 0) return;
    setError(null);
    setStarting(true);
    try {
      const values = entries.map(([row, text]) => ({ row: Number(row), value: parseLabel(text, kind).value! }));
      watch(await client.call('data.label', { ref: version.id, column, values }));
    } catch (e) {
      setError(`The labels were not saved: ${toShownError(e).message}`);
    } finally {
      setStarting(false);
    }
  };

  return (
    <div className="ls-save-bar" data-testid="label-save-bar">
      <div className="ls-save-row">
        <p className="ls-pending-count" data-testid="label-pending-count" aria-live="polite">
          {n === 0 ? 'No labels typed yet.' : `${count(n)} ${n === 1 ? 'label' : 'labels'} pending — not saved yet.`}
        </p>
        {extra}
        {n > 0 && !job && (
          <button type="button" className="button ghost small" onClick={onDiscard}>
            Discard
          </button>
        )}
        <button type="button" className="button primary" data-testid="label-save" disabled={n === 0 || invalid.length > 0 || starting || Boolean(job)} onClick={() => void save()}>
          {job || starting ? 'Saving…' : `Save ${count(n)} ${n === 1 ? 'label' : 'labels'}`}
        </button>
      </div>
      {invalid.length > 0 && (
        <p className="field-error" role="alert">
          Fix the labels of {invalid.length === 1 ? 'row' : 'rows'} {rowsInWords(invalid)} first: {parseLabel(pending[invalid[0]!]!, kind).error}
        </p>
      )}
      {job && <JobProgress job={job} label="Saving labels" testId="label-progress" />}
      {error && (
        <p className="form-error" role="alert" data-testid="label-error">
          {error}
        </p>
      )}
      {n > 0 && <PendingList entries={entries} onRemove={onRemove} />}
    </div>
  );
}
