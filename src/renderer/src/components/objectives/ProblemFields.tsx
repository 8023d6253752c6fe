import { Field } from '../form/Field';
import { objectiveError, objectiveInputId, type SectionProps } from './section-props';

/** Problem & decision: what goes wrong today, what the model decides, and why ML at all. */
export function ProblemFields({ form, edit, problem }: SectionProps) {
  const err = (path: string) => objectiveError(problem, path);
  return (
    <fieldset className="form-section">
      <legend>Problem &amp; decision</legend>
      <Field id={objectiveInputId('problem')} label="Business problem" hint="What goes wrong today, for whom, and what it costs." error={err('problem')}>
        {(c) => <textarea {...c} data-testid="objective-problem" rows={3} value={form.problem} onChange={(e) => edit({ problem: e.target.value })} />}
      </Field>
      <Field
        id={objectiveInputId('decision')}
        label="Decision the model supports"
        hint="Who acts on each prediction, and what they do differently."
        error={err('decision')}
      >
        {(c) => <textarea {...c} data-testid="objective-decision" rows={2} value={form.decision} onChange={(e) => edit({ decision: e.target.value })} />}
      </Field>
      <Field
        id={objectiveInputId('whyMl')}
        label="Why ML rather than a simpler rule"
        hint="What a hand-written rule misses that a model could learn."
        error={err('whyMl')}
      >
        {(c) => <textarea {...c} data-testid="objective-why-ml" rows={2} value={form.whyMl} onChange={(e) => edit({ whyMl: e.target.value })} />}
      </Field>
      <div className="field-grid">
        <Field
          id={objectiveInputId('baseline.description')}
          label="Baseline to beat"
          hint="The rule or process in use today, e.g. “call everyone with 3+ support tickets”."
          error={err('baseline.description')}
          className="span-2"
        >
          {(c) => (
            <input {...c} data-testid="objective-baseline" value={form.baselineDescription} onChange={(e) => edit({ baselineDescription: e.target.value })} />
          )}
        </Field>
        <Field id={objectiveInputId('baseline.value')} label="Baseline score" hint="On the primary metric, if known." error={err('baseline.value')}>
          {(c) => (
            <input
              {...c}
              data-testid="objective-baseline-value"
              type="number"
              step="any"
              value={form.baselineValue}
              onChange={(e) => edit({ baselineValue: e.target.value })}
            />
          )}
        </Field>
      </div>
    </fieldset>
  );
}
