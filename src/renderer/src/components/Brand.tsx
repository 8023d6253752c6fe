/** The MLCycle mark and word: a ring of arrows, the lifecycle. */
export function Brand({ compact = false }: { compact?: boolean }) {
  return (
    <span className={compact ? 'brand brand-compact' : 'brand'}>
      <svg className="brand-mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M12 3a9 9 0 0 1 8.5 6" />
        <path d="M21 15a9 9 0 0 1-7.5 5.9" />
        <path d="M8.6 20.3A9 9 0 0 1 3.3 9.6" />
        <path d="M18.2 5.9 20.6 9l-3.7.6" />
        <path d="M15.6 22.4 13.4 21l2.3-3" />
        <path d="M2.2 12.8 3.3 9.6l3.2 1.7" />
      </svg>
      <span className="brand-word">MLCycle</span>
    </span>
  );
}
