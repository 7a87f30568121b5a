/**
 * Runs the check groups for one environment and folds their rows into the table's: every group
 * at once (each runs its regions in parallel), then the checks of a region that is not enabled
 * folded into one SKIP row, since they all fail for that one reason.
 */
import type { EnvironmentConfig } from "../../src/config/schema";
import type { PreflightClients } from "./clients";
import { CHECK_GROUPS, type NamedCheckGroup } from "./groups";
import { type Row, describeError, fail, skip } from "./row";

export const REGION_SKIPPED_CHECK = "other checks";

/**
 * Replaces the rows of each region some row marks `blocksRegion` (other than those marking rows)
 * with one SKIP row saying how many checks were not run there.
 */
export function foldBlockedRegions(rows: readonly Row[]): Row[] {
  const blocked = new Set(rows.filter((row) => row.blocksRegion).map((row) => row.region));
  const kept = rows.filter((row) => row.blocksRegion || !blocked.has(row.region));
  const folded = [...blocked].flatMap((region) => {
    const count = rows.filter((row) => row.region === region && !row.blocksRegion).length;
    if (count === 0) return [];
    return [
      skip(
        REGION_SKIPPED_CHECK,
        region,
        `${count} not run: the region is not enabled`,
        "enable the region (row above), then run the preflight again",
      ),
    ];
  });
  return [...kept, ...folded];
}

/** Every group's rows; a group that throws (a bug: groups turn AWS errors into rows) is one FAIL row. */
export async function runPreflight(
  config: EnvironmentConfig,
  clients: PreflightClients,
  groups: readonly NamedCheckGroup[] = CHECK_GROUPS,
): Promise<Row[]> {
  const perGroup = await Promise.all(
    groups.map((group) =>
      group
        .run(config, clients)
        .catch((error: unknown) => [
          fail(`check group ${group.name}`, "-", describeError(error), "a bug in tools/preflight: report it"),
        ]),
    ),
  );
  return foldBlockedRegions(perGroup.flat());
}

/** Whether the account fails the environment's assumptions: the preflight's exit code is 1. */
export function hasFailures(rows: readonly Row[]): boolean {
  return rows.some((row) => row.outcome === "FAIL");
}
