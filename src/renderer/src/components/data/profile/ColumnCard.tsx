import { useCallback } from 'react';
import type { ColumnProfile } from '../../../../../shared/data/profile';
import { SEMANTIC_LABELS, count, share } from '../../../lib/data-words';
import type { ChartColors } from '../../../lib/plotly';
import { barHeight, histogramFigure, topValuesFigure } from '../../../lib/profile-figures';
import { PlotlyChart } from '../../charts/PlotlyChart';
import { ColumnStats } from './ColumnStats';
import { cardId } from './ProfileWarnings';

/** One column: completeness and cardinality, its statistics, and its distribution as a chart. */
export function ColumnCard({ column, index, rows, isTarget }: { column: ColumnProfile; index: number; rows: number; isTarget: boolean }) {
  const { numeric, top } = column;
  const shown = top?.reduce((sum, v) => sum + v.count, 0) ?? 0;
  const others = Math.max(0, column.count - shown);
  const histogram = useCallback((colors: ChartColors) => histogramFigure(numeric!.histogram, colors), [numeric]);
  const bars = useCallback((colors: ChartColors) => topValuesFigure(top ?? [], others, colors), [top, others]);
  // Quantities get a histogram; labels (even integer codes treated as categorical) their top values.
  const hasBars = column.semantic !== 'numeric' && top !== null && top.length > 0;
  const hasHistogram = !hasBars && numeric !== null && numeric.histogram.counts.length > 0;

  return (
    <article className="card profile-card" id={cardId(index)} tabIndex={-1} aria-labelledby={`${cardId(index)}-title`} data-testid="profile-card" data-column={column.name}>
      <header className="profile-card-head">
        <h3 id={`${cardId(index)}-title`}>{column.name}</h3>
        <span className="badge">{column.type}</span>
        <span className="badge badge-planned">{SEMANTIC_LABELS[column.semantic]}</span>
        {isTarget && <span className="badge badge-target">target</span>}
      </header>
      <dl className="card-facts">
        <div>
          <dt>Values</dt>
          <dd>{count(column.count)}</dd>
        </div>
        <div className={column.missing > 0 ? 'has-missing' : undefined}>
          <dt>Missing</dt>
          <dd>
            {count(column.missing)} <span className="muted share">{share(column.missing, rows)}</span>
          </dd>
        </div>
        <div>
          <dt>Distinct</dt>
          <dd>
            {count(column.distinct)} <span className="muted share">{share(column.distinct, column.count)}</span>
          </dd>
        </div>
      </dl>
      <ColumnStats column={column} />
      {hasHistogram && <PlotlyChart figure={histogram} height={170} label={`Histogram of ${column.name} in ${numeric.histogram.counts.length} bins`} testId="profile-histogram" />}
      {hasBars && (
        <PlotlyChart figure={bars} height={barHeight(top.length + (others > 0 ? 1 : 0))} label={`Most frequent values of ${column.name}`} testId="profile-topvalues" />
      )}
    </article>
  );
}
