import { useEffect, useState } from 'react';
import type { Evaluation, Run } from '../../../../shared/train/models';
import { downloadText } from '../../lib/download';
import { toShownError } from '../../lib/errors';
import { cardFileName, num3, pct } from '../../lib/evaluate-words';
import { metricLabel } from '../../lib/train-words';
import { useAppStore } from '../../store';

type Fairness = NonNullable<Evaluation['fairness']>;

/** Per sensitive column: each group's rates, the three gaps, and the objective's verdict when it bounds one. */
export function FairnessView({ fairness }: { fairness: Fairness }) {
  return (
    <section className="card" aria-labelledby="evaluate-fairness-title" data-testid="evaluate-fairness">
      <h2 id="evaluate-fairness-title">Fairness</h2>
      {fairness.map((f) => (
        <div key={f.column} className="evaluate-fairness-column" data-column={f.column}>
          <h3>By {f.column}</h3>
          <table className="evaluate-table" data-testid={`evaluate-fairness-${f.column}`}>
            <thead>
              <tr>
                <th scope="col">Group</th>
                <th scope="col" className="num">Rows</th>
                <th scope="col" className="num">Flagged positive</th>
                <th scope="col" className="num">Selection rate</th>
                <th scope="col" className="num">True positive rate</th>
                <th scope="col" className="num">False positive rate</th>
                <th scope="col" className="num">Accuracy</th>
              </tr>
            </thead>
            <tbody>
              {f.groups.map((g) => (
                <tr key={g.group} data-group={g.group}>
                  <th scope="row">{g.group}</th>
                  <td className="num">{g.n}</td>
                  <td className="num">{g.positives}</td>
                  <td className="num">{pct(g.selectionRate)}</td>
                  <td className="num">{pct(g.tpr)}</td>
                  <td className="num">{pct(g.fpr)}</td>
                  <td className="num">{pct(g.accuracy)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <dl className="evaluate-metrics">
            <div>
              <dt>Demographic parity difference</dt>
              <dd>{num3(f.demographicParityDifference)}</dd>
            </div>
            <div>
              <dt>Equalized odds difference</dt>
              <dd>{num3(f.equalizedOddsDifference)}</dd>
            </div>
            <div>
              <dt>Disparate impact ratio</dt>
              <dd>{num3(f.disparateImpactRatio)}</dd>
            </div>
          </dl>
          {f.judged ? (
            <p className={f.judged.passes ? 'evaluate-pass' : 'evaluate-fail'} data-testid="evaluate-fairness-verdict">
              {f.judged.passes ? 'Meets' : 'Fails'} the objective: {metricLabel(f.judged.metric)} is {num3(f.judged.value)} against a bound of {num3(f.judged.bound)}.
            </p>
          ) : (
            <p className="muted">The objective sets no fairness bound for {f.column}.</p>
          )}
        </div>
      ))}
    </section>
  );
}

/** The engine's model card draft as Markdown, with a Download button. */
export function ModelCard({ run }: { run: Run }) {
  const client = useAppStore((s) => s.client);
  const [markdown, setMarkdown] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!client) return;
    let current = true;
    client
      .call('runs.card', { id: run.id })
      .then((r) => current && setMarkdown(r.markdown))
      .catch((e: unknown) => current && setError(toShownError(e).message));
    return () => {
      current = false;
    };
  }, [client, run.id]);
  return (
    <section className="card" aria-labelledby="evaluate-card-title" data-testid="evaluate-card">
      <div className="evaluate-card-head">
        <h2 id="evaluate-card-title">Model card</h2>
        <button type="button" className="button small" disabled={markdown === null} data-testid="evaluate-card-download" onClick={() => markdown !== null && downloadText(cardFileName(run), 'text/markdown', markdown)}>
          Download
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {markdown === null && !error ? <p className="muted">Drafting the card…</p> : <pre className="evaluate-card-text">{markdown}</pre>}
    </section>
  );
}
