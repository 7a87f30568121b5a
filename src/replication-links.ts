/**
 * The `dms-cdc` replication links of an environment, computed from config alone: which region
 * copies from which, the stack that owns each link, and the database subnets each end opens to
 * the other. The regional stacks (security groups, NACLs, logical decoding) and the link stacks
 * (peering, routes, DMS) read the same answers, so neither needs the other's state.
 */
import { type SubnetTier, planSubnets } from "../modules/network/subnet-plan";
import type { EnvironmentConfig, RegionConfig } from "./config/schema";
import { REPLICATION_STACK_PREFIX } from "./config/schema/replication";

export { REPLICATION_STACK_PREFIX };

/** One secondary's copy of the primary's database. */
export interface ReplicationLink {
  /** The stack that owns the link: `replication-<target key>`. */
  readonly stackId: string;
  /** The primary: its writer is the DMS source. */
  readonly source: RegionConfig;
  /** The secondary: its standalone cluster is the DMS target, and the DMS instance runs there. */
  readonly target: RegionConfig;
}

/** The environment's links: one per secondary under `dms-cdc`, none otherwise. */
export function replicationLinks(config: EnvironmentConfig): ReplicationLink[] {
  if (config.database.replication !== "dms-cdc") return [];
  const source = config.regions.find((region) => region.role === "primary")!;
  return config.regions
    .filter((region) => region !== source)
    .map((target) => ({ stackId: `${REPLICATION_STACK_PREFIX}${target.key}`, source, target }));
}

/** One tier's subnet CIDRs of `region`, as its network lays them out. */
export function subnetCidrs(
  config: Pick<EnvironmentConfig, "network">,
  region: Pick<RegionConfig, "vpcCidr" | "availabilityZones">,
  tier: SubnetTier,
): string[] {
  return planSubnets(region.vpcCidr, region.availabilityZones.length, config.network.subnetPrefixLengths)[tier];
}

/** The database tier's subnet CIDRs of `region`: what the replication links open to each other. */
export function databaseSubnetCidrs(
  config: Pick<EnvironmentConfig, "network">,
  region: Pick<RegionConfig, "vpcCidr" | "availabilityZones">,
): string[] {
  return subnetCidrs(config, region, "database");
}

/**
 * What `region`'s database tier opens across the links: a source serves its targets' database
 * subnets, a target reaches its source's.
 */
export function databasePeeringOf(
  config: EnvironmentConfig,
  region: RegionConfig,
): { servesCidrs: string[]; reachesCidrs: string[]; callsServiceEndpoints: boolean } | undefined {
  const links = replicationLinks(config);
  const serves = links.filter((link) => link.source.key === region.key);
  const reaches = links.filter((link) => link.target.key === region.key);
  if (serves.length === 0 && reaches.length === 0) return undefined;
  return {
    servesCidrs: serves.flatMap((link) => databaseSubnetCidrs(config, link.target)),
    reachesCidrs: reaches.flatMap((link) => databaseSubnetCidrs(config, link.source)),
    // DMS reads its endpoints' secrets itself, through the Secrets Manager interface endpoint.
    callsServiceEndpoints: reaches.length > 0,
  };
}

/** Interface endpoints a region needs beyond the network's defaults: Secrets Manager for DMS. */
export const CHANGE_DATA_CAPTURE_ENDPOINTS = ["secretsmanager"] as const;

/** Whether `region` runs a DMS replication instance (it is a link's target). */
export function isReplicationTarget(config: EnvironmentConfig, region: RegionConfig): boolean {
  return replicationLinks(config).some((link) => link.target.key === region.key);
}
