import { METRICS, ML_TASKS, TASK_LABELS, metricSpec, metricsForTask, type MetricSpec, type MlTask } from '../../../../shared/governance/metrics';
import { goalText, rangeText } from '../../lib/governance-words';
import type { ObjectiveForm } from '../../lib/objective-form';
import { Field } from '../form/Field';
import { objectiveError, objectiveInputId, type SectionProps } from './section-props';

/** Changing the task keeps the metric only if it still applies. */
function taskChange(form: ObjectiveForm, task: MlTask | ''): Partial<ObjectiveForm> {
  const spec = form.metric ? metricSpec(form.metric) : undefined;
  const stillFits = !task || !spec || spec.tasks.includes(task);
  return stillFits ? { task } : { task, metric: '' };
}

/** Task & success metric: what kind of model, what it predicts, and the bar it must clear. */
export function SuccessFields({ form, edit, problem }: SectionProps) {
  const err = (path: string) => objectiveError(problem, path);
  const options: MetricSpec[] = form.task ? metricsForTask(form.task) : [...METRICS];
  const spec = form.metric ? metricSpec(form.metric) : undefined;

  return (
    <fieldset className="form-section">
      <legend>Task &amp; success metric</legend>
      <div className="field-grid">
        <Field id={objectiveInputId('task')} label="ML task" error={err('task')}>
          {(c) => (
            <select {...c} data-testid="objective-task" value={form.task} onChange={(e) => edit(taskChange(form, e.target.value as MlTask | ''))}>
              <option value="">Not chosen yet</option>
              {ML_TASKS.map((task) => (
                <option key={task} value={task}>
                  {TASK_LABELS[task]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={objectiveInputId('target')}
          label="Target column"
          hint="The column to predict. Pick it from the data once imported; a name is fine for now."
          error={err('target')}
        >
          {(c) => <input {...c} data-testid="objective-target" className="mono" value={form.target} onChange={(e) => edit({ target: e.target.value })} />}
        </Field>
        <Field
          id={objectiveInputId('primaryMetric.metric')}
          label="Primary success metric"
          hint={spec ? spec.description : form.task ? `Metrics that apply to ${TASK_LABELS[form.task].toLowerCase()}.` : 'Choose the ML task to see only the metrics that fit it.'}
          error={err('primaryMetric.metric') ?? problem?.fields.primaryMetric}
        >
          {(c) => (
            <select {...c} data-testid="objective-metric" value={form.metric} onChange={(e) => edit({ metric: e.target.value as ObjectiveForm['metric'] })}>
              <option value="">None yet</option>
              {options.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label} ({m.higherIsBetter ? 'higher' : 'lower'} is better)
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={objectiveInputId('primaryMetric.threshold')}
          label="Threshold a model must reach"
          hint={spec ? `${spec.higherIsBetter ? 'At least' : 'At most'} this on the test split. Valid range: ${rangeText(spec)}.` : 'Choose a metric first.'}
          error={err('primaryMetric.threshold')}
        >
          {(c) => (
            <div className="with-adornment">
              <span className="adornment" data-testid="objective-direction" title={spec ? (spec.higherIsBetter ? 'Higher is better' : 'Lower is better') : undefined}>
                {spec ? goalText(spec, '').trim() : '≥'}
              </span>
              <input
                {...c}
                data-testid="objective-threshold"
                type="number"
                step="any"
                min={spec?.min ?? undefined}
                max={spec?.max ?? undefined}
                value={form.threshold}
                onChange={(e) => edit({ threshold: e.target.value })}
              />
            </div>
          )}
        </Field>
      </div>
    </fieldset>
  );
}
