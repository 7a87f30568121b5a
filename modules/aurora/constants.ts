/** The only engine this module runs. */
export const AURORA_ENGINE = "aurora-postgresql";
/** Enhanced monitoring granularity (seconds). */
export const MONITORING_INTERVAL_SECONDS = 60;
/** Length of generated master passwords, and the characters RDS refuses in them. */
export const MASTER_PASSWORD = { length: 32, excludedCharacters: "/@\" '\\" } as const;

/** Alarm thresholds: SPEC's CPU and replication-lag limits, and a memory floor. */
export const AURORA_ALARMS = {
  cpuPercent: 80,
  /** Below this much freeable memory an r-class instance is swapping its buffer cache away. */
  freeableMemoryBytes: 512 * 2 ** 20,
  /** Replication to the secondary: a warning past 1 s, critical past 5 s (RPO at risk). */
  replicationLagMs: { warning: 1000, critical: 5000 },
  periods: 5,
  datapoints: 3,
} as const;

/** Parameters of the cluster parameter group: TLS only, and what the logs must show. */
export function clusterParameters(slowStatementMilliseconds: number): { name: string; value: string }[] {
  return [
    // Clients without TLS are refused: data in transit is always encrypted.
    { name: "rds.force_ssl", value: "1" },
    // Statement logging for audit (DDL) and tuning (slow statements); no data-bearing DML.
    { name: "log_statement", value: "ddl" },
    { name: "log_min_duration_statement", value: String(slowStatementMilliseconds) },
    { name: "log_connections", value: "1" },
    { name: "log_disconnections", value: "1" },
  ];
}

/** `aurora-postgresql16` for `16.6`: parameter group families follow the major version. */
export function parameterGroupFamily(engineVersion: string): string {
  return `${AURORA_ENGINE}${engineVersion.split(".")[0]}`;
}
