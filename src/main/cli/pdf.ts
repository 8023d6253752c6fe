import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MlcycleError } from '../../shared/contract/errors';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** The Chromium or Chrome to print with: MLCYCLE_CHROMIUM, else the usual install places. */
export function findChromium(env = process.env): string | null {
  if (env.MLCYCLE_CHROMIUM) return fs.existsSync(env.MLCYCLE_CHROMIUM) ? env.MLCYCLE_CHROMIUM : null;
  return CANDIDATES.find((candidate) => fs.existsSync(candidate)) ?? null;
}

/**
 * Prints self-contained HTML to PDF with headless Chromium, which lays out tables and fonts the way
 * the HTML brief looks in a browser. Offline: the page makes no requests.
 */
export function htmlToPdf(html: string, out: string, env = process.env): void {
  const browser = findChromium(env);
  if (!browser) {
    throw new MlcycleError('NOT_FOUND', 'PDF export prints the HTML brief with Chromium or Chrome, and neither was found. Install one (or set MLCYCLE_CHROMIUM to its path), or export --format html and print that.');
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mlcycle-pdf-'));
  try {
    const page = path.join(work, 'brief.html');
    fs.writeFileSync(page, html);
    const result = spawnSync(
      browser,
      ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${path.join(work, 'profile')}`, '--no-pdf-header-footer', `--print-to-pdf=${out}`, `file://${page}`],
      { encoding: 'utf8', timeout: 60_000 },
    );
    if (!fs.existsSync(out) || fs.statSync(out).size === 0) {
      throw new MlcycleError('INTERNAL', `Chromium (${browser}) did not write the PDF: ${(result.stderr || result.error?.message || `exit ${result.status}`).trim().split('\n').slice(-3).join(' ')}`);
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
