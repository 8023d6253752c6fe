import { useRef, useState, type KeyboardEvent } from 'react';
import type { DriftHeatmap } from '../../../../shared/monitor/models';
import { timeOfDay } from '../../lib/format';
import { cellState, cellWords, shareWords, TEST_NAMES } from '../../lib/monitor-heatmap';
import { windowLabels } from '../../lib/monitor-window';
import { monitorActions } from './monitor-store';

const hhmm = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', hour12: false });
const MARK = { drifted: '!', stable: '', unjudged: '–' } as const;

/**
 * Features down, windows across; above them each window's share of drifted features. A table of
 * buttons with one Tab stop: arrow keys, Home and End move between cells, Enter or a click chooses
 * the feature in that window, a feature's name chooses it over every window. Each cell says its
 * verdict in its label and tooltip, and carries a mark besides its colour.
 */
export function DriftHeatmapGrid({ heatmap, feature, window }: { heatmap: DriftHeatmap; feature: string | null; window: number | null }) {
  const cells = useRef(new Map<string, HTMLButtonElement>());
  const rowOf = heatmap.features.findIndex((f) => f.feature === feature);
  const [wanted, setFocus] = useState<[number, number]>([Math.max(0, rowOf), window ?? 0]);
  const labels = windowLabels(heatmap.windows, hhmm);
  const [rows, cols] = [heatmap.features.length, heatmap.windows.length];
  // Windows cut anew may be fewer: the one Tab stop stays on a cell that exists.
  const focus: [number, number] = [Math.min(wanted[0], rows - 1), Math.min(wanted[1], cols - 1)];

  const move = (event: KeyboardEvent, r: number, c: number) => {
    const next: Record<string, [number, number]> = {
      ArrowRight: [r, Math.min(cols - 1, c + 1)],
      ArrowLeft: [r, Math.max(0, c - 1)],
      ArrowDown: [Math.min(rows - 1, r + 1), c],
      ArrowUp: [Math.max(0, r - 1), c],
      Home: [r, 0],
      End: [r, cols - 1],
    };
    const to = next[event.key];
    if (!to) return;
    event.preventDefault();
    setFocus(to);
    cells.current.get(`${to[0]}:${to[1]}`)?.focus();
  };

  return (
    <div className="monitor-heatmap-wrap">
      <table className="monitor-heatmap" data-testid="monitor-heatmap">
        <caption className="visually-hidden">Drift per feature (rows) and window (columns)</caption>
        <thead>
          <tr>
            <th scope="col" className="monitor-heatmap-corner">
              Feature
            </th>
            {heatmap.windows.map((w, c) => (
              <th key={w.start + c} scope="col" className={window === c ? 'is-chosen' : undefined} title={`Window ${c + 1}: ${timeOfDay(w.start)}–${timeOfDay(w.end)}, ${w.rows} rows`}>
                {labels[c]}
              </th>
            ))}
          </tr>
          <tr className="monitor-heatmap-shares" data-testid="monitor-window-shares">
            <th scope="row">Drifted share</th>
            {heatmap.windows.map((w, c) => {
              // A window where no feature could be judged has no share to speak of, not 0%.
              const judged = heatmap.features.some((f) => cellState(f.cells[c]!) !== 'unjudged');
              return (
                <td
                  key={c}
                  className={w.datasetDrifted ? 'has-dataset-drift' : undefined}
                  title={judged ? `${w.rows} rows: ${shareWords(w)}` : `${w.rows} rows: too few to judge`}
                  data-testid="monitor-window-share"
                  data-dataset-drifted={String(w.datasetDrifted)}
                >
                  {judged ? `${Math.round(w.datasetShare * 100)}%` : '–'}
                </td>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {heatmap.features.map((f, r) => {
            const driftedAnywhere = f.cells.some((cell) => cellState(cell) === 'drifted');
            return (
              <tr key={f.feature} className={driftedAnywhere ? 'is-drifted' : undefined} data-testid="monitor-heatmap-row" data-feature={f.feature} data-drifted={String(driftedAnywhere)}>
                <th scope="row">
                  <button
                    type="button"
                    className={`link-button mono monitor-feature${feature === f.feature ? ' is-chosen' : ''}`}
                    aria-pressed={feature === f.feature && window === null}
                    onClick={() => monitorActions.choose(f.feature)}
                    title={`${TEST_NAMES[f.test] ?? f.test}, threshold ${f.threshold}`}
                    data-testid="monitor-feature"
                  >
                    {driftedAnywhere && <span aria-hidden="true">▲ </span>}
                    {f.feature}
                    {driftedAnywhere && <span className="visually-hidden"> (drifted)</span>}
                  </button>
                </th>
                {f.cells.map((cell, c) => {
                  const state = cellState(cell);
                  const words = cellWords(f, heatmap.windows[c]!, c, cell);
                  return (
                    <td key={c} className={`monitor-cell cell-${state}`}>
                      <button
                        type="button"
                        ref={(el) => {
                          if (el) cells.current.set(`${r}:${c}`, el);
                          else cells.current.delete(`${r}:${c}`);
                        }}
                        tabIndex={focus[0] === r && focus[1] === c ? 0 : -1}
                        aria-label={words}
                        aria-pressed={feature === f.feature && window === c}
                        title={words}
                        onClick={() => {
                          setFocus([r, c]);
                          monitorActions.choose(f.feature, c);
                        }}
                        onKeyDown={(event) => move(event, r, c)}
                        data-testid="monitor-cell"
                        data-state={state}
                      >
                        {MARK[state]}
                      </button>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
