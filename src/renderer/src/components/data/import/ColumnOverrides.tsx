import { SEMANTIC_TYPES, type SemanticType } from '../../../../../shared/data/models';
import { SEMANTIC_LABELS } from '../../../lib/data-words';
import type { ColumnOverride } from '../../../lib/import-form';
import { problemAt, type FormProblem } from '../../../lib/problems';
import { FieldError } from '../../form/FieldError';
import { importId } from './import-ids';

const COMMON_TYPES = ['VARCHAR', 'BIGINT', 'INTEGER', 'DOUBLE', 'DECIMAL(18,2)', 'BOOLEAN', 'DATE', 'TIMESTAMP'];

/**
 * Per-column overrides of what the engine detects: a storage type (a zip code kept as text) and
 * how the column is treated (an integer code as categorical). Rows are added as needed.
 */
export function ColumnOverrides({ columns, problem, onChange }: { columns: ColumnOverride[]; problem: FormProblem | null; onChange(columns: ColumnOverride[]): void }) {
  const update = (index: number, change: Partial<ColumnOverride>) => onChange(columns.map((c, i) => (i === index ? { ...c, ...change } : c)));
  const typesError = problemAt(problem, 'options.types') ?? problemAt(problem, 'options.semantic');

  return (
    <fieldset className="column-overrides">
      <legend>Column types</legend>
      <p className="hint">Types are detected from the data. Override them only where the guess would be wrong.</p>
      {columns.length > 0 && (
        <table className="rows-table">
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Storage type</th>
              <th scope="col">Treat as</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {columns.map((column, index) => {
              const error = problemAt(problem, `options.columns[${index}]`);
              return (
                <tr key={index}>
                  <td>
                    <input id={importId(`options.columns[${index}]`)} aria-label={`Column ${index + 1} name`} data-testid="import-type-column" value={column.name} onChange={(e) => update(index, { name: e.target.value })} aria-invalid={error ? true : undefined} />
                    {error && <FieldError id={`${importId(`options.columns[${index}]`)}-error`} message={error} />}
                  </td>
                  <td>
                    <input aria-label={`Column ${index + 1} storage type`} data-testid="import-type-type" list="duckdb-types" value={column.type} placeholder="as detected" onChange={(e) => update(index, { type: e.target.value })} />
                  </td>
                  <td>
                    <select aria-label={`Column ${index + 1} treated as`} value={column.semantic} onChange={(e) => update(index, { semantic: e.target.value as SemanticType | '' })}>
                      <option value="">As detected</option>
                      {SEMANTIC_TYPES.map((s) => (
                        <option key={s} value={s}>
                          {SEMANTIC_LABELS[s]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button type="button" className="icon-button" aria-label={`Remove column ${index + 1}`} onClick={() => onChange(columns.filter((_, i) => i !== index))}>
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {typesError && <FieldError id={importId('options.types')} message={typesError} />}
      <datalist id="duckdb-types">
        {COMMON_TYPES.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      <button type="button" className="button small" data-testid="import-add-type" onClick={() => onChange([...columns, { name: '', type: '', semantic: '' }])}>
        + Override a column
      </button>
    </fieldset>
  );
}
