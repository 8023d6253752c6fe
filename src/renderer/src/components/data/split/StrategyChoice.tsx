import { SPLIT_STRATEGIES, type SplitStrategy } from '../../../../../shared/data/split';

const WORDS: Record<SplitStrategy, { title: string; hint: string }> = {
  random: { title: 'Random', hint: 'rows shuffled by the seed' },
  stratified: { title: 'Stratified', hint: 'every set keeps the class shares of a column (the target)' },
  time: { title: 'Time', hint: 'oldest rows train, newest test: no peeking at the future' },
  group: { title: 'Group', hint: 'all rows of a group (a customer, a site) stay in one set' },
};

/** The four strategies as radio buttons, each with what it guarantees. */
export function StrategyChoice({ name, value, onChange }: { name: string; value: SplitStrategy; onChange(strategy: SplitStrategy): void }) {
  return (
    <fieldset className="ls-strategies">
      <legend>Strategy</legend>
      {SPLIT_STRATEGIES.map((s) => (
        <label key={s} className="ls-strategy">
          <input type="radio" name={name} value={s} data-testid={`split-strategy-${s}`} checked={value === s} onChange={() => onChange(s)} />
          <span>
            <strong>{WORDS[s].title}</strong> <span className="muted ls-strategy-hint">— {WORDS[s].hint}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
