import { useRef, useState } from 'react';
import { copyText, selectText } from '../../../lib/clean-copy';

/**
 * The SQL the recipe runs, one CTE per step, to copy into DuckDB. Where the page may not write to
 * the clipboard, the text is selected instead and the user is told to press Ctrl+C.
 */
export function SqlBlock({ sql }: { sql: string }) {
  const pre = useRef<HTMLPreElement>(null);
  const [copied, setCopied] = useState<{ ok: boolean; sql: string } | null>(null);

  const copy = async () => {
    const ok = await copyText(sql);
    if (!ok && pre.current) selectText(pre.current);
    setCopied({ ok, sql });
  };
  // A note about an older SQL text would mislead once the recipe changed.
  const note = copied && copied.sql === sql ? copied : null;

  return (
    <div className="clean-sql">
      <div className="clean-section-head">
        <h4 id="clean-sql-title">SQL</h4>
        <span className="muted">the whole recipe as one DuckDB query over the version&apos;s Parquet file</span>
        <button type="button" className="button small" data-testid="clean-copy-sql" onClick={() => void copy()}>
          Copy SQL
        </button>
      </div>
      <span role="status" className={note && !note.ok ? 'clean-copy-note warn' : 'clean-copy-note'} data-testid="clean-copy-status">
        {note ? (note.ok ? 'Copied to the clipboard.' : 'This page may not use the clipboard: the SQL below is selected, press Ctrl+C (⌘C) to copy it.') : ''}
      </span>
      <pre ref={pre} className="clean-sql-text mono" data-testid="clean-sql" aria-labelledby="clean-sql-title" tabIndex={0}>
        {sql}
      </pre>
    </div>
  );
}
