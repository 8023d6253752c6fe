import { FAIRNESS_METRICS } from '../../../../shared/governance/metrics';
import { goalText, rangeText } from '../../lib/governance-words';
import type { ObjectiveForm } from '../../lib/objective-form';
import { Field } from '../form/Field';
import { objectiveError, objectiveInputId, type SectionProps } from './section-props';

/** Secondary constraints: limits a model must also respect, whatever its primary metric. */
export function ConstraintFields({ form, edit, problem }: SectionProps) {
  const err = (path: string) => objectiveError(problem, path);
  const fairness = FAIRNESS_METRICS.find((m) => m.id === form.fairnessMetric)!;
  const regression = form.task === 'regression';

  return (
    <fieldset className="form-section">
      <legend>Constraints</legend>
      <div className="field-grid">
        <Field id={objectiveInputId('constraints.p99LatencyMs')} label="p99 latency limit" hint="Slowest 1% of predictions. Empty: no limit." error={err('constraints.p99LatencyMs')}>
          {(c) => (
            <div className="with-adornment">
              <span className="adornment">≤</span>
              <input {...c} data-testid="objective-latency" type="number" min={0} step="any" value={form.p99LatencyMs} onChange={(e) => edit({ p99LatencyMs: e.target.value })} />
              <span className="adornment unit">ms</span>
            </div>
          )}
        </Field>
        <Field id={objectiveInputId('constraints.maxModelSizeMb')} label="Model size limit" hint="Of the packaged model. Empty: no limit." error={err('constraints.maxModelSizeMb')}>
          {(c) => (
            <div className="with-adornment">
              <span className="adornment">≤</span>
              <input {...c} data-testid="objective-size" type="number" min={0} step="any" value={form.maxModelSizeMb} onChange={(e) => edit({ maxModelSizeMb: e.target.value })} />
              <span className="adornment unit">MB</span>
            </div>
          )}
        </Field>
      </div>

      <div className="checkbox-field">
        <div className="checkbox-row">
          <input
            id={objectiveInputId('constraints.fairness')}
            type="checkbox"
            data-testid="objective-fairness-on"
            checked={form.fairnessOn}
            disabled={regression && !form.fairnessOn}
            aria-describedby="objective-fairness-hint"
            onChange={(e) => edit({ fairnessOn: e.target.checked })}
          />
          <label htmlFor={objectiveInputId('constraints.fairness')}>Bound a fairness measure across sensitive groups</label>
        </div>
        <p className="hint" id="objective-fairness-hint">
          {regression ? 'Fairness bounds apply to classification tasks.' : 'Checked on the test split for every named column before a model can be promoted.'}
        </p>
      </div>

      {form.fairnessOn && (
        <div className="field-grid nested">
          <Field id={objectiveInputId('constraints.fairness.metric')} label="Fairness measure" hint={fairness.description} error={err('constraints.fairness.metric')}>
            {(c) => (
              <select
                {...c}
                data-testid="objective-fairness-metric"
                value={form.fairnessMetric}
                onChange={(e) => edit({ fairnessMetric: e.target.value as ObjectiveForm['fairnessMetric'] })}
              >
                {FAIRNESS_METRICS.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={objectiveInputId('constraints.fairness.bound')} label="Bound" hint={`Valid range: ${rangeText(fairness)}.`} error={err('constraints.fairness.bound')}>
            {(c) => (
              <div className="with-adornment">
                <span className="adornment" data-testid="objective-fairness-direction">
                  {goalText(fairness, '').trim()}
                </span>
                <input {...c} data-testid="objective-fairness-bound" type="number" step="any" min={0} max={1} value={form.fairnessBound} onChange={(e) => edit({ fairnessBound: e.target.value })} />
              </div>
            )}
          </Field>
          <Field
            id={objectiveInputId('constraints.fairness.sensitiveColumns')}
            label="Sensitive columns"
            hint="Comma-separated column names, e.g. gender, age_band."
            error={err('constraints.fairness.sensitiveColumns')}
            className="span-2"
          >
            {(c) => (
              <input {...c} data-testid="objective-sensitive-columns" className="mono" value={form.sensitiveColumns} onChange={(e) => edit({ sensitiveColumns: e.target.value })} />
            )}
          </Field>
        </div>
      )}
    </fieldset>
  );
}
