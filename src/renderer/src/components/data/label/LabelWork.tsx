import { useCallback, useRef, useState } from 'react';
import type { ColumnInfo, DatasetVersion } from '../../../../../shared/data/models';
import { count } from '../../../lib/data-words';
import { digitShortcuts, labelKind } from '../../../lib/label-split-values';
import { LabelQueue, type FocusRequest } from './LabelQueue';
import { LabelRowsForm } from './LabelRowsForm';
import { LabelSaveBar } from './LabelSaveBar';
import { QueueHeader } from './QueueHeader';
import { QUEUE_PAGE, useLabelQueue } from './useLabelQueue';
import { useLabelClasses } from './useLabelClasses';
import { usePendingLabels } from './usePendingLabels';
import { useRemembered } from './useRemembered';

/**
 * Labelling one column of a version: the queue of rows where it is empty, a form for chosen rows,
 * and the pending labels with Save. Pending labels outlive a switch to another tab.
 */
export function LabelWork({ version, column }: { version: DatasetVersion; column: ColumnInfo }) {
  const { key, pending, add, change, discard, saved } = usePendingLabels(version.id, column.name);
  const [offset, setOffset] = useRemembered(`${key}:offset`, 0);
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const { queue, error, loading } = useLabelQueue(version.id, column.name, offset);
  const { classes, source } = useLabelClasses(version.id, column);
  const kind = labelKind(column);
  const shortcuts = digitShortcuts(kind, classes);
  const listId = `label-classes-${version.id}`;
  const total = queue?.page.total ?? 0;
  // Nothing to save and nothing left to label: the bar would only say so; the heading already does.
  const showSave = total > 0 || Object.values(pending).some((t) => t.trim() !== '');

  const focused = useCallback(() => setFocus(null), []);
  const page = (step: 1 | -1) => {
    const next = offset + step * QUEUE_PAGE;
    if (next < 0) return;
    if (next >= total) {
      // Past the last row of the queue: Save is what comes next.
      root.current?.querySelector<HTMLButtonElement>('[data-testid="label-save"]')?.focus();
      return;
    }
    setOffset(next);
    setFocus({ offset: next, which: step === 1 ? 'first' : 'last' });
  };

  return (
    <div className="ls-work" ref={root}>
      <datalist id={listId}>
        {classes.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <QueueHeader column={column.name} total={queue ? total : null} loading={loading} shortcuts={shortcuts} classes={classes} source={source} />
      {error && (
        <p className="form-error" role="alert" data-testid="label-queue-error">
          Could not read the rows to label: {error}
        </p>
      )}
      {queue && total > 0 && (
        <>
          <LabelQueue queue={queue} column={column} kind={kind} pending={pending} onChange={change} shortcuts={shortcuts} listId={listId} focus={focus} onFocused={focused} onLeave={page} />
          {total > QUEUE_PAGE && (
            <div className="ls-pager">
              <button type="button" className="button small" disabled={offset === 0 || loading} onClick={() => setOffset(Math.max(0, offset - QUEUE_PAGE))}>
                Previous
              </button>
              <span className="muted" data-testid="label-queue-position">
                rows {count(offset + 1)}–{count(Math.min(total, offset + QUEUE_PAGE))} of {count(total)} in the queue
              </span>
              <button type="button" className="button small" disabled={offset + QUEUE_PAGE >= total || loading} onClick={() => setOffset(offset + QUEUE_PAGE)}>
                Next
              </button>
            </div>
          )}
        </>
      )}
      {showSave && (
        <LabelSaveBar
          version={version}
          column={column.name}
          kind={kind}
          pending={pending}
          onSaved={saved}
          onRemove={(row) => change(row, '')}
          onDiscard={discard}
        />
      )}
      <LabelRowsForm
        versionId={version.id}
        column={column.name}
        kind={kind}
        rows={version.rows}
        listId={listId}
        onAdd={add}
      />
    </div>
  );
}
