import { CAST_TYPES, IMPUTE_WORDS, type ImputeMethod, type StepColumn, type StepDraft } from '../../../lib/clean-steps';
import { count } from '../../../lib/data-words';
import { Field, type ControlProps } from '../../form/Field';

interface StepFieldsProps {
  draft: StepDraft;
  /** The columns this step sees (what the steps before it left). */
  columns: StepColumn[];
  /** Per field, why the step cannot run yet (or why the engine refused it). */
  errors: Record<string, string>;
  onChange(draft: StepDraft): void;
}

const CAST_LIST_ID = 'clean-cast-types';

/** The types Cast suggests: one list per page, however many cast steps point at it. */
export function CastTypeList() {
  return (
    <datalist id={CAST_LIST_ID}>
      {CAST_TYPES.map((t) => (
        <option key={t} value={t} />
      ))}
    </datalist>
  );
}

/** A column picker over the columns the step sees; a name that is not among them stays shown, marked. */
function ColumnSelect({ control, value, columns, onChange }: { control: ControlProps; value: string; columns: StepColumn[]; onChange(name: string): void }) {
  const known = columns.some((c) => c.name === value);
  return (
    <select {...control} data-testid="clean-column" value={value} onChange={(e) => onChange(e.target.value)}>
      {!known && <option value={value}>{value ? `${value} (not here)` : 'Choose a column'}</option>}
      {columns.map((c) => (
        <option key={c.name} value={c.name}>
          {c.type ? `${c.name} · ${c.type}` : c.name}
        </option>
      ))}
    </select>
  );
}

/** The inputs of one step, fitting its kind; ids are unique per step so labels and errors tie up. */
export function StepFields({ draft, columns, errors, onChange }: StepFieldsProps) {
  const id = (field: string) => `clean-${draft.id}-${field}`;
  /** The column a step works on, picked from those it sees. */
  const columnField = (field: 'column' | 'from', value: string, set: (name: string) => void) => (
    <Field id={id(field)} label="Column" error={errors[field]}>
      {(c) => <ColumnSelect control={c} value={value} columns={columns} onChange={set} />}
    </Field>
  );
  switch (draft.op) {
    case 'drop': {
      const shown = [...columns.map((c) => c.name), ...draft.columns.filter((name) => !columns.some((c) => c.name === name))];
      const toggle = (name: string, on: boolean) => onChange({ ...draft, columns: on ? [...draft.columns, name] : draft.columns.filter((c) => c !== name) });
      return (
        <fieldset className="clean-drop" aria-describedby={errors.columns ? id('columns-error') : undefined}>
          <legend>Columns to drop {draft.columns.length > 0 && <span className="muted">({count(draft.columns.length)} chosen)</span>}</legend>
          <div className="clean-drop-list">
            {shown.map((name) => (
              <label key={name} className="checkbox-row">
                <input type="checkbox" data-testid={`clean-drop-${name}`} checked={draft.columns.includes(name)} onChange={(e) => toggle(name, e.target.checked)} />
                <span className="mono">{name}</span>
              </label>
            ))}
          </div>
          {errors.columns && (
            <p className="field-error" id={id('columns-error')} data-testid="field-error">
              <span aria-hidden="true">⚠ </span>
              {errors.columns}
            </p>
          )}
        </fieldset>
      );
    }
    case 'rename':
      return (
        <div className="clean-fields">
          {columnField('from', draft.from, (from) => onChange({ ...draft, from }))}
          <Field id={id('to')} label="New name" error={errors.to}>
            {(c) => <input {...c} data-testid="clean-rename-to" value={draft.to} spellCheck={false} onChange={(e) => onChange({ ...draft, to: e.target.value })} />}
          </Field>
        </div>
      );
    case 'filter':
      return (
        <div className="clean-fields">
          <Field id={id('where')} label="Keep rows where" hint="An SQL condition over this step's columns, e.g. age >= 18 AND income IS NOT NULL" error={errors.where} className="clean-wide">
            {(c) => <input {...c} className="mono" data-testid="clean-where" value={draft.where} spellCheck={false} placeholder="age >= 18" onChange={(e) => onChange({ ...draft, where: e.target.value })} />}
          </Field>
        </div>
      );
    case 'impute':
      return (
        <div className="clean-fields">
          {columnField('column', draft.column, (column) => onChange({ ...draft, column }))}
          <Field id={id('method')} label="Fill with" error={errors.method}>
            {(c) => (
              <select {...c} data-testid="clean-method" value={draft.method} onChange={(e) => onChange({ ...draft, method: e.target.value as ImputeMethod })}>
                {Object.entries(IMPUTE_WORDS).map(([method, words]) => (
                  <option key={method} value={method}>
                    {words}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {draft.method === 'constant' && (
            <Field id={id('value')} label="Value" error={errors.value}>
              {(c) => <input {...c} data-testid="clean-value" value={draft.value} onChange={(e) => onChange({ ...draft, value: e.target.value })} />}
            </Field>
          )}
        </div>
      );
    case 'cast':
      return (
        <div className="clean-fields">
          {columnField('column', draft.column, (column) => onChange({ ...draft, column }))}
          <Field id={id('type')} label="New type" hint="A DuckDB type; pick one or type another" error={errors.type}>
            {(c) => <input {...c} className="mono" list={CAST_LIST_ID} data-testid="clean-type" value={draft.type} spellCheck={false} onChange={(e) => onChange({ ...draft, type: e.target.value })} />}
          </Field>
        </div>
      );
    case 'clip':
      return (
        <div className="clean-fields">
          {columnField('column', draft.column, (column) => onChange({ ...draft, column }))}
          {(['lower', 'upper'] as const).map((bound) => (
            <Field key={bound} id={id(bound)} label={bound === 'lower' ? 'Lower quantile' : 'Upper quantile'} error={errors[bound]} className="clean-narrow">
              {(c) => (
                <input {...c} type="number" inputMode="decimal" min={0} max={1} step={0.01} data-testid={`clean-${bound}`} value={draft[bound]} onChange={(e) => onChange({ ...draft, [bound]: e.target.value })} />
              )}
            </Field>
          ))}
        </div>
      );
    case 'dedupe':
      return <p className="muted clean-note">Keeps one copy of the rows that are equal in every column this step sees.</p>;
    case 'derive':
      return (
        <div className="clean-fields">
          <Field id={id('name')} label="New column" error={errors.name}>
            {(c) => <input {...c} data-testid="clean-derive-name" value={draft.name} spellCheck={false} placeholder="income_per_year" onChange={(e) => onChange({ ...draft, name: e.target.value })} />}
          </Field>
          <Field id={id('expression')} label="SQL expression" hint="e.g. income / 12, or CASE WHEN age < 30 THEN 'young' ELSE 'older' END" error={errors.expression} className="clean-wide">
            {(c) => <input {...c} className="mono" data-testid="clean-expression" value={draft.expression} spellCheck={false} onChange={(e) => onChange({ ...draft, expression: e.target.value })} />}
          </Field>
        </div>
      );
    case 'label':
      return (
        <p className="muted clean-note">
          Sets <span className="mono">{draft.step.column}</span> on {count(draft.step.values.length)} rows of the parent version{draft.step.by ? `, labelled by ${draft.step.by}` : ''}. Labels are
          edited in the Label tab.
        </p>
      );
  }
}
