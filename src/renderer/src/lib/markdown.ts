/**
 * The small part of Markdown that model cards use — headings, paragraphs, bullet and numbered
 * lists, pipe tables, code fences, `code`, **strong** and _emphasis_ — parsed into plain data.
 * The view turns the data into React elements, so text is always text: HTML in a card is shown as
 * written, never injected into the page.
 */

export type Inline = { kind: 'text'; text: string } | { kind: 'code'; text: string } | { kind: 'strong'; children: Inline[] } | { kind: 'em'; children: Inline[] };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; inlines: Inline[] }
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'table'; align: Array<'left' | 'right' | 'center'>; head: Inline[][]; rows: Inline[][][] }
  | { kind: 'code'; text: string };

/** `code` first (nothing inside it is markup), then **strong**, then _em_ or *em*. */
const INLINE = /`([^`]+)`|\*\*([^*]+)\*\*|__([^_]+)__|(?<![\w*])\*([^*\s][^*]*)\*(?![\w*])|(?<![\w_])_([^_\s][^_]*)_(?![\w_])/g;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ kind: 'code', text: m[1] });
    // Emphasis may hold code or the other emphasis: its text is parsed again.
    else if (m[2] !== undefined || m[3] !== undefined) out.push({ kind: 'strong', children: parseInline((m[2] ?? m[3])!) });
    else out.push({ kind: 'em', children: parseInline((m[4] ?? m[5])!) });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());
const isDelimiterRow = (line: string) => /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line);
const alignOf = (cell: string): 'left' | 'right' | 'center' => (cell.startsWith(':') && cell.endsWith(':') ? 'center' : cell.endsWith(':') ? 'right' : 'left');
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.trim()) {
      i++;
      continue;
    }
    if (/^\s*```/.test(line)) {
      const body: string[] = [];
      for (i++; i < lines.length && !/^\s*```/.test(lines[i]!); i++) body.push(lines[i]!);
      i++;
      blocks.push({ kind: 'code', text: body.join('\n') });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      blocks.push({ kind: 'heading', level: Math.min(4, heading[1]!.length) as 1 | 2 | 3 | 4, inlines: parseInline(heading[2]!) });
      i++;
      continue;
    }
    if (line.includes('|') && i + 1 < lines.length && isDelimiterRow(lines[i + 1]!)) {
      const head = cells(line);
      const align = cells(lines[i + 1]!).map(alignOf);
      const rows: Inline[][][] = [];
      for (i += 2; i < lines.length && lines[i]!.includes('|') && lines[i]!.trim(); i++) rows.push(cells(lines[i]!).map(parseInline));
      blocks.push({ kind: 'table', align, head: head.map(parseInline), rows });
      continue;
    }
    const listMatch = BULLET.exec(line) ?? NUMBERED.exec(line);
    if (listMatch) {
      const ordered = !BULLET.test(line);
      const pattern = ordered ? NUMBERED : BULLET;
      const items: Inline[][] = [];
      for (; i < lines.length; i++) {
        const item = pattern.exec(lines[i]!);
        if (item) items.push(parseInline(item[1]!));
        // A line indented under an item continues it.
        else if (/^\s{2,}\S/.test(lines[i]!) && items.length) items[items.length - 1]!.push(...parseInline(` ${lines[i]!.trim()}`));
        else break;
      }
      blocks.push({ kind: 'list', ordered, items });
      continue;
    }
    const para: string[] = [];
    for (; i < lines.length && lines[i]!.trim() && !/^(#{1,6}\s|\s*```)/.test(lines[i]!) && !BULLET.test(lines[i]!) && !NUMBERED.test(lines[i]!); i++) para.push(lines[i]!.trim());
    blocks.push({ kind: 'paragraph', inlines: parseInline(para.join(' ')) });
  }
  return blocks;
}
