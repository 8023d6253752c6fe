import type { DatasetVersion } from '../../../../../shared/data/models';
import type { SplitStrategy } from '../../../../../shared/data/split';
import { SEMANTIC_LABELS } from '../../../lib/data-words';
import { splitColumns } from '../../../lib/label-split-ratios';
import { Field } from '../../form/Field';

const LABELS: Record<SplitStrategy, string> = { random: '', stratified: 'Keep the class shares of', time: 'Time column (oldest first)', group: 'Group column' };

/** The columns offered for a strategy; stratified always offers the target (the engine's default). */
function candidates(version: DatasetVersion, strategy: SplitStrategy) {
  const sensible = splitColumns(version.columns, strategy);
  const target = version.columns.find((c) => c.name === version.target);
  return strategy === 'stratified' && target && !sensible.includes(target) ? [target, ...sensible] : sensible;
}

/** The column the split uses: the chosen one if still offered, else the target (stratified) or the first offered. */
export function effectiveColumn(version: DatasetVersion, strategy: SplitStrategy, chosen: string): string {
  const offered = candidates(version, strategy);
  if (offered.some((c) => c.name === chosen)) return chosen;
  if (strategy === 'stratified') return version.target ?? '';
  return offered[0]?.name ?? '';
}

const NONE: Record<SplitStrategy, string> = {
  random: '',
  stratified: 'This version has no target: choose the column whose classes every set should keep, or choose a target in the Schema tab.',
  time: 'No date or time column: mark one as Date/time in the Schema tab to split by time.',
  group: 'No column looks like a group (text, categorical or whole numbers): change how a column is treated in the Schema tab.',
};

interface ColumnChoiceProps {
  id: string;
  version: DatasetVersion;
  strategy: SplitStrategy;
  value: string;
  error?: string;
  onChange(column: string): void;
}

export function ColumnChoice({ id, version, strategy, value, error, onChange }: ColumnChoiceProps) {
  const offered = candidates(version, strategy);
  const hint = !value || offered.length === 0 ? NONE[strategy] : undefined;
  return (
    <Field id={id} label={LABELS[strategy]} hint={hint} error={error} className="ls-column">
      {(control) => (
        <select {...control} data-testid="split-column" value={value} onChange={(e) => onChange(e.target.value)}>
          {!value && <option value="">Choose a column…</option>}
          {offered.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name}
              {c.name === version.target ? ' (the target)' : ''} — {SEMANTIC_LABELS[c.semantic].toLowerCase()}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
