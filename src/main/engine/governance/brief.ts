import { FAIRNESS_METRICS, TASK_LABELS, comparator, metricSpec } from '../../../shared/governance/metrics';
import type { Objective } from '../../../shared/governance/objective';
import { GOVERNANCE_STAGES, ROLE_LABELS, type Person } from '../../../shared/governance/people';
import type { Policy } from '../../../shared/governance/policy';
import type { TimelineEntry } from '../../../shared/governance/methods';
import type { ProjectSummary } from '../../../shared/contract/models';

/** A document as sections of paragraphs and tables, rendered to Markdown or to self-contained HTML. */
type Block = { kind: 'p'; text: string } | { kind: 'table'; head: string[]; rows: string[][] } | { kind: 'list'; items: string[] };
interface Section {
  title: string;
  blocks: Block[];
}

export interface BriefInput {
  project: ProjectSummary;
  objective: Objective;
  objectiveVersion: number;
  policy: Policy;
  people: Person[];
  timeline: TimelineEntry[];
  generatedAt: string;
  generatedBy: string;
}

const orDash = (text: string | null | undefined) => (text && text.trim() ? text : '—');

function objectiveSection(o: Objective): Section {
  const metric = o.primaryMetric ? metricSpec(o.primaryMetric.metric) : undefined;
  const fairness = o.constraints.fairness;
  const fairnessSpec = fairness ? FAIRNESS_METRICS.find((m) => m.id === fairness.metric) : undefined;
  const business = o.businessMeasure;
  return {
    title: 'Objective',
    blocks: [
      {
        kind: 'table',
        head: ['', ''],
        rows: [
          ['Business problem', orDash(o.problem)],
          ['Decision it supports', orDash(o.decision)],
          ['Why machine learning', orDash(o.whyMl)],
          ['Baseline to beat', orDash([o.baseline.description, o.baseline.value === null ? '' : `(${o.baseline.value})`].filter(Boolean).join(' '))],
          ['ML task', o.task ? TASK_LABELS[o.task] : '—'],
          ['Target column', orDash(o.target)],
          ['Success metric', metric && o.primaryMetric ? `${metric.label} ${comparator(metric) === '>=' ? '≥' : '≤'} ${o.primaryMetric.threshold} on the test split` : '—'],
          ['p99 latency limit', o.constraints.p99LatencyMs === null ? '—' : `${o.constraints.p99LatencyMs} ms`],
          ['Model size limit', o.constraints.maxModelSizeMb === null ? '—' : `${o.constraints.maxModelSizeMb} MB`],
          ['Fairness bound', fairness && fairnessSpec ? `${fairnessSpec.label} ${fairnessSpec.higherIsBetter ? '≥' : '≤'} ${fairness.bound} on ${fairness.sensitiveColumns.join(', ')}` : '—'],
          ['Business success', orDash([business.description, business.target === null ? '' : `target ${business.target}${business.unit ? ` ${business.unit}` : ''}`].filter(Boolean).join(' — '))],
        ],
      },
      ...(o.dataSources.length
        ? [{ kind: 'table' as const, head: ['Planned data source', 'Kind', 'Where', 'Notes'], rows: o.dataSources.map((d) => [d.name, d.kind, orDash(d.location), orDash(d.notes)]) }]
        : [{ kind: 'p' as const, text: 'No data sources planned yet.' }]),
    ],
  };
}

function peopleSection(people: Person[]): Section {
  if (people.length === 0) return { title: 'People and ownership', blocks: [{ kind: 'p', text: 'No people named yet.' }] };
  return {
    title: 'People and ownership',
    blocks: [
      { kind: 'p', text: 'R = responsible, A = accountable (owner), C = consulted, I = informed.' },
      {
        kind: 'table',
        head: ['Name', 'Role', ...GOVERNANCE_STAGES.map((s) => s[0]!.toUpperCase() + s.slice(1))],
        rows: people.map((p) => [p.email ? `${p.name} <${p.email}>` : p.name, ROLE_LABELS[p.role], ...GOVERNANCE_STAGES.map((s) => p.raci[s] ?? '')]),
      },
    ],
  };
}

