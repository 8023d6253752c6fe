import { memo } from 'react';
import { cellText } from '../../../lib/data-words';

interface TableRowProps {
  index: number;
  /** The row's values, or undefined while its page is loading. */
  values: unknown[] | undefined;
  columns: number;
  numeric: boolean[];
}

/** One row of the virtual table; memoised, so a scroll only renders the rows that came into view. */
export const TableRow = memo(function TableRow({ index, values, columns, numeric }: TableRowProps) {
  return (
    <div className="table-row" role="row" aria-rowindex={index + 2} data-testid="table-row" data-row-index={index} data-loaded={values ? 'true' : 'false'}>
      <span className="cell cell-index" role="rowheader">
        {index + 1}
      </span>
      {Array.from({ length: columns }, (_, c) => {
        if (!values)
          return (
            <span key={c} className="cell" role="cell">
              <span className="cell-skeleton" aria-hidden="true" />
            </span>
          );
        const value = values[c];
        if (value === null || value === undefined)
          return (
            <span key={c} className={numeric[c] ? 'cell num' : 'cell'} role="cell">
              <span className="null" title="missing">
                ∅
              </span>
            </span>
          );
        const text = cellText(value);
        return (
          <span key={c} className={numeric[c] ? 'cell num' : 'cell'} role="cell" title={text.length > 16 ? text : undefined}>
            {text}
          </span>
        );
      })}
    </div>
  );
});
