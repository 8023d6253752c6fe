import { useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { DatasetVersion } from '../../../../../shared/data/models';
import { gridTemplate } from '../../../lib/column-widths';
import { count, isNumericType } from '../../../lib/data-words';
import { ROW_HEIGHT, rowWindow, scrollTopForRow } from '../../../lib/virtual-rows';
import { useAppStore } from '../../../store';
import { TableHeader } from './TableHeader';
import { TableRow } from './TableRow';
import { TableToolbar } from './TableToolbar';

/** Height of the sticky header (kept in step with .table-header in table.css). */
const HEADER_HEIGHT = 48;
/** Rows loaded beyond the viewport each way, so ordinary scrolling never shows placeholders. */
const MARGIN = 150;

/**
 * A virtual table over all rows of a version: only the rows in view are in the DOM, a spacer gives
 * the scroll bar its length, and pages of rows are read from the engine as they come into view.
 */
export function DataTable({ version }: { version: DatasetVersion }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(0);
  useAppStore((s) => s.rowsTick); // re-render when a page arrives
  const rowAt = useAppStore((s) => s.rowAt);
  const wantRows = useAppStore((s) => s.wantRows);
  const total = version.rows;
  const columns = version.columns;
  const numeric = useMemo(() => columns.map((c) => isNumericType(c.type)), [columns]);
  const grid = useMemo(() => gridTemplate(columns, total), [columns, total]);
  const win = rowWindow(total, scrollTop, viewport);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setViewport(Math.max(0, el.clientHeight - HEADER_HEIGHT));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (viewport <= 0 || total === 0) return;
    wantRows(version.id, columns.length, Math.max(0, win.first - MARGIN), Math.min(total - 1, win.last + MARGIN));
  }, [version.id, columns.length, total, viewport, win.first, win.last, wantRows]);

  const goToRow = (row: number) => {
    const el = ref.current;
    if (el) el.scrollTop = Math.ceil(scrollTopForRow(row, total, viewport));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const el = ref.current;
    if (!el || event.altKey || event.metaKey) return;
    const page = Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1);
    const moves: Record<string, () => void> = {
      PageDown: () => goToRow(win.first + page),
      PageUp: () => goToRow(win.first - page),
      ArrowDown: () => goToRow(win.first + 1),
      ArrowUp: () => goToRow(win.first - 1),
      Home: () => (el.scrollTop = 0),
      End: () => (el.scrollTop = el.scrollHeight),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    move();
  };

  const rows = [];
  for (let index = win.first; index <= win.last; index++) {
    rows.push(<TableRow key={index} index={index} values={rowAt(version.id, index)} columns={columns.length} numeric={numeric} />);
  }
  const style = { '--table-columns': grid.template, '--table-width': `${grid.width}px` } as CSSProperties;

  return (
    <div className="table-frame">
      <TableToolbar first={win.first} last={win.last} total={total} loaded={rows.length === 0 || rowAt(version.id, win.first) !== undefined} onGo={goToRow} />
      <div
        ref={ref}
        className="data-table"
        role="table"
        tabIndex={0}
        aria-label={`${version.datasetName}@${version.version}: ${count(total)} rows. Page Up, Page Down, Home and End move through them.`}
        aria-rowcount={total + 1}
        aria-colcount={columns.length + 1}
        data-testid="data-table"
        data-total-rows={total}
        style={style}
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
        onKeyDown={onKeyDown}
      >
        <TableHeader columns={columns} numeric={numeric} target={version.target} />
        {total === 0 ? (
          <p className="muted table-empty">This version has no rows.</p>
        ) : (
          <div className="table-spacer" style={{ height: win.spacer }}>
            <div className="table-rows" style={{ transform: `translateY(${win.offset}px)` }}>
              {rows}
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
