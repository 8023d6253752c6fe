import { SEMANTIC_TYPES, type DatasetVersion, type SemanticType } from '../../../../shared/data/models';
import { SEMANTIC_LABELS } from '../../lib/data-words';
import { useAppStore } from '../../store';

const SEMANTIC_HINTS: Record<SemanticType, string> = {
  numeric: 'a quantity: scaled, histogram, correlations',
  categorical: 'a label from a small set: one-hot encoded, top values',
  text: 'free text: length statistics',
  datetime: 'a point in time: range, time splits',
  boolean: 'true or false',
};

/**
 * Each column's storage type (fixed at import) and how it is treated (changeable: an integer code
 * is often categorical), and which column is the target the model learns to predict.
 */
export function SchemaPanel({ version }: { version: DatasetVersion }) {
  const saving = useAppStore((s) => s.columnSaving);
  const setColumn = useAppStore((s) => s.setColumn);
  const busy = saving !== null;

  return (
    <div className="schema-panel">
      <p className="muted">
        Changing how a column is treated or choosing the target keeps this version&apos;s data as it is; its profile is computed again.
      </p>
      <table className="schema-table">
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Storage type</th>
            <th scope="col">Treated as</th>
            <th scope="col">Target</th>
          </tr>
        </thead>
        <tbody>
          {version.columns.map((column) => {
            const isTarget = version.target === column.name;
            return (
              <tr key={column.name} className={isTarget ? 'is-target' : undefined} data-testid="schema-row" data-column={column.name}>
                <th scope="row">
                  {column.name}
                  {saving === column.name && <span className="spinner" aria-label="saving" />}
                </th>
                <td className="mono">{column.type}</td>
                <td>
                  <select
                    aria-label={`Treat ${column.name} as`}
                    data-testid={`schema-semantic-${column.name}`}
                    value={column.semantic}
                    disabled={busy}
                    title={SEMANTIC_HINTS[column.semantic]}
                    onChange={(e) => void setColumn(column.name, { semantic: e.target.value as SemanticType })}
                  >
                    {SEMANTIC_TYPES.map((s) => (
                      <option key={s} value={s}>
                        {SEMANTIC_LABELS[s]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <label className="target-choice">
                    <input
                      type="radio"
                      name={`target-${version.id}`}
                      data-testid={`schema-target-${column.name}`}
                      checked={isTarget}
                      disabled={busy}
                      onChange={() => void setColumn(column.name, { target: true })}
                    />
                    <span className="visually-hidden">{column.name} is the target</span>
                  </label>
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={3} className="muted">
              No target (unsupervised, or decide later)
            </td>
            <td>
              <label className="target-choice">
                <input
                  type="radio"
                  name={`target-${version.id}`}
                  data-testid="schema-target-none"
                  checked={version.target === null}
                  disabled={busy}
                  onChange={() => version.target && void setColumn(version.target, { target: false })}
                />
                <span className="visually-hidden">No target</span>
              </label>
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
