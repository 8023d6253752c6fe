import type { ParityReport } from '../../../../shared/package/models';
import { diffText } from '../../lib/registry-words';
import { ParityBadge } from './ParityBadge';

/** Seven significant digits, trailing zeros kept, so the two sides line up digit by digit. */
const values = (xs: Array<number | null>) => xs.map((x) => (x === null ? 'NaN' : x.toPrecision(7))).join(' / ');

/** The ONNX graph checked against the trained model: how many rows, how far apart at worst, and the worst rows. */
export function ParityPanel({ parity, task }: { parity: ParityReport; task: string }) {
  const classification = task !== 'regression';
  return (
    <section className="card" aria-labelledby="parity-title" data-testid="version-parity">
      <div className="models-title-row">
        <h3 id="parity-title">Parity of the ONNX package with the trained model</h3>
        <ParityBadge passed={parity.passed} />
      </div>
      <p className="muted">
        Every row of the run’s {parity.set} set was scored by the trained model and by the exported graph; a value passes within {parity.tolerance.toExponential(0)} ·
        max(1, |value|){classification ? ' and the predicted class must be the same' : ''}.
      </p>
      <dl className="evaluate-metrics parity-numbers" data-testid="parity-numbers">
        <div data-metric="rows">
          <dt>Rows checked</dt>
          <dd>{parity.rows.toLocaleString('en')}</dd>
        </div>
        <div data-metric="set">
          <dt>Set</dt>
          <dd>{parity.set}</dd>
        </div>
        <div data-metric="max-diff">
          <dt>Max |difference|</dt>
          <dd>{diffText(parity.maxAbsDiff)}</dd>
        </div>
        {classification && (
          <div data-metric="label-mismatches">
            <dt>Label mismatches</dt>
            <dd>{parity.labelMismatches.toLocaleString('en')}</dd>
          </div>
        )}
        <div data-metric="out-of-tolerance">
          <dt>Rows beyond tolerance</dt>
          <dd>{parity.rowsOutOfTolerance.toLocaleString('en')}</dd>
        </div>
      </dl>
      {parity.worst.length > 0 && (
        <div className="models-table-wrap">
          <table className="train-table parity-table" data-testid="parity-worst">
            <caption>
              The {parity.worst.length} rows furthest apart{classification ? ', label mismatches first' : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Row
                </th>
                {classification && <th scope="col">Label (trained / ONNX)</th>}
                <th scope="col">{classification ? 'Probabilities, trained' : 'Value, trained'}</th>
                <th scope="col">{classification ? 'Probabilities, ONNX' : 'Value, ONNX'}</th>
                <th scope="col" className="num">
                  |difference|
                </th>
              </tr>
            </thead>
            <tbody>
              {parity.worst.map((r) => (
                <tr key={r.row} className={r.inAppLabel !== r.onnxLabel ? 'parity-mismatch' : undefined}>
                  <td className="num">{r.row}</td>
                  {classification && (
                    <td>
                      {r.inAppLabel ?? '—'} / {r.onnxLabel ?? '—'}
                      {r.inAppLabel !== r.onnxLabel && <strong className="parity-flag"> differs</strong>}
                    </td>
                  )}
                  <td className="mono">{values(r.inApp)}</td>
                  <td className="mono">{values(r.onnx)}</td>
                  <td className="num mono">{diffText(r.diff)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
