import { useEffect, useMemo, useRef, useState } from 'react';
import type { Run } from '../../../../shared/train/models';
import { metricRows, settingRows, SETS } from '../../lib/train-compare';
import { OverlayChart } from './CurveChart';
import { MetricsTable } from './MetricsTable';
import { trainActions, useTrainStore } from './train-store';
import { learnerOf } from './useLearners';

/** Runs side by side: their settings with differences highlighted, metrics per set (best in bold), curves overlaid. */
export function CompareView({ runs }: { runs: Run[] }) {
  const [onlyDiffs, setOnlyDiffs] = useState(false);
  const ref = useRef<HTMLElement>(null);
  const key = runs.map((r) => r.id).join();
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'start' });
  }, [key]);
  const learners = useTrainStore((s) => s.learners);
  const rows = settingRows(runs, learners);
  const differing = rows.filter((r) => r.differs).length;
  const shown = onlyDiffs ? rows.filter((r) => r.differs) : rows;
  const names = runs.map((r) => r.name);
  // Runs of one kind of learner share their unit of progress; a mix is plotted per step.
  const steps = new Set(runs.map((r) => learnerOf(learners, r.model)?.step ?? 'step'));
  const step = steps.size === 1 ? [...steps][0]! : 'step';
  const curves = useMemo(() => runs.map((r) => ({ name: r.name, points: r.curves })), [runs]);

  return (
    <section ref={ref} className="card train-detail train-compare" aria-labelledby="train-compare-title" data-testid="train-compare-view">
      <header className="train-detail-head">
        <h2 id="train-compare-title">Comparing {runs.length} runs</h2>
        <span className="muted">
          {differing === 0 ? 'Every setting is the same.' : `${differing} ${differing === 1 ? 'setting differs' : 'settings differ'}, highlighted.`}
        </span>
        <label className="checkbox-row train-only-diffs">
          <input type="checkbox" checked={onlyDiffs} onChange={(e) => setOnlyDiffs(e.target.checked)} data-testid="train-only-diffs" />
          Only the differences
        </label>
        <button type="button" className="button small ghost" onClick={() => trainActions.open(null)}>
          Close
        </button>
      </header>
      <div className="train-table-wrap">
        <table className="train-table train-settings" data-testid="train-compare-settings">
          <caption>Settings</caption>
          <thead>
            <tr>
              <th scope="col">Setting</th>
              {names.map((n, i) => (
                <th key={i} scope="col">
                  {n}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.name} data-setting={row.name} data-differs={row.differs ? 'true' : undefined} className={row.differs ? 'train-differs' : undefined}>
                <th scope="row" className={row.param ? 'mono' : undefined}>
                  {row.name}
                  {row.differs && <span className="badge badge-warn train-differs-badge">differs</span>}
                </th>
                {row.values.map((v, i) => (
                  <td key={i} className={row.param ? 'mono' : 'train-wrap'}>
                    {v}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="train-compare-sets">
        {SETS.map((set) => (
          <MetricsTable key={set} caption={`${set.charAt(0).toUpperCase()}${set.slice(1)} set`} columns={names} rows={metricRows(runs, set)} markBest testId={`train-compare-${set}`} />
        ))}
      </div>
      <h3 className="subheading">Loss per {step}</h3>
      <OverlayChart runs={curves} step={step} />
    </section>
  );
}
