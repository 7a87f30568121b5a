/**
 * Check group: the cross-region capabilities the environment uses, in each of its regions. A
 * region AWS's pages list (src/config/region-capabilities.ts) passes on that table; one the
 * environment only asserts (`regions[].assertedCapabilities`, for a region AWS added after the
 * table was read) is checked against the account where AWS has an API that tells:
 *
 * - Aurora PostgreSQL global database: DescribeDBEngineVersions reports `SupportsGlobalDatabases`
 *   for the configured engine version in that region.
 * - The EKS add-on amazon-cloudwatch-observability: DescribeAddonVersions lists the pinned build
 *   for the region's Kubernetes version.
 * - ElastiCache global datastore: no API lists the regions that support it
 *   (DescribeGlobalReplicationGroups lists an account's datastores, not whether a region may join
 *   one), so the row is a SKIP pointing at AWS's page.
 */
import { AURORA_ENGINE } from "../../modules/aurora/constants";
import { OBSERVABILITY_ADDON } from "../../modules/container-insights";
import {
  type RegionCapability,
  CAPABILITY_SOURCES,
  capabilitySource,
  regionOffers,
} from "../../src/config/region-capabilities";
import type { EnvironmentConfig, RegionConfig } from "../../src/config/schema";
import type { PreflightClients } from "./clients";
import { type Row, fail, guarded, pass, skip } from "./row";

const CAPABILITY_CHECKS: Record<RegionCapability, string> = {
  "aurora-postgresql-global-database": "Aurora global database",
  "elasticache-global-datastore": "ElastiCache global datastore",
  dms: "AWS DMS",
  "inter-region-vpc-peering": "Inter-region VPC peering",
  "eks-cloudwatch-observability-addon": "EKS add-on amazon-cloudwatch-observability",
  "aws-xray": "AWS X-Ray",
  "amazon-managed-prometheus": "Amazon Managed Service for Prometheus",
};

export const capabilityCheck = (capability: RegionCapability) => CAPABILITY_CHECKS[capability];

/** The capabilities the environment's replication strategies rely on, in every region. */
export function capabilitiesInUse(config: EnvironmentConfig): RegionCapability[] {
  return [
    ...(config.database.replication === "global-database" ? (["aurora-postgresql-global-database"] as const) : []),
    ...(config.database.replication === "dms-cdc" ? (["dms", "inter-region-vpc-peering"] as const) : []),
    ...(config.cache.replication === "global-datastore" ? (["elasticache-global-datastore"] as const) : []),
    ...(config.observability === undefined ? [] : (["eks-cloudwatch-observability-addon"] as const)),
    ...(config.observability?.tracing === undefined ? [] : (["aws-xray"] as const)),
    ...(config.observability?.prometheus === undefined ? [] : (["amazon-managed-prometheus"] as const)),
  ];
}

/** `set <field> "<fallback>"`: the strategy that needs the capability in no region. */
const FALLBACK: Record<RegionCapability, string> = {
  "aurora-postgresql-global-database": 'set database.replication "snapshot-copy"',
  "elasticache-global-datastore": 'set cache.replication "per-region"',
  dms: 'set database.replication "snapshot-copy"',
  "inter-region-vpc-peering": 'set database.replication "snapshot-copy"',
  "eks-cloudwatch-observability-addon": "remove observability.containerInsights",
  "aws-xray": "remove observability.tracing",
  "amazon-managed-prometheus": "remove observability.prometheus",
};

async function auroraGlobalDatabaseRow(
  config: EnvironmentConfig,
  region: RegionConfig,
  clients: PreflightClients,
): Promise<Row> {
  const capability = "aurora-postgresql-global-database";
  const check = capabilityCheck(capability);
  const where = region.awsRegion;
  const { engineVersion } = config.database;
  const found = await clients.rds.engineVersion(where, AURORA_ENGINE, engineVersion);
  if (found?.supportsGlobalDatabases)
    return pass(check, where, `asserted; ${engineVersion} has SupportsGlobalDatabases`);
  return fail(
    check,
    where,
    found === undefined
      ? `asserted; ${engineVersion} not offered here`
      : `asserted; ${engineVersion} lacks SupportsGlobalDatabases`,
    `drop it from the assertedCapabilities of region ${region.key} and ${FALLBACK[capability]}, or pick a version of: ` +
      `aws rds describe-db-engine-versions --engine ${AURORA_ENGINE} --region ${where} ` +
      `--query "DBEngineVersions[?SupportsGlobalDatabases].EngineVersion"`,
  );
}

