import { useState } from 'react';
import { downloadText } from '../lib/download';
import { useAppStore } from '../store';
import type { BriefFormat } from '../store/governance-slice';
import { BriefPreviewDialog } from './BriefPreviewDialog';

/**
 * Exports the project brief (objective, people, policy, decision log) as a file to share: Markdown
 * for repositories and wikis, self-contained HTML for everyone else, or a preview right here.
 */
export function BriefExport({ compact = false }: { compact?: boolean }) {
  const busy = useAppStore((s) => s.briefBusy);
  const fetchBrief = useAppStore((s) => s.fetchBrief);
  const [preview, setPreview] = useState<string | null>(null);

  const download = async (format: BriefFormat) => {
    const brief = await fetchBrief(format);
    if (brief) downloadText(brief.filename, brief.mediaType, brief.content);
  };
  const openPreview = async () => {
    const brief = await fetchBrief('html');
    if (brief) setPreview(brief.content);
  };

  return (
    <div className={compact ? 'brief-export compact' : 'brief-export'} role="group" aria-label="Export the project brief">
      {!compact && <span className="brief-label">Project brief</span>}
      <button type="button" className="button small" data-testid="brief-markdown" disabled={busy !== null} onClick={() => void download('markdown')}>
        {busy === 'markdown' ? 'Exporting…' : 'Download Markdown'}
      </button>
      <button type="button" className="button small" data-testid="brief-html" disabled={busy !== null} onClick={() => void download('html')}>
        Download HTML
      </button>
      <button type="button" className="button small ghost" data-testid="brief-preview" disabled={busy !== null} onClick={() => void openPreview()}>
        Preview
      </button>
      {preview !== null && <BriefPreviewDialog html={preview} onClose={() => setPreview(null)} />}
    </div>
  );
}
