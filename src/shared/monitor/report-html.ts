import type { Alert, DriftHeatmap, FeatureHistogram, HealthReport, PerformanceReport } from './models';

/** What the monitoring report shows: statistics and distributions only, never a served row. */
export interface ReportData {
  project: string;
  generatedAt: string;
  heatmap: DriftHeatmap;
  histograms: FeatureHistogram[];
  performance: PerformanceReport | { unavailable: string };
  health: HealthReport | { unavailable: string };
  alerts: Alert[];
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const num = (x: number | null, digits = 3) => (x === null || !Number.isFinite(x) ? '—' : Number(x.toPrecision(digits)).toString());
const time = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** Cell colour: green below the threshold, amber near it, red when the test says drift; grey without a verdict. */
function cellColour(c: DriftHeatmap['features'][number]['cells'][number]): string {
  if (c.warning) return '#d8d8d8';
  return c.drifted ? '#d9534f' : '#5cb85c';
}

function heatmapSvg(h: DriftHeatmap): string {
  const [cw, ch, left, top] = [36, 22, 150, 24];
  const width = left + cw * h.windows.length + 10;
  const height = top + ch * h.features.length + 60;
  const cells = h.features.flatMap((f, r) =>
    f.cells.map((c, w) => {
      const title = `${f.feature}, ${time(h.windows[w]!.start)}: ${f.test} ${num(c.statistic)}${c.pValue !== null ? ` (p ${num(c.pValue)})` : ''}${c.warning ? ` — ${c.warning}` : c.drifted ? ' — drifted' : ''}`;
      return `<rect x="${left + w * cw}" y="${top + r * ch}" width="${cw - 2}" height="${ch - 2}" fill="${cellColour(c)}"><title>${esc(title)}</title></rect>`;
    }),
  );
  const rows = h.features.map((f, r) => `<text x="${left - 6}" y="${top + r * ch + 15}" text-anchor="end">${esc(f.feature)}</text>`);
  const cols = h.windows.map((w, i) => `<text x="${left + i * cw + cw / 2}" y="${top + h.features.length * ch + 14}" text-anchor="end" transform="rotate(-45 ${left + i * cw + cw / 2} ${top + h.features.length * ch + 14})">${esc(time(w.start).slice(11))}</text>`);
  const shares = h.windows.map((w, i) => `<text x="${left + i * cw + cw / 2 - 1}" y="${top - 8}" text-anchor="middle" fill="${w.datasetDrifted ? '#b52b27' : '#555'}">${Math.round(w.datasetShare * 100)}%</text>`);
  return `<svg role="img" aria-label="Drift per feature and window" width="${width}" height="${height}" font-size="11" font-family="sans-serif">${[...cells, ...rows, ...cols, ...shares].join('')}</svg>`;
}

function histogramSvg(h: FeatureHistogram): string {
  const bars = h.reference.length;
  const [w, ht, pad] = [Math.max(240, bars * 22), 120, 20];
  const peak = Math.max(...h.reference, ...h.current, 1e-9);
  const bw = (w - pad) / bars;
  const y = (v: number) => ht - (v / peak) * (ht - 10);
  const shapes = h.reference.flatMap((r, i) => [
    `<rect x="${pad + i * bw}" y="${y(r)}" width="${bw / 2 - 1}" height="${ht - y(r)}" fill="#8da0cb"><title>reference ${num(r * 100)}%</title></rect>`,
    `<rect x="${pad + i * bw + bw / 2}" y="${y(h.current[i]!)}" width="${bw / 2 - 1}" height="${ht - y(h.current[i]!)}" fill="#fc8d62"><title>served ${num(h.current[i]! * 100)}%</title></rect>`,
  ]);
  // Category names slanted under their bars so long or many names do not run into each other.
  const labels =
    h.kind === 'categorical'
      ? h.categories.map((c, i) => {
          const [x, ly] = [pad + i * bw + bw / 2, ht + 10];
          return `<text x="${x}" y="${ly}" text-anchor="end" transform="rotate(-40 ${x} ${ly})">${esc(c === '' ? '(empty)' : c.length > 14 ? `${c.slice(0, 13)}…` : c)}</text>`;
        })
      : [`<text x="${pad}" y="${ht + 12}">${num(h.edges[0]!)}</text>`, `<text x="${w}" y="${ht + 12}" text-anchor="end">${num(h.edges.at(-1)!)}</text>`];
  const below = h.kind === 'categorical' ? 70 : 18;
  return `<figure><figcaption>${esc(h.feature)} — reference (blue) and served (orange), ${h.currentRows} served values</figcaption><svg role="img" aria-label="${esc(h.feature)} distributions" width="${w + 10}" height="${ht + below}" font-size="10" font-family="sans-serif">${[...shapes, ...labels].join('')}</svg></figure>`;
}

function lineSvg(label: string, points: Array<[string, number | null]>, unit: string): string {
  const values = points.map(([, v]) => v).filter((v): v is number => v !== null);
  if (values.length === 0) return `<p>${esc(label)}: no data yet.</p>`;
  // One window is a number, not a line.
  if (values.length === 1) return `<p>${esc(label)}: ${num(values[0]!)} ${esc(unit)} (one window so far).</p>`;
  const [w, h] = [Math.max(240, points.length * 30), 100];
  const [lo, hi] = [Math.min(...values, 0), Math.max(...values)];
  const x = (i: number) => 10 + (i * (w - 20)) / Math.max(1, points.length - 1);
  const y = (v: number) => h - 10 - ((v - lo) / (hi - lo || 1)) * (h - 20);
  const path = points.map(([, v], i) => (v === null ? '' : `${x(i)},${y(v)}`)).filter(Boolean).join(' ');
  const dots = points.map(([t, v], i) => (v === null ? '' : `<circle cx="${x(i)}" cy="${y(v)}" r="3" fill="#377eb8"><title>${esc(time(t))}: ${num(v)} ${esc(unit)}</title></circle>`));
  return `<figure><figcaption>${esc(label)} (${esc(unit)}), ${num(lo)} to ${num(hi)}</figcaption><svg role="img" aria-label="${esc(label)}" width="${w}" height="${h}"><polyline fill="none" stroke="#377eb8" points="${path}"/>${dots.join('')}</svg></figure>`;
}

const table = (head: string[], rows: string[][]) => `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;

function performanceSection(p: ReportData['performance']): string {
  if ('unavailable' in p) return `<p>${esc(p.unavailable)}</p>`;
  return [
    `<p>${esc(p.metric)} on labeled rows per window; the model scored ${num(p.testValue)} on its test split (alert beyond a ${Math.round(p.tolerance * 100)}% drop).</p>`,
    lineSvg(p.metric, p.windows.map((w) => [w.start, w.value]), p.metric),
    table(['Window', 'Labeled', p.metric, 'Verdict'], p.windows.map((w) => [time(w.start), String(w.labeled), num(w.value), w.warning ?? (w.decayed ? 'decayed' : 'ok')])),
  ].join('');
}

function healthSection(h: ReportData['health']): string {
  if ('unavailable' in h) return `<p>${esc(h.unavailable)}</p>`;
  return [
    lineSvg('p99 latency', h.windows.map((w) => [w.start, w.p99Ms]), 'ms'),
    lineSvg('Requests per second', h.windows.map((w) => [w.start, w.requestsPerSecond]), 'req/s'),
    lineSvg('Error rate', h.windows.map((w) => [w.start, w.errorRate * 100]), '%'),
  ].join('');
}

/** A self-contained HTML page (inline SVG and CSS, no scripts, no external files) for people who do not open the app. */
export function renderMonitorReport(d: ReportData): string {
  const h = d.heatmap;
  const drifted = h.features.filter((f) => f.cells.some((c) => c.drifted)).map((f) => f.feature);
  const latest = h.windows.at(-1);
  const summary = latest
    ? `In the latest window (${time(latest.start)} UTC, ${latest.rows} rows) ${Math.round(latest.datasetShare * 100)}% of features drifted${latest.datasetDrifted ? ' — dataset drift' : ''}. ${drifted.length ? `Features that drifted in some window: ${drifted.join(', ')}.` : 'No feature drifted in any window.'}`
    : 'Nothing has been collected from this deployment yet.';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Monitoring report — ${esc(h.target)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:2px 8px;text-align:left;font-size:13px}figure{display:inline-block;margin:.5em 1em .5em 0}figcaption{font-size:12px;color:#444}.grid{display:flex;flex-wrap:wrap}</style></head><body>
<h1>Monitoring report: ${esc(h.model)} v${h.version} on ${esc(h.target)}</h1>
<p>Project ${esc(d.project)} · generated ${esc(d.generatedAt)} · ${h.windows.reduce((s, w) => s + w.rows, 0)} served rows in ${h.windows.length} windows. This report holds statistics only, no served rows.</p>
<h2>Summary</h2><p>${esc(summary)}</p>
<h2>Drift per feature and window</h2><p>Red: drifted; green: not; grey: too few rows to judge. The percentage above each window is its share of drifted features.</p>${heatmapSvg(h)}
${table(['Feature', 'Test', 'Threshold', 'Latest statistic', 'Drifted windows'], h.features.map((f) => [f.feature, f.test, num(f.threshold), num(f.cells.at(-1)?.statistic ?? null), String(f.cells.filter((c) => c.drifted).length)]))}
<h2>Distributions</h2><div class="grid">${d.histograms.map(histogramSvg).join('')}</div>
<h2>Performance</h2>${performanceSection(d.performance)}
<h2>Health</h2>${healthSection(d.health)}
<h2>Alerts</h2>${d.alerts.length ? table(['Raised', 'Severity', 'Signal', 'Message', 'Status'], d.alerts.map((a) => [time(a.raisedAt), a.severity, a.signal, a.message, a.status === 'acknowledged' ? `acknowledged by ${a.ackedBy ?? '?'}` : 'open'])) : '<p>No alerts.</p>'}
</body></html>`;
}
