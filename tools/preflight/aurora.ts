/**
 * Check group: the Aurora PostgreSQL engine version exists in each region, and the instance class
 * is orderable for it there (in each configured AZ, where AWS says which), with global-database
 * support when the environment needs it ({@link needsGlobalDatabase}).
 */
import { AURORA_ENGINE } from "../../modules/aurora/constants";
import type { EnvironmentConfig, RegionConfig } from "../../src/config/schema";
import type { PreflightClients } from "./clients";
import { needsGlobalDatabase } from "./global-database";
import { type Row, fail, guarded, pass } from "./row";

const AVAILABLE = "available";

export const engineVersionCheck = (version: string) => `Aurora PostgreSQL ${version}`;
export const instanceClassCheck = (instanceClass: string) => `Aurora class ${instanceClass}`;

async function engineVersionRow(
  config: EnvironmentConfig,
  region: string,
  clients: PreflightClients,
  global: boolean,
): Promise<Row> {
  const { engineVersion } = config.database;
  const check = engineVersionCheck(engineVersion);
  const listing = `aws rds describe-db-engine-versions --engine ${AURORA_ENGINE} --region ${region}`;
  const found = await clients.rds.engineVersion(region, AURORA_ENGINE, engineVersion);
  if (found === undefined)
    return fail(check, region, "not offered in this region", `set database.engineVersion to one of: ${listing}`);
  if (found.status !== AVAILABLE)
    return fail(
      check,
      region,
      `${found.status}: new clusters cannot use it`,
      `set database.engineVersion to one of: ${listing}`,
    );
  if (global && !found.supportsGlobalDatabases)
    return fail(
      check,
      region,
      "no global database support",
      `set database.engineVersion to one of: ${listing} --query "DBEngineVersions[?SupportsGlobalDatabases].EngineVersion"`,
    );
  return pass(check, region, global ? `${found.status}, supports global databases` : found.status);
}

async function instanceClassRow(
  config: EnvironmentConfig,
  region: RegionConfig,
  clients: PreflightClients,
  global: boolean,
): Promise<Row> {
  const { engineVersion, instanceClass } = config.database;
  const where = region.awsRegion;
  const check = instanceClassCheck(instanceClass);
  const fix =
    `set database.instanceClass to one of: aws rds describe-orderable-db-instance-options --engine ${AURORA_ENGINE} ` +
    `--engine-version ${engineVersion} --region ${where} --query "OrderableDBInstanceOptions[].DBInstanceClass"`;
  const options = await clients.rds.orderableInstanceOptions(where, AURORA_ENGINE, engineVersion, instanceClass);
  const usable = global ? options.filter((option) => option.supportsGlobalDatabases) : options;
  if (options.length === 0) return fail(check, where, `not orderable for ${AURORA_ENGINE} ${engineVersion}`, fix);
  if (usable.length === 0) return fail(check, where, "orderable, without global database support", fix);
  // AWS lists the AZs an option is orderable in; an empty list says nothing about AZs.
  const zones = new Set(usable.flatMap((option) => option.availabilityZones));
  const missing = zones.size === 0 ? [] : region.availabilityZones.filter((zone) => !zones.has(zone));
  if (missing.length > 0) return fail(check, where, `not orderable in ${missing.join(", ")}`, fix);
  return pass(check, where, `orderable for ${AURORA_ENGINE} ${engineVersion}`);
}

/**
 * The rows for `config`, requiring global-database support when `global` says so (the group
 * below asks {@link needsGlobalDatabase}; tests pass either).
 */
export async function auroraRows(
  config: EnvironmentConfig,
  clients: PreflightClients,
  global: boolean,
): Promise<Row[]> {
  const rows = config.regions.flatMap((region) => [
    guarded(engineVersionCheck(config.database.engineVersion), region.awsRegion, "rds:DescribeDBEngineVersions", () =>
      engineVersionRow(config, region.awsRegion, clients, global),
    ),
    guarded(
      instanceClassCheck(config.database.instanceClass),
      region.awsRegion,
      "rds:DescribeOrderableDBInstanceOptions",
      () => instanceClassRow(config, region, clients, global),
    ),
  ]);
  return (await Promise.all(rows)).flat();
}

/** `rds:DescribeDBEngineVersions` and `rds:DescribeOrderableDBInstanceOptions` per region. */
export function auroraOfferings(config: EnvironmentConfig, clients: PreflightClients): Promise<Row[]> {
  return auroraRows(config, clients, needsGlobalDatabase(config));
}
