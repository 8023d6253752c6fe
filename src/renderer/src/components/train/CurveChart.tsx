import { useCallback } from 'react';
import type { CurvePoint } from '../../../../shared/train/models';
import type { ChartColors } from '../../lib/chart-types';
import { curveFigure, overlayFigure, type NamedCurve } from '../../lib/train-figures';
import { PlotlyChart } from '../charts/PlotlyChart';

const lastValues = (points: readonly CurvePoint[]) => {
  const last = points[points.length - 1];
  return last ? Object.entries(last.values).map(([k, v]) => `${k.replace(/_/g, ' ')} ${v.toPrecision(4)}`).join(', ') : '';
};

/** One run's loss curve (train solid, validation dashed); the last values are in the label for screen readers. */
export function CurveChart({ points, step, testId, empty }: { points: readonly CurvePoint[]; step: string; testId: string; empty: string }) {
  const figure = useCallback((colors: ChartColors) => curveFigure(points, colors, step), [points, step]);
  if (points.length === 0) return <p className="muted train-curve-empty">{empty}</p>;
  return <PlotlyChart figure={figure} height={260} label={`Loss per ${step}, ${points.length} steps; last: ${lastValues(points)}`} testId={testId} />;
}

/** Several runs' curves on one chart; `step` names the x axis (iteration, epoch, tree). */
export function OverlayChart({ runs, step }: { runs: readonly NamedCurve[]; step: string }) {
  const figure = useCallback((colors: ChartColors) => overlayFigure(runs, colors, step), [runs, step]);
  if (runs.every((r) => r.points.length === 0)) return <p className="muted train-curve-empty">None of these runs has a curve yet.</p>;
  return <PlotlyChart figure={figure} height={320} label={`Loss curves of ${runs.map((r) => r.name).join(', ')}`} testId="train-compare-curves" />;
}
