import type { ColumnInfo, DatasetVersion } from '../../../../../shared/data/models';
import { labelKind } from '../../../lib/label-split-values';
import { useAppStore } from '../../../store';
import { LabelSaveBar } from '../label/LabelSaveBar';
import { pendingCount, type usePendingLabels } from '../label/usePendingLabels';
import '../../../styles/label-split.css';

interface TablePendingProps {
  version: DatasetVersion;
  column: ColumnInfo;
  labels: ReturnType<typeof usePendingLabels>;
  onSaved(): void;
  onReview(): void;
}

/**
 * Below the table while labels are pending (set here or in the Label tab): the Label tab's own
 * save bar, so saving from either place is the same `data.label` job and the same new version.
 * Only the tab on screen shows it: two bars would both act when the job ends.
 */
export function TablePending({ version, column, labels, onSaved, onReview }: TablePendingProps) {
  const shown = useAppStore((s) => s.dataTab === 'table');
  if (!shown || pendingCount(labels.pending) === 0) return null;
  return (
    <div className="table-pending" data-testid="table-pending">
      <LabelSaveBar
        version={version}
        column={column.name}
        kind={labelKind(column)}
        pending={labels.pending}
        onSaved={() => {
          labels.saved();
          onSaved();
        }}
        onRemove={(row) => labels.change(row, '')}
        onDiscard={labels.discard}
        extra={
          <button type="button" className="button ghost small" onClick={onReview}>
            Review in the Label tab
          </button>
        }
      />
    </div>
  );
}
