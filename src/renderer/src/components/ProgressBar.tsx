import { percent } from '../lib/format';

/** A real progress bar: role, value for assistive tech, and the percentage as visible text. */
export function ProgressBar({ fraction, label, tone, testId }: { fraction: number; label: string; tone: string; testId?: string }) {
  const value = percent(fraction);
  return (
    <div className="progress">
      <div
        className={`progress-track tone-${tone}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={`${value}%`}
        data-testid={testId}
      >
        <div className="progress-fill" style={{ width: `${value}%` }} />
      </div>
      <span className="progress-text" aria-hidden="true">
        {value}%
      </span>
    </div>
  );
}
