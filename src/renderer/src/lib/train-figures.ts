import type { Data } from 'plotly.js';
import { CurvePoint } from '../../../shared/train/models';
import type { ChartColors, Figure } from './chart-types';
import { GROUP_COLOURS } from './groupings-figures';

/** Training curves as pure functions of the points and the theme's colours. */

/** A pushed `job.point` payload as a curve point, or null when it is not one. */
export function asCurvePoint(raw: unknown): CurvePoint | null {
  const parsed = CurvePoint.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** Points merged by step (a later copy of a step wins), in step order: live events and `jobs.points` overlap. */
export function mergePoints(existing: readonly CurvePoint[], incoming: readonly CurvePoint[]): CurvePoint[] {
  if (incoming.length === 0) return existing as CurvePoint[];
  const byStep = new Map<number, CurvePoint>();
  for (const p of existing) byStep.set(p.step, p);
  for (const p of incoming) byStep.set(p.step, p);
  return [...byStep.values()].sort((a, b) => a.step - b.step);
}

/** The series a curve holds (train_loss, validation_loss, …), training ones first. */
export function seriesNames(points: readonly CurvePoint[]): string[] {
  const names = new Set(points.flatMap((p) => Object.keys(p.values)));
  const rank = (n: string) => (n.startsWith('train') ? 0 : n.startsWith('validation') ? 1 : 2);
  return [...names].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** "validation_loss" → "validation loss". */
export const seriesLabel = (name: string) => name.replace(/_/g, ' ');
const isLoss = (name: string) => /loss|error/.test(name);

function line(points: readonly CurvePoint[], name: string): { x: number[]; y: number[] } {
  const at = points.filter((p) => typeof p.values[name] === 'number');
  return { x: at.map((p) => p.step), y: at.map((p) => p.values[name]!) };
}

/** A single point (a closed-form fit) is drawn as a marker, or it would be invisible. */
const modeFor = (n: number) => (n < 2 ? 'markers' : n <= 30 ? 'lines+markers' : 'lines');

/** One run's curve: losses on the left axis; any other value (an AUC per step) on the right. `step` names the x axis. */
export function curveFigure(points: readonly CurvePoint[], colors: ChartColors, step = 'iteration'): Figure {
  const names = seriesNames(points);
  const palette = [colors.accent, colors.warning, colors.success, colors.danger];
  const secondary = names.some((n) => !isLoss(n)) && names.some(isLoss);
  const data = names.map((name, i) => {
    const xy = line(points, name);
    return {
      type: 'scatter',
      mode: modeFor(xy.x.length),
      name: seriesLabel(name),
      ...xy,
      yaxis: secondary && !isLoss(name) ? 'y2' : 'y',
      line: { color: palette[i % palette.length], width: 2, dash: name.startsWith('validation') ? 'dash' : 'solid' },
      marker: { color: palette[i % palette.length], size: 6 },
      hovertemplate: `${step} %{x}: %{y:.4g}<extra>${seriesLabel(name)}</extra>`,
    } as Data;
  });
  return {
    data,
    layout: {
      showlegend: true,
      legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom', font: { color: colors.text } },
      xaxis: { title: { text: step }, rangemode: 'tozero' },
      yaxis: { title: { text: names.some(isLoss) ? 'loss' : 'value' } },
      ...(secondary ? { yaxis2: { overlaying: 'y', side: 'right', color: colors.muted, showgrid: false, automargin: true } } : {}),
    },
  };
}

export interface NamedCurve {
  name: string;
  points: readonly CurvePoint[];
}

/** Several runs on one chart: a colour per run, training solid and validation dashed. */
export function overlayFigure(runs: readonly NamedCurve[], colors: ChartColors, step = 'step'): Figure {
  const data = runs.flatMap((run, r) => {
    const colour = GROUP_COLOURS[r % GROUP_COLOURS.length]!;
    return seriesNames(run.points)
      .filter(isLoss)
      .map((name) => {
        const xy = line(run.points, name);
        const label = `${run.name} · ${seriesLabel(name)}`;
        return {
          type: 'scatter',
          mode: modeFor(xy.x.length),
          name: label,
          ...xy,
          line: { color: colour, width: 2, dash: name.startsWith('validation') ? 'dash' : 'solid' },
          marker: { color: colour, size: 6 },
          hovertemplate: `${step} %{x}: %{y:.4g}<extra>${label}</extra>`,
        } as Data;
      });
  });
  return {
    data,
    layout: {
      showlegend: true,
      legend: { orientation: 'h', x: 0, y: -0.2, yanchor: 'top', font: { color: colors.text } },
      xaxis: { title: { text: step }, rangemode: 'tozero' },
      yaxis: { title: { text: 'loss' } },
    },
  };
}
