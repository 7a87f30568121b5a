import { type RegionCapability, capabilitySource, regionOffers } from "../region-capabilities";
import type { IssueReporter } from "./common";
import { type CacheReplication, type DatabaseReplication, GLOBAL_DATABASE_CLASS, GLOBAL_DATASTORE_NODE } from "./data";

/** Replication link stacks are named `replication-<secondary>`; region keys must not start with it. */
export const REPLICATION_STACK_PREFIX = "replication-";

interface RegionOffers {
  readonly key: string;
  readonly awsRegion: string;
  readonly assertedCapabilities?: readonly RegionCapability[];
}

/** The regions that neither AWS's pages nor the environment say offer `capability`. */
export function regionsLacking(regions: readonly RegionOffers[], capability: RegionCapability): RegionOffers[] {
  return regions.filter(
    (region) =>
      !regionOffers(region.awsRegion, capability) && !(region.assertedCapabilities ?? []).includes(capability),
  );
}

/** What `dms-cdc` needs of every region: DMS itself, and peering across regions for its network path. */
const CHANGE_DATA_CAPTURE_NEEDS = [
  ["dms", "AWS DMS"],
  ["inter-region-vpc-peering", "inter-region VPC peering"],
] as const satisfies readonly (readonly [RegionCapability, string])[];

/**
 * The best database replication every region allows: a global database (RPO about 1 s), else
 * DMS change data capture (seconds), else snapshot copies (the backup interval).
 */
export function bestDatabaseReplication(regions: readonly RegionOffers[]): DatabaseReplication {
  if (regionsLacking(regions, "aurora-postgresql-global-database").length === 0) return "global-database";
  return CHANGE_DATA_CAPTURE_NEEDS.every(([capability]) => regionsLacking(regions, capability).length === 0)
    ? "dms-cdc"
    : "snapshot-copy";
}

/** The best cache replication every region allows. */
export function bestCacheReplication(regions: readonly RegionOffers[]): CacheReplication {
  return regionsLacking(regions, "elasticache-global-datastore").length === 0 ? "global-datastore" : "per-region";
}

interface DataTierInput {
  readonly database: {
    readonly replication?: DatabaseReplication;
    readonly instanceClass: string;
    readonly changeDataCapture?: unknown;
  };
  readonly cache: { readonly replication?: CacheReplication; readonly nodeType: string };
  readonly regions: readonly RegionOffers[];
}

function refuseWhereLacking(
  env: DataTierInput,
  capability: RegionCapability,
  field: string[],
  feature: string,
  issue: IssueReporter,
): void {
  for (const region of regionsLacking(env.regions, capability)) {
    issue(
      field,
      `needs ${feature} in every region, and ${region.key} (${region.awsRegion}) does not offer it per ${capabilitySource(capability)}; ` +
        `choose another strategy, or assert "${capability}" in that region's assertedCapabilities once AWS lists it`,
    );
  }
}

/**
 * Cross-region rules of the data tier: a global database or datastore only where every region
 * offers it, and only on the instance families AWS runs them on.
 */
export function checkDataTierReplication(env: DataTierInput, issue: IssueReporter): void {
  const database = env.database.replication ?? bestDatabaseReplication(env.regions);
  const cache = env.cache.replication ?? bestCacheReplication(env.regions);
  if (database === "global-database") {
    refuseWhereLacking(
      env,
      "aurora-postgresql-global-database",
      ["database", "replication"],
      "Aurora PostgreSQL global databases",
      issue,
    );
    if (!GLOBAL_DATABASE_CLASS.test(env.database.instanceClass)) {
      issue(
        ["database", "instanceClass"],
        "must be a memory-optimized class (db.r5 or newer, db.x2) with global-database replication: Aurora global databases run on no other",
      );
    }
  }
  if (database === "dms-cdc") {
    for (const [capability, feature] of CHANGE_DATA_CAPTURE_NEEDS) {
      refuseWhereLacking(env, capability, ["database", "replication"], feature, issue);
    }
    if (env.regions.length > 1 && env.database.changeDataCapture === undefined) {
      issue(
        ["database", "changeDataCapture"],
        "is required with dms-cdc replication (the DMS replication instance of each secondary: instanceClass, allocatedStorageGb, engineVersion, multiAz, schemas)",
      );
    }
  }
  if (cache === "global-datastore") {
    refuseWhereLacking(
      env,
      "elasticache-global-datastore",
      ["cache", "replication"],
      "ElastiCache global datastores",
      issue,
    );
    if (!GLOBAL_DATASTORE_NODE.test(env.cache.nodeType)) {
      issue(
        ["cache", "nodeType"],
        "must be M5, M6g, M7g, M8g, R5, R6g, R6gd, R7g, R8g, C7gn or C8gn, large or bigger, with global-datastore replication: global datastores run on no other",
      );
    }
  }
}
