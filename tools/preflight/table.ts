/** The preflight's one table (check, region, result, how to fix) and its summary line. */
import type { Row } from "./row";

export const TABLE_HEADER = ["check", "region", "result", "how to fix"] as const;
/** Spaces between columns. */
const COLUMN_GAP = 2;
const RULE = "-";

/** The four cells of a row; the result leads with its outcome so FAIL stands out when scanning. */
export function cells(row: Row): [string, string, string, string] {
  return [row.check, row.region, `${row.outcome} ${row.result}`, row.fix];
}

/**
 * A plain-text table, each column as wide as its widest cell; the last column is not padded (it
 * is the longest, and trailing spaces only wrap terminals).
 */
export function formatTable(rows: readonly Row[]): string {
  const lines: string[][] = [[...TABLE_HEADER], ...rows.map(cells)];
  const widths = TABLE_HEADER.map((_, column) => Math.max(...lines.map((line) => line[column]!.length)));
  const gap = " ".repeat(COLUMN_GAP);
  const render = (line: string[]) =>
    line
      .map((cell, column) => (column === line.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join(gap)
      .trimEnd();
  // Under the unpadded last column, the rule is as long as its header.
  const ruleWidths = [...widths.slice(0, -1), TABLE_HEADER.at(-1)!.length];
  const rule = ruleWidths.map((width) => RULE.repeat(width)).join(gap);
  return [render(lines[0]!), rule, ...lines.slice(1).map(render)].join("\n");
}

/** `31 checks: 29 passed, 1 failed, 1 skipped`. */
export function summaryLine(rows: readonly Row[]): string {
  const count = (outcome: Row["outcome"]) => rows.filter((row) => row.outcome === outcome).length;
  return `${rows.length} check${rows.length === 1 ? "" : "s"}: ${count("PASS")} passed, ${count("FAIL")} failed, ${count("SKIP")} skipped`;
}
