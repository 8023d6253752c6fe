import type { Dataset, DatasetVersion } from '../../../../shared/data/models';
import { count, SEMANTIC_LABELS } from '../../lib/data-words';
import { Field } from '../form/Field';
import type { RunDraft } from './train-store';

interface DataFieldsProps {
  datasets: Dataset[];
  dataset: string;
  versions: DatasetVersion[] | null;
  version: DatasetVersion | null;
  draft: RunDraft;
  disabled: boolean;
  onChange(change: Partial<RunDraft>): void;
}

/** Which data: the dataset, its version (the latest unless another is chosen) and the column to predict. */
export function DataFields({ datasets, dataset, versions, version, draft, disabled, onChange }: DataFieldsProps) {
  const target = draft.target || version?.target || '';
  return (
    <>
      <div className="train-pair">
        <Field id="train-dataset" label="Dataset">
          {(c) => (
            <select {...c} data-testid="train-dataset" value={dataset} disabled={disabled} onChange={(e) => onChange({ dataset: e.target.value, versionId: '', target: '', split: '', exclude: [] })}>
              {datasets.map((d) => (
                <option key={d.id} value={d.name}>
                  {d.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="train-version" label="Version">
          {(c) => (
            <select {...c} data-testid="train-version" value={draft.versionId} disabled={disabled || !versions} onChange={(e) => onChange({ versionId: e.target.value, target: '', split: '', exclude: [] })}>
              <option value="">{versions?.[0] ? `latest (v${versions[0].version})` : 'latest'}</option>
              {(versions ?? []).map((v) => (
                <option key={v.id} value={v.id}>
                  v{v.version} · {count(v.rows)} rows
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field
        id="train-target"
        label="Target (what to predict)"
        hint={version && !version.target && !draft.target ? `${version.datasetName}@${version.version} has no target yet: choose the column to predict.` : undefined}
      >
        {(c) => (
          <select {...c} data-testid="train-target" value={target} disabled={disabled || !version} onChange={(e) => onChange({ target: e.target.value === version?.target ? '' : e.target.value, exclude: draft.exclude.filter((x) => x !== e.target.value) })}>
            {!target && <option value="">Choose a column…</option>}
            {(version?.columns ?? []).map((col) => (
              <option key={col.name} value={col.name}>
                {col.name} — {col.name === version?.target ? 'the version’s target' : SEMANTIC_LABELS[col.semantic].toLowerCase()}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
