import type { BenchRow } from './bench-row';

/** Decimals a value is printed with: about three significant digits, three for ratios. */
export function decimalsFor(value: number, unit: string): number {
  if (unit === 'x') return 3;

  return Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
}

/** A value as the table prints it. */
export function formatValue(value: number | null, unit: string): string {
  if (value === null) return 'n/a';

  const digits = decimalsFor(value, unit);

  return unit === 'x' ? `${value.toFixed(digits)}x` : `${value.toFixed(digits)} ${unit}`;
}

/** The rows as a Markdown table, which reads fine in a terminal too. */
export function renderTable(rows: readonly BenchRow[]): string[] {
  const lines = [
    '| Section | Metric | Median | Target | Verdict | Notes |',
    '|---|---|---:|---|---|---|',
  ];
  for (const r of rows) {
    const cells = [
      r.section,
      r.metric,
      formatValue(r.value, r.unit),
      r.target === '' ? '-' : `${r.target} ${r.unit === 'x' ? '' : r.unit}`.trim(),
      r.verdict,
      r.note,
    ];
    lines.push(`| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`);
  }

  return lines;
}
