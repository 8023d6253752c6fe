import type { StepErrors } from '../../../lib/clean-recipe';
import { STEP_WORDS, type StepColumn, type StepDraft } from '../../../lib/clean-steps';
import type { CleanPreviewError } from './clean-state';
import { StepFields } from './StepFields';

interface StepCardProps {
  draft: StepDraft;
  index: number;
  total: number;
  columns: StepColumn[];
  errors: StepErrors;
  /** The engine's complaint about this step from the last preview, if it named this one. */
  engineError: CleanPreviewError | null;
  onChange(draft: StepDraft): void;
  onMove(delta: -1 | 1): void;
  onRemove(): void;
}

/**
 * One step: its number and kind, its fields, and Move up / Move down / Remove. Ids carry the
 * step's own id so focus can follow a step that moved.
 */
export function StepCard({ draft, index, total, columns, errors, engineError, onChange, onMove, onRemove }: StepCardProps) {
  const n = index + 1;
  const words = STEP_WORDS[draft.op];
  const titleId = `clean-${draft.id}-title`;
  // The engine's complaint goes under the field it concerns when it is known, else under the step.
  const atField = engineError?.field && !errors[engineError.field] ? engineError.field : null;
  const fieldErrors = atField ? { ...errors, [atField]: engineError!.message } : errors;
  const invalid = Object.keys(errors).length > 0 || engineError !== null;

  return (
    <li className={`clean-step${invalid ? ' has-error' : ''}`} data-testid="clean-step" data-step-id={draft.id} data-op={draft.op} data-index={index} aria-labelledby={titleId}>
      <div className="clean-step-head">
        <span className="clean-step-number" aria-hidden="true">
          {n}
        </span>
        <h4 id={titleId} tabIndex={-1}>
          <span className="visually-hidden">Step {n}: </span>
          {words.title}
        </h4>
        <span className="muted clean-step-hint">{words.hint}</span>
        <span className="clean-step-actions">
          <button type="button" className="button small ghost" id={`clean-${draft.id}-up`} aria-label={`Move step ${n} up`} disabled={index === 0} onClick={() => onMove(-1)}>
            ↑
          </button>
          <button type="button" className="button small ghost" id={`clean-${draft.id}-down`} aria-label={`Move step ${n} down`} disabled={index === total - 1} onClick={() => onMove(1)}>
            ↓
          </button>
          <button type="button" className="button small ghost" data-testid="clean-step-remove" aria-label={`Remove step ${n}`} onClick={onRemove}>
            ✕
          </button>
        </span>
      </div>
      <StepFields draft={draft} columns={columns} errors={fieldErrors} onChange={onChange} />
      {engineError && !atField && (
        <p className="clean-step-error" data-testid="clean-step-error">
          <span aria-hidden="true">⚠ </span>
          {engineError.message}
        </p>
      )}
    </li>
  );
}
