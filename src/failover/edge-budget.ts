import type { StackDocument } from "./report";

type Block = Record<string, unknown>;

/** The goal for idempotent requests behind the edge: the secondary answers within 15 s. */
export const EDGE_IDEMPOTENT_GOAL_SECONDS = 15;

/** How long a user waits, by design, when the primary region fails behind the edge. */
export interface EdgeFailoverBudget {
  /** Path patterns whose GET, HEAD and OPTIONS go through the origin group. */
  readonly idempotentPaths: string[];
  readonly connectionAttempts: number;
  readonly connectionTimeoutSeconds: number;
  readonly readTimeoutSeconds: number;
  /**
   * Worst case before CloudFront asks the secondary: every attempt on the primary waits the whole
   * connection timeout, or connects and then waits the whole response timeout.
   */
  readonly idempotentSeconds: number;
  /** The origin every other request goes to: the failover name, which fails over with DNS. */
  readonly apiOriginName: string;
}

/**
 * The edge's failover figures from `global`'s synthesized distribution, or undefined without an
 * edge (or without an origin group). CloudFront retries the primary `connection_attempts` times
 * before it fails over (CloudFront Developer Guide, "Control origin timeouts and attempts").
 */
export function edgeFailoverBudget(global: StackDocument): EdgeFailoverBudget | undefined {
  const [distribution] = Object.values(global.resource?.aws_cloudfront_distribution ?? {});
  if (distribution === undefined) return undefined;
  const origins = distribution.origin as Block[];
  const [group] = (distribution.origin_group ?? []) as { origin_id: string; member: { origin_id: string }[] }[];
  const defaultOrigin = origins.find(
    (origin) => origin.origin_id === (distribution.default_cache_behavior as Block).target_origin_id,
  );
  if (group === undefined || defaultOrigin === undefined) return undefined;
  const primary = origins.find((origin) => origin.origin_id === group.member[0]!.origin_id)!;
  const attempts = Number(primary.connection_attempts);
  const connect = Number(primary.connection_timeout);
  const read = Number((primary.custom_origin_config as Block).origin_read_timeout);
  return {
    idempotentPaths: ((distribution.ordered_cache_behavior ?? []) as Block[])
      .filter((behavior) => behavior.target_origin_id === group.origin_id)
      .map((behavior) => String(behavior.path_pattern)),
    connectionAttempts: attempts,
    connectionTimeoutSeconds: connect,
    readTimeoutSeconds: read,
    idempotentSeconds: attempts * (connect + read),
    apiOriginName: String(defaultOrigin.domain_name),
  };
}

/** The two user-visible figures as a Markdown table; `dnsSeconds` is the failover name's budget. */
export function formatEdgeBudget(budget: EdgeFailoverBudget, dnsSeconds: number, rtoSeconds: number): string {
  const idempotentOk = budget.idempotentSeconds <= EDGE_IDEMPOTENT_GOAL_SECONDS;
  return [
    "| requests | fail over by | worst case | goal |",
    "| --- | --- | --- | --- |",
    `| GET, HEAD, OPTIONS on ${budget.idempotentPaths.join(", ")} | origin group: ${budget.connectionAttempts} attempts x ` +
      `(${budget.connectionTimeoutSeconds} s connect + ${budget.readTimeoutSeconds} s response), then the secondary | ` +
      `${budget.idempotentSeconds} s | ${idempotentOk ? "yes" : "NO"} (${EDGE_IDEMPOTENT_GOAL_SECONDS} s) |`,
    `| every other request (the API) | DNS failover of ${budget.apiOriginName} | ${dnsSeconds} s | ` +
      `${dnsSeconds <= rtoSeconds ? "yes" : "NO"} (RTO ${rtoSeconds} s) |`,
  ].join("\n");
}
