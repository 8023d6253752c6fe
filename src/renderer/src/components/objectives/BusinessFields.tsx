import { Field } from '../form/Field';
import { objectiveError, objectiveInputId, type SectionProps } from './section-props';

/** The business success measure: how people outside the team will judge the model, in words and a number. */
export function BusinessFields({ form, edit, problem }: SectionProps) {
  const err = (path: string) => objectiveError(problem, path);
  return (
    <fieldset className="form-section">
      <legend>Business measure</legend>
      <Field
        id={objectiveInputId('businessMeasure.description')}
        label="How the business will measure success"
        hint="In the business’s terms, not the model’s, e.g. “customers kept by the retention team per quarter”."
        error={err('businessMeasure.description')}
      >
        {(c) => (
          <textarea {...c} data-testid="objective-business" rows={2} value={form.businessDescription} onChange={(e) => edit({ businessDescription: e.target.value })} />
        )}
      </Field>
      <div className="field-grid">
        <Field id={objectiveInputId('businessMeasure.target')} label="Target" error={err('businessMeasure.target')}>
          {(c) => (
            <input {...c} data-testid="objective-business-target" type="number" step="any" value={form.businessTarget} onChange={(e) => edit({ businessTarget: e.target.value })} />
          )}
        </Field>
        <Field id={objectiveInputId('businessMeasure.unit')} label="Unit" hint="e.g. “% fewer cancellations”." error={err('businessMeasure.unit')}>
          {(c) => <input {...c} data-testid="objective-business-unit" value={form.businessUnit} onChange={(e) => edit({ businessUnit: e.target.value })} />}
        </Field>
      </div>
    </fieldset>
  );
}
