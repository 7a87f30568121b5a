/**
 * Whether one self-test run printed what its fixture expects: exactly the expected FAIL and SKIP
 * rows (each matched by one row, no other non-PASS row), the exit code that goes with them, and a
 * PASS row for every check the fixture says must have run (so an empty table cannot pass).
 */
import type { Outcome, Row } from "./row";

export interface ExpectedRow {
  readonly outcome: Exclude<Outcome, "PASS">;
  readonly check: string;
  readonly region: string;
  /** Matched against the result cell. */
  readonly result: RegExp;
}

export interface Expectation {
  /** Every non-PASS row the run must print; none for an account that offers everything. */
  readonly problems: readonly ExpectedRow[];
  /** Check names (or their beginnings) that must each appear on at least one PASS row. */
  readonly passing: readonly string[];
}

const matches = (expected: ExpectedRow, row: Row) =>
  row.outcome === expected.outcome &&
  row.check === expected.check &&
  row.region === expected.region &&
  expected.result.test(row.result);

const show = (row: Pick<Row, "outcome" | "check" | "region"> & { result: string | RegExp }) =>
  `${row.outcome} ${row.check} [${row.region}] ${String(row.result)}`;

/** What differs from the expectation, one line each; empty when the run is as expected. */
export function judge(expectation: Expectation, rows: readonly Row[], exitCode: number): string[] {
  const problems: string[] = [];
  const expectedExit = expectation.problems.some((row) => row.outcome === "FAIL") ? 1 : 0;
  if (exitCode !== expectedExit) problems.push(`exit code ${exitCode}, expected ${expectedExit}`);
  const nonPassing = rows.filter((row) => row.outcome !== "PASS");
  for (const expected of expectation.problems) {
    const found = nonPassing.filter((row) => matches(expected, row)).length;
    if (found !== 1) problems.push(`expected one row ${show(expected)}, found ${found}`);
  }
  for (const row of nonPassing) {
    if (!expectation.problems.some((expected) => matches(expected, row))) problems.push(`unexpected row ${show(row)}`);
  }
  for (const check of expectation.passing) {
    if (!rows.some((row) => row.outcome === "PASS" && row.check.startsWith(check)))
      problems.push(`no PASS row for "${check}"`);
  }
  return problems;
}
