import type { DatasetVersion } from '../../../../../shared/data/models';
import { count } from '../../../lib/data-words';
import { dateTime } from '../../../lib/format';

interface LabelSource {
  kind: 'labels';
  parent: string;
  labels: number;
  by: string;
}

/** The lineage a version made by labelling carries (data.label records it as the version's source). */
function labelSource(source: unknown): LabelSource | null {
  const s = source as Partial<LabelSource> | null;
  return s?.kind === 'labels' && typeof s.labels === 'number' && typeof s.parent === 'string' ? { kind: 'labels', parent: s.parent, labels: s.labels, by: s.by ?? '' } : null;
}

/** The label steps of the version's recipe: which column each batch set. */
function labelledColumns(recipe: unknown): string[] {
  const steps = (recipe as { steps?: { op?: string; column?: string }[] } | null)?.steps ?? [];
  return [...new Set(steps.filter((s) => s.op === 'label' && typeof s.column === 'string').map((s) => s.column!))];
}

/** For a version made by labelling: how many labels it added, by whom, to what, from which version. */
export function LabelOutcome({ version }: { version: DatasetVersion }) {
  const source = labelSource(version.source);
  if (!source) return null;
  const columns = labelledColumns(version.recipe);
  return (
    <div className="ls-outcome" data-testid="label-outcome" role="status">
      <span aria-hidden="true">✓</span>
      <p>
        <strong>
          {version.datasetName}@{version.version}
        </strong>{' '}
        was made by labelling {source.parent}: <strong>{count(source.labels)}</strong> {source.labels === 1 ? 'label' : 'labels'} added
        {columns.length > 0 ? ` to ${columns.join(', ')}` : ''} by <strong>{source.by || version.createdBy}</strong>, {dateTime(version.createdAt)}. {source.parent} is
        unchanged.
      </p>
    </div>
  );
}
