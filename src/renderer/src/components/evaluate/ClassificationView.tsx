import { useCallback, useState } from 'react';
import type { Evaluation } from '../../../../shared/train/models';
import type { ChartColors } from '../../lib/chart-types';
import { calibrationFigure, confusionFigure, prFigure, rocFigure } from '../../lib/evaluate-figures';
import { bestF1Index, calibrationSummary, confusionSummary, num3, pct, prSummary, rocSummary, sweepIndexAt, youdenIndex, type SweepPoint } from '../../lib/evaluate-words';
import { PlotlyChart } from '../charts/PlotlyChart';

/** Classification: confusion matrix, per-class scores, and for binary the curves and the threshold chooser. */
export function ClassificationView({ evaluation }: { evaluation: Evaluation }) {
  const { labels, confusionMatrix, perClass, roc, pr, calibration, thresholdSweep } = evaluation;
  const confusion = useCallback((c: ChartColors) => confusionFigure(labels ?? [], confusionMatrix ?? [], c), [labels, confusionMatrix]);
  const prChart = useCallback((c: ChartColors) => prFigure(pr!, c), [pr]);
  const calChart = useCallback((c: ChartColors) => calibrationFigure(calibration!, c), [calibration]);
  return (
    <>
      {labels && confusionMatrix && (
        <section className="card evaluate-grid" aria-label="Confusion matrix and per-class scores">
          <div>
            <h3>Confusion matrix</h3>
            <p className="muted" data-testid="evaluate-confusion-summary">
              {confusionSummary(labels, confusionMatrix)}
            </p>
            <PlotlyChart figure={confusion} height={300} label={confusionSummary(labels, confusionMatrix)} testId="evaluate-confusion" />
            <table className="visually-hidden" data-testid="evaluate-confusion-table">
              <caption>Confusion matrix counts: actual classes in rows, predicted in columns</caption>
              <tbody>
                {confusionMatrix.map((row, i) => (
                  <tr key={i}>
                    <th scope="row">{labels[i]}</th>
                    {row.map((v, j) => (
                      <td key={j} data-count={v}>
                        {v}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {perClass && (
            <div>
              <h3>Per class</h3>
              <table className="evaluate-table" data-testid="evaluate-per-class">
                <thead>
                  <tr>
                    <th scope="col">Class</th>
                    <th scope="col" className="num">Precision</th>
                    <th scope="col" className="num">Recall</th>
                    <th scope="col" className="num">F1</th>
                    <th scope="col" className="num">Support</th>
                  </tr>
                </thead>
                <tbody>
                  {perClass.map((p) => (
                    <tr key={p.label}>
                      <th scope="row">{p.label}</th>
                      <td className="num">{num3(p.precision)}</td>
                      <td className="num">{num3(p.recall)}</td>
                      <td className="num">{num3(p.f1)}</td>
                      <td className="num">{p.support}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
      {roc && thresholdSweep && thresholdSweep.length > 0 && <ThresholdChooser roc={roc} sweep={thresholdSweep} positive={labels?.[labels.length - 1] ?? 'positive'} />}
      {(pr || calibration) && (
        <section className="card evaluate-grid" aria-label="Precision-recall and calibration">
          {pr && (
            <div>
              <h3>Precision–recall</h3>
              <p className="muted">{prSummary(pr.averagePrecision)}</p>
              <PlotlyChart figure={prChart} height={300} label={prSummary(pr.averagePrecision)} testId="evaluate-pr" />
            </div>
          )}
          {calibration && calibration.length > 0 && (
            <div>
              <h3>Calibration</h3>
              <p className="muted">{calibrationSummary(calibration)}</p>
              <PlotlyChart figure={calChart} height={300} label={calibrationSummary(calibration)} testId="evaluate-calibration" />
            </div>
          )}
        </section>
      )}
    </>
  );
}

function ThresholdChooser({ roc, sweep, positive }: { roc: NonNullable<Evaluation['roc']>; sweep: SweepPoint[]; positive: string }) {
  const [index, setIndex] = useState(() => sweepIndexAt(sweep, 0.5));
  const point = sweep[index]!;
  const rocChart = useCallback((c: ChartColors) => rocFigure(roc, c, point), [roc, point]);
  const rows: [string, string, string][] = [
    ['precision', 'Precision', num3(point.precision)],
    ['recall', 'Recall (true positive rate)', num3(point.recall)],
    ['f1', 'F1', num3(point.f1)],
    ['fpr', 'False positive rate', num3(point.fpr)],
    ['accuracy', 'Accuracy', num3(point.accuracy)],
    ['flagged', 'Share flagged positive', pct(point.predictedPositiveRate)],
  ];
  return (
    <section className="card evaluate-grid" aria-label="ROC curve and threshold">
      <div>
        <h3>ROC curve</h3>
        <p className="muted" data-testid="evaluate-roc-summary">
          {rocSummary(roc.auc, point)}
        </p>
        <PlotlyChart figure={rocChart} height={320} label={rocSummary(roc.auc, point)} testId="evaluate-roc" />
      </div>
      <div className="evaluate-threshold">
        <h3>Threshold</h3>
        <p className="muted">Rows whose predicted probability of class {positive} is at least the threshold are flagged as {positive}.</p>
        <label className="evaluate-slider">
          <span>
            Threshold <strong data-testid="evaluate-threshold-value">{point.threshold.toFixed(2)}</strong>
          </span>
          <input
            type="range"
            min={0}
            max={sweep.length - 1}
            step={1}
            value={index}
            data-testid="evaluate-threshold"
            aria-valuetext={point.threshold.toFixed(2)}
            onChange={(e) => setIndex(Number(e.target.value))}
          />
        </label>
        <div className="evaluate-threshold-buttons">
          <button type="button" className="button small" data-testid="evaluate-best-f1" onClick={() => setIndex(bestF1Index(sweep))}>
            Best F1
          </button>
          <button type="button" className="button small" data-testid="evaluate-youden" onClick={() => setIndex(youdenIndex(sweep))}>
            Youden (max TPR − FPR)
          </button>
          <button type="button" className="button small" data-testid="evaluate-threshold-reset" onClick={() => setIndex(sweepIndexAt(sweep, 0.5))}>
            Back to 0.50
          </button>
        </div>
        <dl className="evaluate-metrics" data-testid="evaluate-threshold-metrics" aria-live="polite">
          {rows.map(([id, label, value]) => (
            <div key={id} data-metric={id}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
}
