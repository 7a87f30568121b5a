import { ALB_ALIAS_TTL_SECONDS, failoverBudget, type FailoverBudget } from "./budget";

type Block = Record<string, unknown>;
/** A synthesized stack (`cdk.tf.json`), as far as the report reads it. */
export interface StackDocument {
  readonly resource?: Record<string, Record<string, Block>>;
  readonly output?: Record<string, { value: unknown }>;
}

/** The failover time of one routed name, all figures taken from the synthesized stacks. */
export interface RoutedNameBudget extends FailoverBudget {
  readonly name: string;
  readonly policy: "failover" | "latency";
  /** The origin whose health check decides when traffic leaves the primary. */
  readonly guardedBy: string;
  readonly requestIntervalSeconds: number;
  readonly failureThreshold: number;
}

const HEALTH_CHECK_REFERENCE = /\.outputs\.([a-z_]+)\.([a-z0-9]+)\}$/;
const RESOURCE_ID_REFERENCE = /^\$\{aws_route53_health_check\.([^.]+)\.id\}$/;

/**
 * Works out, per routed name, how long failover takes by design: which health check guards the
 * primary member (through `global`'s output), that check's interval and threshold, and the TTL
 * resolvers hold the answer for. Reads only the synthesized JSON.
 */
export function failoverBudgets(
  global: StackDocument,
  regions: StackDocument[],
  outputName: string,
): RoutedNameBudget[] {
  const checks = global.resource?.aws_route53_health_check ?? {};
  const checkIdsByRegion = (global.output?.[outputName]?.value ?? {}) as Record<string, string>;
  const checkOfRegion = (regionKey: string): Block => {
    const logicalId = RESOURCE_ID_REFERENCE.exec(checkIdsByRegion[regionKey] ?? "")?.[1];
    const check = logicalId === undefined ? undefined : checks[logicalId];
    if (check === undefined) throw new Error(`global exports no health check for region "${regionKey}"`);
    return check;
  };

  const byName = new Map<string, { policy: RoutedNameBudget["policy"]; guard: Block; ttl: number }>();
  for (const stack of regions) {
    for (const record of Object.values(stack.resource?.aws_route53_record ?? {})) {
      const failover = record.failover_routing_policy as { type: string } | undefined;
      const latency = record.latency_routing_policy !== undefined;
      if (failover?.type !== "PRIMARY" && !latency) continue;
      const match = HEALTH_CHECK_REFERENCE.exec(String(record.health_check_id));
      if (match === null || match[1] !== outputName) {
        throw new Error(`record ${String(record.name)} is routed without a health check from global`);
      }
      const ttl = record.alias === undefined ? Number(record.ttl) : ALB_ALIAS_TTL_SECONDS;
      const name = String(record.name);
      // A latency name fails over when its own region's check fails; keep the slowest member.
      const entry = {
        policy: latency ? ("latency" as const) : ("failover" as const),
        guard: checkOfRegion(match[2]!),
        ttl,
      };
      const known = byName.get(name);
      if (known === undefined || budgetOf(entry).totalSeconds > budgetOf(known).totalSeconds) byName.set(name, entry);
    }
  }
  return [...byName.entries()]
    .map(([name, entry]) => ({
      name,
      policy: entry.policy,
      guardedBy: String(entry.guard.fqdn),
      requestIntervalSeconds: Number(entry.guard.request_interval),
      failureThreshold: Number(entry.guard.failure_threshold),
      ...budgetOf(entry),
    }))
    .sort((a, b) => a.policy.localeCompare(b.policy) || a.name.localeCompare(b.name));
}

function budgetOf(entry: { guard: Block; ttl: number }): FailoverBudget {
  return failoverBudget(Number(entry.guard.request_interval), Number(entry.guard.failure_threshold), entry.ttl);
}

/** The budget as a Markdown table, with a verdict against the RTO. */
export function formatBudgetTable(rows: RoutedNameBudget[], rtoSeconds: number): string {
  const header = [
    "| name | policy | guarded by | checks | detection | DNS TTL | total | within RTO |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  const lines = rows.map(
    (row) =>
      `| ${row.name} | ${row.policy} | ${row.guardedBy} | ${row.requestIntervalSeconds} s x ${row.failureThreshold} | ` +
      `${row.detectionSeconds} s | ${row.ttlSeconds} s | ${row.totalSeconds} s | ${row.totalSeconds <= rtoSeconds ? "yes" : "NO"} (${rtoSeconds} s) |`,
  );
  return [...header, ...lines].join("\n");
}
