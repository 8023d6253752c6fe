import type { ColumnInfo } from '../../../shared/data/models';

/**
 * Fixed column widths, so every row lines up with the header without measuring anything: by how
 * the column is treated, widened for a long name, and capped so one column never fills the screen.
 */
export function columnWidth(column: ColumnInfo): number {
  const base = { numeric: 124, boolean: 104, datetime: 176, text: 240, categorical: 148 }[column.semantic] ?? 148;
  // The header shows the name in bold and "TYPE · semantic" in small text under it: fit both.
  const name = column.name.length * 9 + 36;
  const type = (column.type.length + column.semantic.length + 3) * 6.5 + 24;
  return Math.min(320, Math.ceil(Math.max(base, name, type)));
}

/** The row-number column fits the largest row number. */
export function indexWidth(total: number): number {
  return Math.max(56, String(total).length * 8 + 24);
}

export function gridTemplate(columns: ColumnInfo[], total: number): { template: string; width: number } {
  const widths = [indexWidth(total), ...columns.map(columnWidth)];
  return { template: widths.map((w) => `${w}px`).join(' '), width: widths.reduce((a, b) => a + b, 0) };
}
