import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react';
import type { DatasetVersion } from '../../../../../shared/data/models';
import { gridTemplate } from '../../../lib/column-widths';
import { count, isNumericType } from '../../../lib/data-words';
import { clearSelection, clickRow, isSelected, NO_SELECTION, selectedCount, type RowSelection } from '../../../lib/label-row-selection';
import { ROW_HEIGHT, rowWindow, scrollTopForRow } from '../../../lib/virtual-rows';
import { useAppStore } from '../../../store';
import { usePendingLabels } from '../label/usePendingLabels';
import { SelectionBar } from './SelectionBar';
import { SetTargetDialog } from './SetTargetDialog';
import { handleTableKey } from './tableKeys';
import { TableHeader } from './TableHeader';
import { TablePending } from './TablePending';
import { TableRow } from './TableRow';
import { TableToolbar } from './TableToolbar';

/** Height of the sticky header (kept in step with .table-header in table.css). */
const HEADER_HEIGHT = 48;
/** Rows loaded beyond the viewport each way, so ordinary scrolling never shows placeholders. */
const MARGIN = 150;

/**
 * A virtual table over all rows of a version: only the rows in view are in the DOM, a spacer gives
 * the scroll bar its length, and pages of rows are read from the engine as they come into view.
 * Rows are selected like a spreadsheet's (by row number, so a selection outlives scrolling) and
 * their target set with "Set target…", which adds to the same pending labels as the Label tab.
 */
export function DataTable({ version }: { version: DatasetVersion }) {
  const ref = useRef<HTMLDivElement>(null);
  const rowIds = useId();
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(0);
  const [selection, setSelection] = useState<RowSelection>(NO_SELECTION);
  const [setting, setSetting] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  useAppStore((s) => s.rowsTick); // re-render when a page arrives
  const rowAt = useAppStore((s) => s.rowAt);
  const wantRows = useAppStore((s) => s.wantRows);
  const setDataTab = useAppStore((s) => s.setDataTab);
  const total = version.rows;
  const columns = version.columns;
  const targetIndex = columns.findIndex((c) => c.name === version.target);
  const targetColumn = columns[targetIndex];
  const labels = usePendingLabels(version.id, targetColumn?.name ?? '');
  const numeric = useMemo(() => columns.map((c) => isNumericType(c.type)), [columns]);
  const grid = useMemo(() => gridTemplate(columns, total), [columns, total]);
  const win = rowWindow(total, scrollTop, viewport);
  const fullRows = Math.max(1, Math.floor(viewport / ROW_HEIGHT));

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

  const select = (next: RowSelection) => {
    setSelection(next);
    if (next.ranges !== selection.ranges) setNote(null);
  };

  const goToRow = (row: number) => {
    const el = ref.current;
    if (el) el.scrollTop = Math.ceil(scrollTopForRow(row, total, viewport));
  };

  const openSetTarget = () => {
    if (targetColumn && selectedCount(selection.ranges) > 0) setSetting(true);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const handled = handleTableKey(event, {
      total,
      first: win.first,
      fullRows,
      selection,
      select,
      goToRow,
      goToEnd: () => ref.current && (ref.current.scrollTop = ref.current.scrollHeight),
      onEnter: openSetTarget,
    });
    if (handled) event.preventDefault();
  };

  const rowOf = (event: MouseEvent) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-row-index]');
    return row ? Number(row.dataset.rowIndex) : null;
  };
  // Shift+click would also select the page's text between the two clicks: not wanted here.
  const onMouseDown = (event: MouseEvent) => {
    if (event.shiftKey && rowOf(event) !== null) event.preventDefault();
  };
  const onClick = (event: MouseEvent) => {
    const row = rowOf(event);
    if (row === null) return;
    select(clickRow(selection, row, { shift: event.shiftKey, toggle: event.ctrlKey || event.metaKey }));
    ref.current?.focus({ preventScroll: true });
  };

  const rows = [];
  for (let index = win.first; index <= win.last; index++) {
    rows.push(
      <TableRow
        key={index}
        id={`${rowIds}-${index}`}
        index={index}
        values={rowAt(version.id, index)}
        columns={columns.length}
        numeric={numeric}
        target={targetIndex}
        selected={isSelected(selection.ranges, index)}
        cursor={selection.cursor === index}
        pending={targetColumn ? labels.pending[index]?.trim() || undefined : undefined}
      />,
    );
  }
  const cursorShown = selection.cursor !== null && selection.cursor >= win.first && selection.cursor <= win.last;
  const style = { '--table-columns': grid.template, '--table-width': `${grid.width}px` } as CSSProperties;

  return (
    <div className="table-frame">
      <TableToolbar first={win.first} last={win.last} total={total} loaded={rows.length === 0 || rowAt(version.id, win.first) !== undefined} onGo={goToRow} />
      <SelectionBar
        ranges={selection.ranges}
        target={targetColumn?.name ?? null}
        note={note}
        onSetTarget={openSetTarget}
        onClear={() => select(clearSelection(selection))}
        onChooseTarget={() => setDataTab('label')}
      />
      <div
        ref={ref}
        className="data-table"
        role="grid"
        aria-multiselectable="true"
        aria-readonly="true"
        tabIndex={0}
        aria-label={`${version.datasetName}@${version.version}: ${count(total)} rows. Arrows move, Shift extends the selection, Space selects a row, Control+A all rows, Enter sets the target of the selected rows.`}
        aria-rowcount={total + 1}
        aria-colcount={columns.length + 1}
        aria-activedescendant={cursorShown ? `${rowIds}-${selection.cursor}` : undefined}
        data-testid="data-table"
        data-total-rows={total}
        style={style}
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
        onKeyDown={onKeyDown}
        onMouseDown={onMouseDown}
        onClick={onClick}
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
      {targetColumn && (
        <TablePending
          version={version}
          column={targetColumn}
          labels={labels}
          onSaved={() => select(NO_SELECTION)}
          onReview={() => setDataTab('label')}
        />
      )}
      {setting && targetColumn && (
        <SetTargetDialog
          version={version}
          column={targetColumn}
          target={targetIndex}
          ranges={selection.ranges}
          pending={labels.pending}
          onAdd={(chosen, text) => {
            labels.add(chosen, text);
            setNote(`${count(chosen.length)} ${chosen.length === 1 ? 'row' : 'rows'} set to “${text}” — pending until you save.`);
          }}
          onClose={() => {
            setSetting(false);
            ref.current?.focus({ preventScroll: true });
          }}
        />
      )}
    </div>
  );
}
