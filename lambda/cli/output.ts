import Table from 'cli-table3';

export type Format = 'table' | 'csv' | 'json';
export const FORMATS: readonly Format[] = ['table', 'csv', 'json'];

export type Row = Record<string, string | number | boolean | undefined>;

/** Renders rows for a person (table) or a program (csv, json). */
export function render(rows: readonly Row[], format: Format): string {
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  const columns = rows[0] ? Object.keys(rows[0]) : [];
  if (format === 'csv') {
    const lines = [columns.join(',')];
    for (const row of rows) {
      lines.push(columns.map((c) => csvCell(row[c])).join(','));
    }
    return `${lines.join('\n')}\n`;
  }
  if (rows.length === 0) return '(none)\n';
  const table = new Table({ head: columns, style: { head: [], border: [] } });
  for (const row of rows) table.push(columns.map((c) => String(row[c] ?? '')));
  return `${table.toString()}\n`;
}

/** Two columns, label and value: for one record such as a summary. */
export function renderPairs(pairs: ReadonlyArray<[string, string | number]>) {
  const table = new Table({ style: { head: [], border: [] } });
  for (const [label, value] of pairs) table.push([label, String(value)]);
  return `${table.toString()}\n`;
}

function csvCell(value: unknown): string {
  const text = value === undefined ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A bad command-line value: the message names the option, value and fix. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function parseFormat(value: string): Format {
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new UsageError(
    `--format: got "${value}"; use one of ${FORMATS.join(', ')}`,
  );
}

/** An ISO date or date-time, for options such as --since. */
export function parseInstant(option: string, value: string): Date {
  const ok = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value);
  const date = new Date(value);
  if (!ok || Number.isNaN(date.getTime())) {
    throw new UsageError(
      `${option}: got "${value}"; give an ISO date such as 2026-11-26 or 2026-11-26T08:00:00Z`,
    );
  }
  return date;
}
