import type { ColumnInfo } from '../../../../shared/data/models';
import { SEMANTIC_LABELS } from '../../lib/data-words';

interface ExcludeColumnsProps {
  columns: ColumnInfo[];
  target: string;
  exclude: string[];
  disabled: boolean;
  onChange(exclude: string[]): void;
}

/** The columns a model may learn from; ticking one leaves it out (an ID, a leak, something not known at prediction time). */
export function ExcludeColumns({ columns, target, exclude, disabled, onChange }: ExcludeColumnsProps) {
  const features = columns.filter((c) => c.name !== target);
  const used = features.filter((c) => !exclude.includes(c.name) && c.semantic !== 'text' && c.semantic !== 'datetime').length;
  return (
    <fieldset className="train-exclude" data-testid="train-exclude" aria-describedby="train-exclude-hint">
      <legend>
        Columns to leave out <span className="muted">({exclude.length} of {features.length})</span>
      </legend>
      <ul className="train-exclude-list">
        {features.map((c) => {
          const unused = c.semantic === 'text' || c.semantic === 'datetime';
          return (
            <li key={c.name}>
              <label className="checkbox-row">
                <input
                  type="checkbox"
                  data-testid={`train-exclude-${c.name}`}
                  checked={exclude.includes(c.name)}
                  disabled={disabled}
                  onChange={(e) => onChange(e.target.checked ? [...exclude, c.name] : exclude.filter((x) => x !== c.name))}
                />
                <span className="mono">{c.name}</span>
                <span className="muted">{SEMANTIC_LABELS[c.semantic].toLowerCase()}{unused ? ' · not used directly' : ''}</span>
              </label>
            </li>
          );
        })}
      </ul>
      <p className={used === 0 ? 'field-error' : 'hint'} id="train-exclude-hint">
        {used === 0
          ? 'No column is left to learn from: untick at least one (text and date columns do not count).'
          : `${used} ${used === 1 ? 'column' : 'columns'} will be used. Text and date columns need feature engineering first, so the engine skips them.`}
      </p>
    </fieldset>
  );
}
