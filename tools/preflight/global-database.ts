import type { EnvironmentConfig } from "../../src/config/schema";

/**
 * Whether the environment's Aurora clusters form a global database (`database.replication`
 * "global-database"), so the engine version and instance class must support global databases
 * (`SupportsGlobalDatabases` in DescribeDBEngineVersions and DescribeOrderableDBInstanceOptions).
 * With "snapshot-copy" each region runs its own cluster, and the preflight checks only that the
 * version and class exist there.
 */
export function needsGlobalDatabase(config: EnvironmentConfig): boolean {
  return config.database.replication === "global-database";
}
