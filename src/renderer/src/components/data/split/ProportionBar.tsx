import { count } from '../../../lib/data-words';

export interface Proportion {
  /** train, validation or test: also picks the colour. */
  name: string;
  value: number;
}

/**
 * Shares side by side in one bar, each segment as wide as its share and named in it: the planned
 * ratios in the form, the rows each set really got in the list. The numbers are also text.
 */
export function ProportionBar({ parts, unit, label, testId }: { parts: Proportion[]; unit: 'share' | 'rows'; label: string; testId?: string }) {
  const total = parts.reduce((sum, p) => sum + Math.max(0, p.value), 0);
  const words = (p: Proportion) => (unit === 'rows' ? `${p.name} ${count(p.value)}` : `${p.name} ${Math.round(p.value * 1000) / 10}%`);
  return (
    <div className="ls-bar" role="img" aria-label={`${label}: ${parts.map(words).join(', ')}`} data-testid={testId}>
      {parts
        .filter((p) => p.value > 0)
        .map((p) => (
          <span
            key={p.name}
            className={`ls-bar-part ls-set-${p.name}`}
            style={{ flexGrow: total > 0 ? p.value / total : 1 }}
            data-set={p.name}
            data-value={p.value}
            title={words(p)}
          >
            <span className="ls-bar-text">{words(p)}</span>
          </span>
        ))}
    </div>
  );
}
