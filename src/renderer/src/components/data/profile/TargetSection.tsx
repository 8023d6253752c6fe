import { useCallback } from 'react';
import type { Profile } from '../../../../../shared/data/profile';
import { count, share, stat } from '../../../lib/data-words';
import type { ChartColors } from '../../../lib/plotly';
import { classBalanceFigure } from '../../../lib/profile-figures';
import { PlotlyChart } from '../../charts/PlotlyChart';

type Target = NonNullable<Profile['target']>;

type Measure = Target['associations'][number]['measure'];
const MEASURE: Record<Measure, { short: string; words: string }> = {
  pearson: { short: 'r', words: 'r: Pearson correlation with a numeric target, −1 to 1' },
  mutual_information: { short: 'MI', words: 'MI: mutual information in nats, 0 when independent' },
};

/** The target: class balance for classification, and how strongly each column relates to it. */
export function TargetSection({ target }: { target: Target }) {
  const classes = target.classBalance;
  const figure = useCallback((colors: ChartColors) => classBalanceFigure(classes ?? [], colors), [classes]);
  const total = classes?.reduce((sum, c) => sum + c.count, 0) ?? 0;
  const associations = [...target.associations].sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
  // Pearson r and mutual information are on different scales: each bar is relative to its own measure's strongest.
  const strongest = (measure: string) => Math.max(1e-12, ...associations.filter((a) => a.measure === measure).map((a) => Math.abs(a.value)));

  return (
    <section className="card profile-target" aria-labelledby="profile-target-title" data-testid="profile-target">
      <h2 id="profile-target-title">
        Target: {target.column} <span className="badge badge-planned">{target.kind}</span>
      </h2>
      <div className="target-grid">
        {classes && classes.length > 0 && (
          <div>
            <h3 className="subheading">Class balance</h3>
            <PlotlyChart figure={figure} height={200} label={`Rows per class of ${target.column}`} testId="profile-class-balance" />
            <p className="muted">{classes.map((c) => `${c.value}: ${count(c.count)} (${share(c.count, total)})`).join(' · ')}</p>
          </div>
        )}
        <div>
          <h3 className="subheading">Association with the target, strongest first</h3>
          {associations.length === 0 ? (
            <p className="muted">No other columns to relate to the target.</p>
          ) : (
            <table className="association-table">
              <tbody>
                {associations.map((a) => (
                  <tr key={a.column} data-testid="profile-association">
                    <th scope="row">{a.column}</th>
                    <td className="association-bar">
                      <span className={a.value < 0 ? 'bar negative' : 'bar'} style={{ width: `${(Math.abs(a.value) / strongest(a.measure)) * 100}%` }} />
                    </td>
                    <td className="num">{stat(a.value)}</td>
                    <td className="muted" title={MEASURE[a.measure].words}>
                      {MEASURE[a.measure].short}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="hint">{[...new Set(associations.map((a) => a.measure))].map((m) => MEASURE[m].words).join('. ')}.</p>
        </div>
      </div>
    </section>
  );
}
