import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem<T extends string> {
  id: T;
  label: string;
  /** Shown after the label: a count, an unsaved-changes dot. */
  extra?: ReactNode;
}

interface TabListProps<T extends string> {
  /** Prefix of ids and test ids: `${name}-tab-${id}`, panels `${name}-panel-${id}`. */
  name: string;
  label: string;
  tabs: TabItem<T>[];
  current: T;
  onSelect(tab: T): void;
}

/** ARIA tabs: one Tab stop for the list; arrow keys, Home and End move and open. */
export function TabList<T extends string>({ name, label, tabs, current, onSelect }: TabListProps<T>) {
  const refs = useRef(new Map<T, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const target = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = tabs[target]!.id;
    onSelect(next);
    refs.current.get(next)?.focus();
  };

  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {tabs.map((t, index) => (
        <button
          key={t.id}
          ref={(el) => {
            if (el) refs.current.set(t.id, el);
            else refs.current.delete(t.id);
          }}
          type="button"
          role="tab"
          id={`${name}-tab-${t.id}`}
          data-testid={`${name}-tab-${t.id}`}
          aria-selected={current === t.id}
          aria-controls={`${name}-panel-${t.id}`}
          tabIndex={current === t.id ? 0 : -1}
          className="tab"
          onClick={() => onSelect(t.id)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {t.label}
          {t.extra}
        </button>
      ))}
    </div>
  );
}
