/** One measured figure of a benchmark, with its target when it has one. */
export interface BenchRow {
  readonly name: string;
  readonly value: string;
  /** What the figure should reach, e.g. `>= 3x`. */
  readonly target?: string;
  /** Whether `value` meets `target`; absent when there is no target. */
  readonly pass?: boolean;
}

/** Prints `rows` under `title` as a table with aligned columns. */
export function printTable(
  title: string,
  rows: readonly BenchRow[],
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): void {
  const cells = rows.map((r) => [
    r.name,
    r.value,
    r.target ?? '',
    r.pass === undefined ? '' : r.pass ? 'pass' : 'FAIL',
  ]);
  const header = ['measure', 'value', 'target', ''];
  const widths = header.map((h, i) =>
    Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)),
  );
  const line = (c: readonly string[]) =>
    c
      .map((v, i) =>
        i === 1 ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd();
  write(`\n${title}`);
  write(line(header));
  write(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) write(line(c));
}
