import type { ParamSpec } from '../../../../shared/train/learners';
import { defaultText, paramProblem } from '../../lib/train-params';
import { listSeparator, reshape, type DimDraft } from '../../lib/train-search';
import { FieldError } from '../form/FieldError';
import { ParamInput } from './ParamRow';

interface SearchDimRowProps {
  spec: ParamSpec;
  dim: DimDraft;
  /** The value used when it is not searched (the single-run field). */
  fixedText: string;
  /** Why the search's range or list cannot be sent. */
  problem: string | null;
  disabled: boolean;
  onDim(dim: DimDraft): void;
  onFixed(text: string): void;
}

/** What the search tries for a number: low to high (log scale where the range spans decades), or a list of values. */
function RangeOrList({ spec, dim, id, disabled, onDim }: { spec: ParamSpec; dim: Extract<DimDraft, { shape: 'range' | 'list' }>; id: string; disabled: boolean; onDim(dim: DimDraft): void }) {
  const other = dim.shape === 'range' ? 'list' : 'range';
  return (
    <div className="search-dim-values">
      {dim.shape === 'range' ? (
        <>
          <input id={`${id}-low`} data-testid={`search-low-${spec.name}`} aria-label={`${spec.label}: low end`} value={dim.low} disabled={disabled} inputMode="decimal" spellCheck={false} onChange={(e) => onDim({ ...dim, low: e.target.value })} />
          <span aria-hidden="true">to</span>
          <input data-testid={`search-high-${spec.name}`} aria-label={`${spec.label}: high end`} value={dim.high} disabled={disabled} inputMode="decimal" spellCheck={false} onChange={(e) => onDim({ ...dim, high: e.target.value })} />
          <label className="checkbox-row search-log" title="Draw values evenly on a log scale: as many between 0.001 and 0.01 as between 0.01 and 0.1.">
            <input type="checkbox" data-testid={`search-log-${spec.name}`} checked={dim.log} disabled={disabled} onChange={(e) => onDim({ ...dim, log: e.target.checked })} />
            log
          </label>
        </>
      ) : (
        <input
          id={`${id}-values`}
          className="search-dim-list"
          data-testid={`search-values-${spec.name}`}
          aria-label={`${spec.label}: values to try, separated by “${listSeparator(spec)}”`}
          value={dim.values}
          disabled={disabled}
          spellCheck={false}
          onChange={(e) => onDim({ ...dim, values: e.target.value })}
        />
      )}
      {spec.kind === 'number' && (
        <button type="button" className="button small ghost" data-testid={`search-shape-${spec.name}`} disabled={disabled} onClick={() => onDim(reshape(spec, dim, other))}>
          {other === 'list' ? 'List values instead' : 'Use a range instead'}
        </button>
      )}
    </div>
  );
}

/** One hyperparameter in a search: tick to search it (range, list or choices), else it stays at one value. */
export function SearchDimRow({ spec, dim, fixedText, problem, disabled, onDim, onFixed }: SearchDimRowProps) {
  const id = `search-${spec.name}`;
  const fixedProblem = dim.searched ? null : paramProblem(spec, fixedText);
  const shown = problem ?? fixedProblem;
  const how =
    dim.shape === 'choices' ? 'Tick the ones to try.' : dim.shape === 'list' ? `Values to try, separated by “${listSeparator(spec)}”.` : `Drawn between the two ends${spec.kind === 'number' && spec.integer ? ' (whole numbers)' : ''}.`;
  return (
    <div className={`train-param search-dim${shown ? ' has-error' : ''}`} data-testid={`search-dim-${spec.name}`} data-searched={dim.searched ? 'true' : undefined}>
      <div>
        <label className="checkbox-row search-on">
          <input type="checkbox" data-testid={`search-on-${spec.name}`} checked={dim.searched} disabled={disabled} aria-describedby={`${id}-hint`} onChange={(e) => onDim({ ...dim, searched: e.target.checked })} />
          <span>
            Search <strong>{spec.label}</strong>
          </span>
        </label>
        <p className="hint" id={`${id}-hint`}>
          {dim.searched ? how : `${spec.hint} Fixed at this value; default ${defaultText(spec)}.`}
        </p>
      </div>
      {!dim.searched && <ParamInput spec={spec} text={fixedText} disabled={disabled} describedBy={`${id}-hint`} invalid={Boolean(fixedProblem)} onChange={onFixed} />}
      {dim.searched && dim.shape === 'choices' && spec.kind === 'choice' && (
        <fieldset className="search-dim-choices">
          <legend className="visually-hidden">{spec.label}: values to try</legend>
          {spec.choices.map((choice) => (
            <label key={choice} className="checkbox-row">
              <input
                type="checkbox"
                data-testid={`search-choice-${spec.name}-${choice}`}
                checked={dim.chosen.includes(choice)}
                disabled={disabled}
                onChange={(e) => onDim({ ...dim, chosen: e.target.checked ? [...dim.chosen, choice] : dim.chosen.filter((c) => c !== choice) })}
              />
              {choice}
            </label>
          ))}
        </fieldset>
      )}
      {dim.searched && dim.shape !== 'choices' && <RangeOrList spec={spec} dim={dim} id={id} disabled={disabled} onDim={onDim} />}
      {shown && <FieldError id={`${id}-error`} message={shown} />}
    </div>
  );
}
