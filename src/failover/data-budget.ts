import type { StackDocument } from "./report";

/**
 * AWS's published targets for an Aurora global database: "a recovery point objective (RPO) of 1
 * second and a recovery time objective (RTO) of less than 1 minute" (Amazon Aurora Global
 * Database product page, https://aws.amazon.com/rds/aurora/global-database/). Design figures,
 * not measurements: the lag alarms watch the real RPO.
 */
export const GLOBAL_DATABASE_FIGURES = { rpoSeconds: 1, promotionSeconds: 60 } as const;

/**
 * Promotion under `dms-cdc`, a design figure for the runbook in docs/data.md: stop the task
 * (seconds) and reset the sequences (one statement per sequence), by an operator already paged.
 */
export const CHANGE_DATA_CAPTURE_PROMOTION_SECONDS = 60;

/** How the database's data reaches the secondaries, as the synthesized stacks show it. */
export interface DataRecoveryBudget {
  readonly strategy: "global-database" | "dms-cdc" | "snapshot-copy";
  /** The designed worst-case data loss, in seconds, before copy time (snapshot-copy). */
  readonly rpoSeconds: number;
  readonly rpoNote: string;
  /** Seconds until a secondary accepts writes; undefined where AWS publishes no bound. */
  readonly promotionSeconds?: number;
  readonly promotionNote: string;
}

const HOURLY_CRON = /^cron\(0 0\/(\d+) \* \* \? \*\)$/;
const DAILY_CRON = /^cron\(0 \d+ \* \* \? \*\)$/;

/** Hours between the recovery points a backup plan's rule schedules. */
export function scheduleHours(schedule: string): number {
  const hourly = HOURLY_CRON.exec(schedule);
  if (hourly !== null) return Number(hourly[1]);
  if (DAILY_CRON.test(schedule)) return 24;
  throw new Error(`unrecognized backup schedule ${schedule}`);
}

/**
 * The database's designed RPO and promotion time, read from the primary's synthesized stack: a
 * global cluster there means storage-level replication; otherwise the secondaries hold only the
 * copies of the primary's backup plan, and the RPO is its interval. A DMS task in a replication
 * link stack means change data capture: the RPO is the lag its warning alarm allows.
 */
export function dataRecoveryBudget(primary: StackDocument, links: readonly StackDocument[] = []): DataRecoveryBudget {
  const tasks = links.flatMap((link) => Object.values(link.resource?.aws_dms_replication_task ?? {}));
  if (tasks.length > 0) {
    const lagThresholds = links
      .flatMap((link) => Object.values(link.resource?.aws_cloudwatch_metric_alarm ?? {}))
      .filter((alarm) => String(alarm.metric_name).startsWith("CDCLatency"))
      .map((alarm) => Number(alarm.threshold));
    if (lagThresholds.length === 0) throw new Error("a DMS task without lag alarms");
    const warning = Math.min(...lagThresholds);
    return {
      strategy: "dms-cdc",
      rpoSeconds: warning,
      rpoNote:
        `the change-data-capture lag: seconds, alarmed past ${warning} s and paged past ${Math.max(...lagThresholds)} s; ` +
        "not the seeds' sub-second target, and not measured against AWS",
      promotionSeconds: CHANGE_DATA_CAPTURE_PROMOTION_SECONDS,
      promotionNote: "stop the DMS task and reset sequences, by hand (docs/data.md); design figure",
    };
  }
  if (Object.keys(primary.resource?.aws_rds_global_cluster ?? {}).length > 0) {
    return {
      strategy: "global-database",
      rpoSeconds: GLOBAL_DATABASE_FIGURES.rpoSeconds,
      rpoNote: "storage-level replication; lag alarms at 1 s (warning) and 5 s (critical)",
      promotionSeconds: GLOBAL_DATABASE_FIGURES.promotionSeconds,
      promotionNote: "managed failover of the global cluster (AWS: typically about a minute)",
    };
  }
  const rules = Object.values(primary.resource?.aws_backup_plan ?? {}).flatMap(
    (plan) => plan.rule as { schedule: string; copy_action?: unknown[] }[],
  );
  const copied = rules.filter((rule) => (rule.copy_action ?? []).length > 0);
  if (copied.length === 0) throw new Error("the primary copies no recovery point to another region");
  const hours = Math.min(...copied.map((rule) => scheduleHours(rule.schedule)));
  return {
    strategy: "snapshot-copy",
    rpoSeconds: hours * 3600,
    rpoNote: `one recovery point every ${hours} h, copied to the other regions' vaults (plus the copy's duration)`,
    promotionNote:
      "restore the latest copy into a new cluster and add an instance: no AWS-published bound; " +
      "measure it with the monthly restore test (docs/data.md)",
  };
}

/** The data budget as a Markdown table, with a verdict against the RTO where a figure exists. */
export function formatDataBudget(budget: DataRecoveryBudget, rtoSeconds: number): string {
  const promotion =
    budget.promotionSeconds === undefined
      ? `not bounded: ${budget.promotionNote}`
      : `${budget.promotionSeconds} s: ${budget.promotionNote}`;
  const within =
    budget.promotionSeconds === undefined ? "NOT PROVEN" : budget.promotionSeconds <= rtoSeconds ? "yes" : "NO";
  return [
    "| database strategy | designed RPO | promotion in another region | within RTO |",
    "| --- | --- | --- | --- |",
    `| ${budget.strategy} | ${budget.rpoSeconds} s: ${budget.rpoNote} | ${promotion} | ${within} (${rtoSeconds} s) |`,
  ].join("\n");
}
