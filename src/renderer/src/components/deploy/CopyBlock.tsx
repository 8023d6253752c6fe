import { useRef, useState } from 'react';

/** Text to copy (a URL, a curl command): shown as code with a Copy button; where the clipboard is refused, the text is selected for Ctrl+C. */
export function CopyBlock({ text, label, testId }: { text: string; label: string; testId: string }) {
  const ref = useRef<HTMLPreElement>(null);
  const [copied, setCopied] = useState<'yes' | 'select' | null>(null);
  const selectText = () => {
    const el = ref.current;
    if (!el) return;
    const range = document.createRange();
    range.selectNodeContents(el);
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
  };
  const copy = () => {
    navigator.clipboard
      .writeText(text)
      .then(() => setCopied('yes'))
      .catch(() => {
        selectText();
        setCopied('select');
      });
  };
  return (
    <div className="copy-block">
      <pre ref={ref} className="copy-text mono" data-testid={testId} tabIndex={0} aria-label={label}>
        {text}
      </pre>
      <div className="copy-actions">
        <button type="button" className="button small" onClick={copy} data-testid={`${testId}-copy`}>
          Copy
        </button>
        <span className="muted small-text" role="status">
          {copied === 'yes' ? 'Copied.' : copied === 'select' ? 'Selected: press Ctrl+C to copy.' : ''}
        </span>
      </div>
    </div>
  );
}
