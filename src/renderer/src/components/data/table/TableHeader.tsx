import type { ColumnInfo } from '../../../../../shared/data/models';
import { SEMANTIC_LABELS } from '../../../lib/data-words';

/** The sticky header: each column's name, storage type and how it is treated; the target is marked. */
export function TableHeader({ columns, numeric, target }: { columns: ColumnInfo[]; numeric: boolean[]; target: string | null }) {
  return (
    <div className="table-header" role="row" aria-rowindex={1}>
      <span className="cell cell-index" role="columnheader">
        #
      </span>
      {columns.map((column, c) => (
        <span key={column.name} className={`cell head${numeric[c] ? ' num' : ''}${column.name === target ? ' head-target' : ''}`} role="columnheader" title={`${column.name}: ${column.type}, treated as ${SEMANTIC_LABELS[column.semantic].toLowerCase()}`}>
          <span className="head-name">
            {column.name}
            {column.name === target && <span className="target-mark">target</span>}
          </span>
          <span className="head-type">
            {column.type} · {SEMANTIC_LABELS[column.semantic].toLowerCase()}
          </span>
        </span>
      ))}
    </div>
  );
}
