import { LINK_KINDS, type DecisionLink, type LinkKind } from '../../../../shared/governance/decisions';
import { LINK_KIND_LABELS } from '../../lib/governance-words';
import { inputIdFor, problemAt, type FormProblem } from '../../lib/problems';
import { FieldError } from '../form/FieldError';

const PLACEHOLDERS: Record<LinkKind, string> = {
  dataset: 'e.g. churn-2024-q4',
  run: 'e.g. run id',
  model: 'e.g. churn-gbm v3',
  deployment: 'e.g. prod-eu',
  objective: 'e.g. 2',
  policy: 'e.g. 1',
};

/** What a decision is about: kind + id rows, so the log can point at datasets, runs, models and deployments. */
export function LinkRows({ links, onChange, problem }: { links: DecisionLink[]; onChange(links: DecisionLink[]): void; problem: FormProblem | null }) {
  const update = (index: number, change: Partial<DecisionLink>) => onChange(links.map((l, i) => (i === index ? { ...l, ...change } : l)));
  const add = () => {
    onChange([...links, { kind: 'dataset', ref: '' }]);
    requestAnimationFrame(() => document.getElementById(inputIdFor('decision', `links[${links.length}].ref`))?.focus());
  };

  return (
    <fieldset className="link-rows">
      <legend>Links</legend>
      {links.length === 0 && <p className="hint">Optional: the datasets, runs, model versions or deployments this decision is about.</p>}
      {links.map((link, index) => {
        const refId = inputIdFor('decision', `links[${index}].ref`);
        const error = problemAt(problem, `links[${index}]`);
        return (
          <div className="link-row" key={index} data-testid="decision-link-row">
            <select aria-label={`Link ${index + 1}: kind`} data-testid={`decision-link-kind-${index}`} value={link.kind} onChange={(e) => update(index, { kind: e.target.value as LinkKind })}>
              {LINK_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {LINK_KIND_LABELS[kind]}
                </option>
              ))}
            </select>
            <input
              id={refId}
              aria-label={`Link ${index + 1}: id or name`}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${refId}-error` : undefined}
              data-testid={`decision-link-ref-${index}`}
              className="mono"
              placeholder={PLACEHOLDERS[link.kind]}
              value={link.ref}
              onChange={(e) => update(index, { ref: e.target.value })}
            />
            <button type="button" className="button small ghost" aria-label={`Remove link ${index + 1}`} onClick={() => onChange(links.filter((_, i) => i !== index))}>
              Remove
            </button>
            {error && <FieldError id={`${refId}-error`} message={error} />}
          </div>
        );
      })}
      <div>
        <button type="button" className="button small" data-testid="decision-add-link" onClick={add}>
          + Add a link
        </button>
      </div>
    </fieldset>
  );
}
