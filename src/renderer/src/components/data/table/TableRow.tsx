import { memo } from 'react';
import { cellText } from '../../../lib/data-words';

interface TableRowProps {
  index: number;
  /** The row's values, or undefined while its page is loading. */
  values: unknown[] | undefined;
  columns: number;
  numeric: boolean[];
  /** The target column's place, or -1 without a target: its cells are tinted so labels stand out. */
  target: number;
  selected: boolean;
  /** The keyboard's row (its id is the grid's aria-activedescendant). */
  cursor: boolean;
  id: string;
  /** A label set for this row and not saved yet: shown in place of the target's value. */
  pending: string | undefined;
}

/** One row of the virtual table; memoised, so a scroll only renders the rows that came into view. */
export const TableRow = memo(function TableRow({ index, values, columns, numeric, target, selected, cursor, id, pending }: TableRowProps) {
  const classes = ['table-row', selected ? 'is-selected' : '', cursor ? 'is-cursor' : ''].filter(Boolean).join(' ');
  return (
    <div
      id={id}
      className={classes}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-testid="table-row"
      data-row-index={index}
      data-loaded={values ? 'true' : 'false'}
      data-pending={pending ? 'true' : undefined}
    >
      <span className="cell cell-index" role="rowheader">
        {index + 1}
      </span>
      {Array.from({ length: columns }, (_, c) => {
        const className = `cell${numeric[c] ? ' num' : ''}${c === target ? ' cell-target' : ''}`;
        if (c === target && pending) return <PendingCell key={c} className={className} text={pending} was={values?.[c]} />;
        if (!values)
          return (
            <span key={c} className={className} role="cell">
              <span className="cell-skeleton" aria-hidden="true" />
            </span>
          );
        const value = values[c];
        if (value === null || value === undefined)
          return (
            <span key={c} className={className} role="cell">
              <span className="null" title="missing">
                ∅
              </span>
            </span>
          );
        const text = cellText(value);
        return (
          <span key={c} className={className} role="cell" title={text.length > 16 ? text : undefined}>
            {text}
          </span>
        );
      })}
    </div>
  );
});

/** The label about to be written, marked as not saved, with what the row holds now in its title. */
function PendingCell({ className, text, was }: { className: string; text: string; was: unknown }) {
  const now = was === null || was === undefined ? 'empty' : `“${cellText(was)}”`;
  return (
    <span className={`${className} cell-pending`} role="cell" title={`${text} — pending label, not saved yet (now ${now})`} data-testid="table-pending-cell">
      <span className="pending-dot" aria-hidden="true" />
      {text}
      <span className="visually-hidden"> (pending, not saved)</span>
    </span>
  );
}
