import type { FormProblem } from '../../lib/problems';
import { DATA_SOURCE_KINDS, emptyDataSource, type DataSourceRow } from '../../lib/objective-form';
import { FieldError } from '../form/FieldError';
import { objectiveError, objectiveInputId, type SectionProps } from './section-props';

const KINDS = Object.entries(DATA_SOURCE_KINDS) as [DataSourceRow['kind'], string][];

interface CellProps {
  path: string;
  label: string;
  value: string;
  problem: FormProblem | null;
  onChange(value: string): void;
  className?: string;
  placeholder?: string;
  testId?: string;
}

/** One text cell of a row, labelled for assistive tech and showing its own error under it. */
function CellInput({ path, label, value, problem, onChange, className, placeholder, testId }: CellProps) {
  const id = objectiveInputId(path);
  const error = objectiveError(problem, path);
  return (
    <>
      <input
        id={id}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={className}
        placeholder={placeholder}
        data-testid={testId}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && <FieldError id={`${id}-error`} message={error} />}
    </>
  );
}

/** The data the team plans to use, one row per source, before anything is imported. */
export function DataSourceRows({ form, edit, problem }: SectionProps) {
  const rows = form.dataSources;
  const update = (index: number, change: Partial<DataSourceRow>) => edit({ dataSources: rows.map((row, i) => (i === index ? { ...row, ...change } : row)) });
  const remove = (index: number) => edit({ dataSources: rows.filter((_, i) => i !== index) });
  const add = () => {
    edit({ dataSources: [...rows, emptyDataSource()] });
    // Put the cursor in the new row, where the next keystroke belongs.
    requestAnimationFrame(() => document.getElementById(objectiveInputId(`dataSources[${rows.length}].name`))?.focus());
  };

  return (
    <fieldset className="form-section">
      <legend>Planned data sources</legend>
      {rows.length === 0 ? (
        <p className="muted">No data sources planned yet. Name the tables and files the model will learn from.</p>
      ) : (
        <table className="rows-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">Location</th>
              <th scope="col">Notes</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const n = index + 1;
              const at = (field: string) => `dataSources[${index}].${field}`;
              return (
                <tr key={index} data-testid="data-source-row">
                  <td>
                    <CellInput path={at('name')} label={`Data source ${n}: name`} value={row.name} problem={problem} testId={`source-name-${index}`} onChange={(name) => update(index, { name })} />
                  </td>
                  <td>
                    <select id={objectiveInputId(at('kind'))} aria-label={`Data source ${n}: kind`} value={row.kind} onChange={(e) => update(index, { kind: e.target.value as DataSourceRow['kind'] })}>
                      {KINDS.map(([value, label]) => (
                        <option key={value} value={value}>
                          {label}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <CellInput path={at('location')} label={`Data source ${n}: location`} value={row.location} problem={problem} className="mono" placeholder="path, URL or table" onChange={(location) => update(index, { location })} />
                  </td>
                  <td>
                    <CellInput path={at('notes')} label={`Data source ${n}: notes`} value={row.notes} problem={problem} onChange={(notes) => update(index, { notes })} />
                  </td>
                  <td>
                    <button type="button" className="button small ghost" aria-label={`Remove data source ${n}`} onClick={() => remove(index)}>
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div>
        <button type="button" className="button small" data-testid="objective-add-source" onClick={add}>
          + Add a data source
        </button>
      </div>
    </fieldset>
  );
}
