import { useState } from 'react';
import type { DatasetVersion } from '../../../../../shared/data/models';
import { SEMANTIC_LABELS } from '../../../lib/data-words';
import { useAppStore } from '../../../store';

/** Labelling fills the target, so without one there is nothing to do yet: pick one here. */
export function NoTargetCard({ version }: { version: DatasetVersion }) {
  const setColumn = useAppStore((s) => s.setColumn);
  const saving = useAppStore((s) => s.columnSaving);
  const [choice, setChoice] = useState('');
  const id = `label-target-${version.id}`;

  return (
    <section className="card ls-no-target" aria-labelledby={`${id}-title`} data-testid="label-no-target">
      <h3 id={`${id}-title`}>No target chosen</h3>
      <p>
        Labelling fills in the target — the column the model learns to predict — and {version.datasetName}@{version.version} has none yet. Choose it here
        (or in the Schema tab); the data stays as it is.
      </p>
      <form
        className="ls-inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (choice) void setColumn(choice, { target: true });
        }}
      >
        <label htmlFor={id}>Target</label>
        <select id={id} data-testid="label-target-select" value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">Choose a column…</option>
          {version.columns.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name} ({SEMANTIC_LABELS[c.semantic].toLowerCase()})
            </option>
          ))}
        </select>
        <button type="submit" className="button primary" data-testid="label-target-set" disabled={!choice || saving !== null}>
          {saving ? 'Saving…' : 'Make it the target'}
        </button>
      </form>
    </section>
  );
}
