import type { Construct } from "constructs";
import { AuroraCluster, AuroraGlobalCluster } from "../../../modules/aurora";
import { RegionalBackup, backupVaultArn } from "../../../modules/backup-plan";
import type { Network } from "../../../modules/network";
import { CacheReplicationGroup } from "../../../modules/redis";
import type { AwsAccount } from "../../../modules/shared/aws-account";
import type { EnvironmentConfig, RegionConfig } from "../../config/schema";
import { appSettingPaths } from "./eks";
import { readPrimaryOutput } from "./remote-state";

/** Output of the primary's stack that secondaries join the cache's global datastore by. */
export const CACHE_GLOBAL_DATASTORE_OUTPUT = "cache_global_datastore_id";

/** The environment's names of the shared data stores: computable by every region from config. */
export function globalDataNames(config: Pick<EnvironmentConfig, "project" | "name">) {
  const base = `${config.project}-${config.name}`;
  return {
    globalCluster: base,
    cacheSuffix: base,
    masterSecret: `${appSettingPaths(config).secretsPrefix}database-master`,
  };
}

/** Name of a region's backup vault (and plan): other regions copy to it by this name. */
export const backupVaultName = (config: Pick<EnvironmentConfig, "project" | "name">, regionKey: string) =>
  `${config.project}-${config.name}-${regionKey}`;

/** Whether a secondary needs the primary's stack deployed first (it reads the primary's outputs). */
export function readsPrimaryState(config: EnvironmentConfig): boolean {
  return config.cache.replication === "global-datastore";
}

export interface DataTier {
  /** The region's Aurora cluster; none in a secondary under `snapshot-copy` replication. */
  readonly database?: AuroraCluster;
  readonly cache: CacheReplicationGroup;
  readonly backup: RegionalBackup;
}

/**
 * The region's data stores, as `database.replication` and `cache.replication` decide
 * (docs/data.md):
 * - the primary always runs the writer; with `global-database` it creates the global cluster
 *   and each secondary joins it by name; with `snapshot-copy` a secondary runs no database and
 *   receives copies of the primary's recovery points;
 * - every region runs a cache; with `global-datastore` the primary creates the datastore and each
 *   secondary joins it by the id AWS gave it, read from the primary's outputs in remote state;
 * - every region has a backup vault; the writer's region backs up its cluster and copies each
 *   recovery point to every other region's vault.
 */
export function buildDataTier(
  scope: Construct,
  config: EnvironmentConfig,
  region: RegionConfig,
  names: { prefix: string; account: AwsAccount },
  network: Pick<Network, "vpc" | "subnets">,
  alarmTopics: { warning: string; critical: string },
): DataTier {
  const { database, cache } = config;
  const primary = region.role === "primary";
  const global = globalDataNames(config);
  const others = config.regions.filter((other) => other.key !== region.key);
  const common = {
    account: names.account,
    region: region.awsRegion,
    vpcId: network.vpc.id,
    subnetIds: network.subnets.database.map((subnet) => subnet.id),
    protect: config.production,
  };
  const settingsPath = (store: string) => `${appSettingPaths(config).parameterPath}${region.key}/${store}`;

  const globalDatabase = database.replication === "global-database";
  const globalClusterIdentifier = !globalDatabase
    ? undefined
    : primary
      ? new AuroraGlobalCluster(scope, "database-global", {
          identifier: global.globalCluster,
          engineVersion: database.engineVersion,
          databaseName: database.databaseName,
          protect: config.production,
        }).identifier
      : global.globalCluster;
  const auroraCluster =
    primary || globalDatabase
      ? new AuroraCluster(scope, "database", {
          ...common,
          name: names.prefix,
          globalClusterIdentifier,
          role: primary
            ? {
                kind: "primary",
                databaseName: database.databaseName,
                masterUsername: database.masterUsername,
                masterPasswordVersion: database.masterPasswordVersion,
                masterSecretName: global.masterSecret,
                // A restore or promotion in another region needs the master credentials there.
                secretReplicaRegions: others.map((other) => other.awsRegion),
              }
            : { kind: "secondary", databaseName: database.databaseName, masterSecretName: global.masterSecret },
          engineVersion: database.engineVersion,
          instanceClass: database.instanceClass,
          instanceCount: primary ? 1 + database.primaryReaders : database.secondaryInstances,
          backupRetentionDays: database.backupRetentionDays,
          backupWindow: database.backupWindow,
          maintenanceWindow: database.maintenanceWindow,
          performanceInsightsRetentionDays: database.performanceInsightsRetentionDays,
          slowStatementMilliseconds: database.slowStatementMilliseconds,
          logRetentionDays: database.logRetentionDays,
          settingsPath: settingsPath("database"),
          alarmTopics,
        })
      : undefined;

  const cacheGroup = new CacheReplicationGroup(scope, "cache", {
    ...common,
    name: names.prefix,
    role:
      cache.replication !== "global-datastore"
        ? { kind: "standalone" }
        : primary
          ? { kind: "primary", globalDatastoreSuffix: global.cacheSuffix }
          : {
              kind: "secondary",
              globalDatastoreId: readPrimaryOutput(scope, config, CACHE_GLOBAL_DATASTORE_OUTPUT),
            },
    engine: cache.engine,
    engineVersion: cache.engineVersion,
    nodeType: cache.nodeType,
    nodes: cache.nodes,
    multiAz: cache.multiAz,
    snapshotRetentionDays: cache.snapshotRetentionDays,
    snapshotWindow: cache.snapshotWindow,
    maintenanceWindow: cache.maintenanceWindow,
    slowLogRetentionDays: cache.slowLogRetentionDays,
    settingsPath: settingsPath("cache"),
    warningTopicArn: alarmTopics.warning,
  });

  const backup = new RegionalBackup(scope, "backup", {
    name: backupVaultName(config, region.key),
    account: names.account,
    // The writer's region backs up; the cache holds no data of record (docs/data.md).
    resourceArns: primary && auroraCluster !== undefined ? [auroraCluster.cluster.arn] : [],
    frequencyHours: config.backup.frequencyHours,
    retentionDays: config.backup.retentionDays,
    copyToVaultArns: others.map((other) =>
      backupVaultArn(names.account, other.awsRegion, backupVaultName(config, other.key)),
    ),
    failureTopicArn: alarmTopics.warning,
    protect: config.production,
  });
  return { database: auroraCluster, cache: cacheGroup, backup };
}