/** The pinned add-on build is among those EKS publishes for the region's Kubernetes version. */
async function observabilityAddonRow(
  config: EnvironmentConfig,
  region: RegionConfig,
  clients: PreflightClients,
): Promise<Row> {
  const check = capabilityCheck("eks-cloudwatch-observability-addon");
  const where = region.awsRegion;
  const pinned = config.observability!.containerInsights.addonVersion;
  const { kubernetesVersion } = region.eks;
  const published = await clients.eks.addonVersions(where, OBSERVABILITY_ADDON, kubernetesVersion);
  if (published.includes(pinned))
    return pass(check, where, `asserted; ${pinned} offered for Kubernetes ${kubernetesVersion}`);
  return fail(
    check,
    where,
    published.length === 0
      ? `asserted; not offered here for Kubernetes ${kubernetesVersion}`
      : `asserted; ${pinned} not offered for Kubernetes ${kubernetesVersion} (offered: ${published.join(", ")})`,
    `pin one of: aws eks describe-addon-versions --addon-name ${OBSERVABILITY_ADDON} ` +
      `--kubernetes-version ${kubernetesVersion} --region ${where}, or ${FALLBACK["eks-cloudwatch-observability-addon"]}`,
  );
}

async function capabilityRow(
  config: EnvironmentConfig,
  region: RegionConfig,
  capability: RegionCapability,
  clients: PreflightClients,
): Promise<Row> {
  const check = capabilityCheck(capability);
  const where = region.awsRegion;
  if (regionOffers(where, capability))
    return pass(check, where, `listed by AWS (docs read ${CAPABILITY_SOURCES[capability].read})`);
  // The config schema refuses this; a config built around it (a test, a hand-made JSON) may not.
  if (!region.assertedCapabilities.includes(capability))
    return fail(
      check,
      where,
      "neither listed by AWS nor asserted",
      `${FALLBACK[capability]}; see ${capabilitySource(capability)}`,
    );
  if (capability === "aurora-postgresql-global-database") return auroraGlobalDatabaseRow(config, region, clients);
  if (capability === "eks-cloudwatch-observability-addon") return observabilityAddonRow(config, region, clients);
  return skip(check, where, "asserted; AWS has no API for it", `confirm the region on ${capabilitySource(capability)}`);
}

/** The read each asserted capability's check makes (for the row of a refused call). */
const CAPABILITY_READS: Record<RegionCapability, string> = {
  "aurora-postgresql-global-database": "rds:DescribeDBEngineVersions",
  "elasticache-global-datastore": "rds:DescribeDBEngineVersions",
  dms: "rds:DescribeDBEngineVersions",
  "inter-region-vpc-peering": "rds:DescribeDBEngineVersions",
  "eks-cloudwatch-observability-addon": "eks:DescribeAddonVersions",
  "aws-xray": "none (SDK endpoint metadata)",
  "amazon-managed-prometheus": "none (SDK endpoint metadata)",
};

/**
 * `rds:DescribeDBEngineVersions` for each region that asserts an Aurora global database,
 * `eks:DescribeAddonVersions` for each that asserts the CloudWatch observability add-on.
 */
export async function assertedCapabilities(config: EnvironmentConfig, clients: PreflightClients): Promise<Row[]> {
  const rows = config.regions.flatMap((region) =>
    capabilitiesInUse(config).map((capability) =>
      guarded(capabilityCheck(capability), region.awsRegion, CAPABILITY_READS[capability], () =>
        capabilityRow(config, region, capability, clients),
      ),
    ),
  );
  return (await Promise.all(rows)).flat();
}
