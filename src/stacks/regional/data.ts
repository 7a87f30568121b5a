import { AuroraCluster, AuroraGlobalCluster } from "../../../modules/aurora";
import { RegionalBackup, backupVaultArn } from "../../../modules/backup-plan";
import type { Network } from "../../../modules/network";
import { CacheReplicationGroup } from "../../../modules/redis";
import type { EnvironmentConfig } from "../../config/schema";
import { databaseSubnetCidrs, replicationLinks } from "../../replication-links";
import {
  backupVaultName,
  dataStoreSettingsPath,
  globalDataNames,
  regionalMasterSecretName,
} from "../../resource-names";
import type { RegionalAlerts } from "./alerts";
import { type RegionContext, otherRegions } from "./context";

/** Output of the primary's stack that secondaries join the cache's global datastore by. */
export const CACHE_GLOBAL_DATASTORE_OUTPUT = "cache_global_datastore_id";

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

/** What a secondary reads from the primary's state (only with `global-datastore`; {@link readsPrimaryState}). */
export interface PrimaryDataOutputs {
  /** The id AWS gave the cache's global datastore. */
  readonly cacheGlobalDatastoreId: string;
}

/**
 * The region's data stores, as `database.replication` and `cache.replication` decide
 * (docs/data.md):
 * - the primary always runs the writer; with `global-database` it creates the global cluster
 *   and each secondary joins it by name; with `dms-cdc` each secondary runs a standalone cluster
 *   that the link stack's DMS task fills (src/stacks/replication-stack.ts), and the writer
 *   decodes its changes and admits the secondaries' database subnets; with `snapshot-copy` a
 *   secondary runs no database and receives copies of the primary's recovery points;
 * - every region runs a cache; with `global-datastore` the primary creates the datastore and each
 *   secondary joins it by the id AWS gave it, which the stack reads from the primary's outputs;
 * - every region has a backup vault; the writer's region backs up its cluster and copies each
 *   recovery point to every other region's vault.
 */
export function buildDataTier(
  context: RegionContext,
  network: Pick<Network, "vpc" | "subnets">,
  alarmTopics: RegionalAlerts,
  fromPrimary?: PrimaryDataOutputs,
): DataTier {
  const { scope, config, region, account, prefix, protection } = context;
  const { database, cache } = config;
  const primary = region.role === "primary";
  const global = globalDataNames(config);
  const others = otherRegions(context);
  const common = {
    account,
    region: region.awsRegion,
    vpcId: network.vpc.id,
    subnetIds: network.subnets.database.map((subnet) => subnet.id),
    protection,
  };

  const globalDatabase = database.replication === "global-database";
  const links = replicationLinks(config);
  const changeDataCaptureTarget = links.some((link) => link.target.key === region.key);
  const changeDataCaptureSource = primary && links.length > 0;
  const globalClusterIdentifier = !globalDatabase
    ? undefined
    : primary
      ? new AuroraGlobalCluster(scope, "database-global", {
          identifier: global.globalCluster,
          engineVersion: database.engineVersion,
          databaseName: database.databaseName,
          protection,
        }).identifier
      : global.globalCluster;
  const auroraCluster =
    primary || globalDatabase || changeDataCaptureTarget
      ? new AuroraCluster(scope, "database", {
          ...common,
          name: prefix,
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
            : changeDataCaptureTarget
              ? {
                  // A DMS target writes its own copy: its own master user and secret.
                  kind: "primary",
                  databaseName: database.databaseName,
                  masterUsername: database.masterUsername,
                  masterPasswordVersion: database.masterPasswordVersion,
                  masterSecretName: regionalMasterSecretName(config, region.key),
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
          logicalReplication: changeDataCaptureSource,
          settingsPath: dataStoreSettingsPath(config, region.key, "database"),
          alarmTopics,
        })
      : undefined;
  // DMS in each secondary reads the writer across the peering link, from its database subnets.
  for (const link of changeDataCaptureSource ? links : []) {
    for (const cidr of databaseSubnetCidrs(config, link.target)) {
      auroraCluster!.allowFrom({ cidr }, `PostgreSQL from DMS in a secondary region (${cidr})`);
    }
  }

  const cacheGroup = new CacheReplicationGroup(scope, "cache", {
    ...common,
    name: prefix,
    role:
      cache.replication !== "global-datastore"
        ? { kind: "standalone" }
        : primary
          ? { kind: "primary", globalDatastoreSuffix: global.cacheSuffix }
          : { kind: "secondary", globalDatastoreId: primaryDatastoreId(fromPrimary) },
    engine: cache.engine,
    engineVersion: cache.engineVersion,
    nodeType: cache.nodeType,
    nodes: cache.nodes,
    multiAz: cache.multiAz,
    snapshotRetentionDays: cache.snapshotRetentionDays,
    snapshotWindow: cache.snapshotWindow,
    maintenanceWindow: cache.maintenanceWindow,
    slowLogRetentionDays: cache.slowLogRetentionDays,
    settingsPath: dataStoreSettingsPath(config, region.key, "cache"),
    warningTopicArn: alarmTopics.warning,
  });

  const backup = new RegionalBackup(scope, "backup", {
    name: backupVaultName(config, region.key),
    account,
    // Every cluster that writes its own database backs up (the primary, and a DMS target, which
    // becomes the writer on promotion); the cache holds no data of record (docs/data.md).
    resourceArns:
      auroraCluster !== undefined && (primary || changeDataCaptureTarget) ? [auroraCluster.cluster.arn] : [],
    frequencyHours: config.backup.frequencyHours,
    retentionDays: config.backup.retentionDays,
    copyToVaultArns: others.map((other) =>
      backupVaultArn(account, other.awsRegion, backupVaultName(config, other.key)),
    ),
    failureTopicArn: alarmTopics.warning,
    protection,
  });
  return { database: auroraCluster, cache: cacheGroup, backup };
}

function primaryDatastoreId(fromPrimary: PrimaryDataOutputs | undefined): string {
  if (fromPrimary === undefined) {
    throw new Error("a secondary joins the cache's global datastore by the primary's output: read it in the stack");
  }
  return fromPrimary.cacheGlobalDatastoreId;
}