function policySection(p: Policy): Section {
  const yes = (b: boolean) => (b ? 'required' : 'not required');
  return {
    title: 'Policies',
    blocks: [
      {
        kind: 'list',
        items: [
          `Primary metric threshold on the test split: ${yes(p.promotion.requirePrimaryMetric)}.`,
          `Latency and size limits: ${yes(p.promotion.requireConstraints)}.`,
          `Fairness bound: ${yes(p.promotion.requireFairness)}.`,
          `ONNX parity with the trained model: ${yes(p.promotion.requireParity)}.`,
          `Approvals: ${p.promotion.approvals.required} from ${p.promotion.approvals.roles.map((r) => ROLE_LABELS[r].toLowerCase()).join(' or ') || 'anyone'}.`,
          `Drift: p-value < ${p.monitoring.pValue}, distance ≥ ${p.monitoring.distanceThreshold}, PSI ≥ ${p.monitoring.psiThreshold}; dataset drift when ${p.monitoring.datasetDriftShare * 100}% of features drift.`,
          `Performance alert when a metric falls ${p.monitoring.performanceTolerance * 100}% below its test value (severity ${p.monitoring.alertSeverity}).`,
          `Retraining: ${p.retrain.cadence}${p.retrain.maxModelAgeDays ? `, and when the model is older than ${p.retrain.maxModelAgeDays} days` : ''}.`,
          `Prediction logs kept ${p.retention.predictionLogDays} days (${p.retention.sampleRate * 100}% of requests).`,
        ],
      },
    ],
  };
}

function logSection(timeline: TimelineEntry[]): Section {
  if (timeline.length === 0) return { title: 'Decision log', blocks: [{ kind: 'p', text: 'No decisions recorded yet.' }] };
  return {
    title: 'Decision log',
    blocks: [
      {
        kind: 'table',
        head: ['When', 'Who', 'What', 'Why / details'],
        rows: timeline.map((t) => [t.at.slice(0, 16).replace('T', ' '), t.who, t.title, t.detail.replace(/\n/g, '; ')]),
      },
    ],
  };
}

function sections(input: BriefInput): Section[] {
  return [objectiveSection(input.objective), peopleSection(input.people), policySection(input.policy), logSection(input.timeline)];
}

const mdCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function briefMarkdown(input: BriefInput): string {
  const out = [
    `# ${input.project.name} — project brief`,
    '',
    `Generated ${input.generatedAt.slice(0, 16).replace('T', ' ')} UTC by ${input.generatedBy} from objective version ${input.objectiveVersion}.`,
  ];
  for (const section of sections(input)) {
    out.push('', `## ${section.title}`, '');
    for (const block of section.blocks) {
      if (block.kind === 'p') out.push(block.text, '');
      if (block.kind === 'list') out.push(...block.items.map((i) => `- ${i}`), '');
      if (block.kind === 'table') {
        out.push(`| ${block.head.map(mdCell).join(' | ')} |`, `| ${block.head.map(() => '---').join(' | ')} |`, ...block.rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`), '');
      }
    }
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2433;max-width:960px;margin:2rem auto;padding:0 1.5rem}
h1{font-size:1.7rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d8dde6;padding-bottom:.3rem}
.meta{color:#5b6475}table{border-collapse:collapse;width:100%;margin:.6rem 0}td,th{border:1px solid #d8dde6;padding:.35rem .6rem;text-align:left;vertical-align:top}
th{background:#f2f4f8}table.kv td:first-child{width:28%;color:#5b6475}@media print{body{margin:0}}`;

/** One HTML file with its CSS inline: no scripts, no external requests; prints cleanly to PDF. */
export function briefHtml(input: BriefInput): string {
  const body = sections(input)
    .map((section) => {
      const blocks = section.blocks.map((block) => {
        if (block.kind === 'p') return `<p>${esc(block.text)}</p>`;
        if (block.kind === 'list') return `<ul>${block.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
        const keyValue = block.head.every((h) => h === '');
        const head = keyValue ? '' : `<thead><tr>${block.head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>`;
        const rows = block.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('');
        return `<table${keyValue ? ' class="kv"' : ''}>${head}<tbody>${rows}</tbody></table>`;
      });
      return `<section><h2>${esc(section.title)}</h2>${blocks.join('')}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(input.project.name)} — project brief</title><style>${STYLE}</style></head>
<body><h1>${esc(input.project.name)} — project brief</h1>
<p class="meta">Generated ${esc(input.generatedAt.slice(0, 16).replace('T', ' '))} UTC by ${esc(input.generatedBy)} from objective version ${input.objectiveVersion}.</p>
${body}
</body></html>
`;
}
