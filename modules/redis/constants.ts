/** Port of Valkey and Redis OSS. */
export const CACHE_PORT = 6379;
/** `allkeys-lru`: a cache evicts the least recently used key rather than refusing writes. */
export const EVICTION_POLICY = "allkeys-lru";

export const CACHE_ALARMS = {
  cpuPercent: 80,
  memoryPercent: 85,
  /** Seconds the secondary region may trail the primary. */
  replicationLagSeconds: 1,
  periods: 5,
  datapoints: 3,
} as const;

/** The parameter group family of an engine version: `valkey8`, `redis7`. */
export function cacheParameterFamily(engine: "valkey" | "redis", engineVersion: string): string {
  return `${engine}${engineVersion.split(".")[0]}`;
}

/**
 * RBAC users: ElastiCache requires a user named `default` in every group, so it is present and
 * switched off; the app's user authenticates with IAM (no password exists), user name = user id.
 */
export function cacheUsers(prefix: string): { id: string; name: string; accessString: string; iam: boolean }[] {
  return [
    { id: `${prefix}-default`, name: "default", accessString: "off -@all", iam: false },
    { id: `${prefix}-app`, name: `${prefix}-app`, accessString: "on ~* +@all -@dangerous", iam: true },
  ];
}
