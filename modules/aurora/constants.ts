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

/** A cluster parameter group entry; static parameters take effect at the next reboot. */
export interface ClusterParameter {
  readonly name: string;
  readonly value: string;
  readonly applyMethod?: "immediate" | "pending-reboot";
}

/**
 * Parameters of the cluster parameter group: TLS only, what the logs must show, and, for a
 * change-data-capture source, logical decoding.
 */
export function clusterParameters(
  slowStatementMilliseconds: number,
  options: { readonly logicalReplication?: boolean } = {},
): ClusterParameter[] {
  return [
    // Clients without TLS are refused: data in transit is always encrypted.
    { name: "rds.force_ssl", value: "1" },
    // Statement logging for audit (DDL) and tuning (slow statements); no data-bearing DML.
    { name: "log_statement", value: "ddl" },
    { name: "log_min_duration_statement", value: String(slowStatementMilliseconds) },
    { name: "log_connections", value: "1" },
    { name: "log_disconnections", value: "1" },
    // DMS reads changes through a logical replication slot ("Using a PostgreSQL database as an
    // AWS DMS source", https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.PostgreSQL.html).
    // Static: the writer applies it at its next reboot, which a new cluster's creation includes.
    ...(options.logicalReplication === true
      ? [{ name: "rds.logical_replication", value: "1", applyMethod: "pending-reboot" as const }]
      : []),
  ];
}

/** `aurora-postgresql16` for `16.6`: parameter group families follow the major version. */
export function parameterGroupFamily(engineVersion: string): string {
  return `${AURORA_ENGINE}${engineVersion.split(".")[0]}`;
}
