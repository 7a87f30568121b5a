import type { Construct } from "constructs";
import { AuroraCluster, AuroraGlobalCluster } from "../../../modules/aurora";
import type { Network } from "../../../modules/network";
import { CacheReplicationGroup } from "../../../modules/redis";
import type { AwsAccount } from "../../../modules/shared/aws-account";
import type { EnvironmentConfig, RegionConfig } from "../../config/schema";
import { appSettingPaths } from "./eks";
import { readPrimaryOutput } from "./remote-state";

/** Output of the primary's stack that secondaries join the cache's global datastore by. */
export const CACHE_GLOBAL_DATASTORE_OUTPUT = "cache_global_datastore_id";

/** The environment's names of the global data stores: computable by every region from config. */
export function globalDataNames(config: Pick<EnvironmentConfig, "project" | "name">) {
  const base = `${config.project}-${config.name}`;
  return {
    globalCluster: base,
    cacheSuffix: base,
    masterSecret: `${appSettingPaths(config).secretsPrefix}database-master`,
  };
}

/**
 * The region's member of the Aurora global database and of the cache's global datastore. The
 * primary creates both global resources (AWS creates a global database in its writer's region
 * and a datastore around its primary); a secondary joins the global cluster by its name and the
 * datastore by the id AWS gave it, read from the primary's outputs in remote state (docs/data.md).
 */
export function buildDataTier(
  scope: Construct,
  config: EnvironmentConfig,
  region: RegionConfig,
  names: { prefix: string; account: AwsAccount },
  network: Pick<Network, "vpc" | "subnets">,
  alarmTopics: { warning: string; critical: string },
): { database: AuroraCluster; cache: CacheReplicationGroup } {
  const { database, cache } = config;
  const primary = region.role === "primary";
  const global = globalDataNames(config);
  const others = config.regions.filter((other) => other.key !== region.key).map((other) => other.awsRegion);
  const common = {
    account: names.account,
    region: region.awsRegion,
    vpcId: network.vpc.id,
    subnetIds: network.subnets.database.map((subnet) => subnet.id),
    protect: config.production,
  };
  const settingsPath = (store: string) => `${appSettingPaths(config).parameterPath}${region.key}/${store}`;

  const globalClusterIdentifier = primary
    ? new AuroraGlobalCluster(scope, "database-global", {
        identifier: global.globalCluster,
        engineVersion: database.engineVersion,
        databaseName: database.databaseName,
        protect: config.production,
      }).identifier
    : global.globalCluster;
  const auroraCluster = new AuroraCluster(scope, "database", {
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
          secretReplicaRegions: others,
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
  });

  const cacheGroup = new CacheReplicationGroup(scope, "cache", {
    ...common,
    name: names.prefix,
    role: primary
      ? { kind: "primary", globalDatastoreSuffix: global.cacheSuffix }
      : { kind: "secondary", globalDatastoreId: readPrimaryOutput(scope, config, CACHE_GLOBAL_DATASTORE_OUTPUT) },
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
  return { database: auroraCluster, cache: cacheGroup };
}
