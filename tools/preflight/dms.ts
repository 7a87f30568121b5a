/**
 * Check group, only with `dms-cdc`: the DMS replication instance class and engine version are
 * offered where each instance runs (every link's target region, in its configured AZs), and
 * DMS's fixed-name roles are where the config says. DMS classes and versions vary by region
 * ("Supported DB engines for DMS replication instances", DescribeOrderableReplicationInstances,
 * https://docs.aws.amazon.com/dms/latest/APIReference/API_DescribeOrderableReplicationInstances.html).
 * The roles: `global` creates `dms-vpc-role` and `dms-cloudwatch-logs-role` unless
 * `existingDmsServiceRoles` says the account has them; creating one that exists fails, and DMS
 * refuses a subnet group while `dms-vpc-role` is missing.
 */
import { DMS_SERVICE_ROLE_DESCRIPTION, DMS_SERVICE_ROLES } from "../../modules/change-data-capture/constants";
import type { EnvironmentConfig } from "../../src/config/schema";
import { replicationLinks } from "../../src/replication-links";
import type { PreflightClients } from "./clients";
import { GLOBAL_REGION, type Row, fail, guarded, pass } from "./row";

export const dmsClassCheck = (instanceClass: string) => `DMS class ${instanceClass}`;
export const dmsVersionCheck = (version: string) => `DMS engine ${version}`;
export const dmsRoleCheck = (name: string) => `IAM role ${name}`;

async function offeringRows(
  config: EnvironmentConfig,
  target: EnvironmentConfig["regions"][number],
  clients: PreflightClients,
): Promise<Row[]> {
  const { instanceClass, engineVersion } = config.database.changeDataCapture!;
  const where = target.awsRegion;
  const offers = await clients.dms.orderableReplicationInstances(where, instanceClass);
  const listing = `aws dms describe-orderable-replication-instances --region ${where}`;
  if (offers.length === 0)
    return [
      fail(
        dmsClassCheck(instanceClass),
        where,
        "not offered in this region",
        `set database.changeDataCapture.instanceClass to a class of: ${listing}`,
      ),
    ];
  const classRow = pass(dmsClassCheck(instanceClass), where, "offered");
  const version = offers.filter((offer) => offer.engineVersion === engineVersion);
  if (version.length === 0)
    return [
      classRow,
      fail(
        dmsVersionCheck(engineVersion),
        where,
        `not offered for ${instanceClass} (offered: ${[...new Set(offers.map((offer) => offer.engineVersion))].sort().join(", ")})`,
        `set database.changeDataCapture.engineVersion to one of those (${listing})`,
      ),
    ];
  const zones = new Set(version.flatMap((offer) => offer.availabilityZones));
  const missing = zones.size === 0 ? [] : target.availabilityZones.filter((zone) => !zones.has(zone));
  return [
    classRow,
    missing.length === 0
      ? pass(dmsVersionCheck(engineVersion), where, `offered for ${instanceClass}`)
      : fail(
          dmsVersionCheck(engineVersion),
          where,
          `${instanceClass} not offered in ${missing.join(", ")}`,
          `choose a class offered in every configured AZ (${listing})`,
        ),
  ];
}

async function roleRow(name: string, declared: boolean, clients: PreflightClients): Promise<Row> {
  const check = dmsRoleCheck(name);
  const role = await clients.iam.role(name);
  const exists = role !== undefined;
  // Ours from an earlier deploy of this environment's global: nothing to change.
  if (!declared && role?.description === DMS_SERVICE_ROLE_DESCRIPTION)
    return pass(check, GLOBAL_REGION, "exists, created by global");
  if (declared)
    return exists
      ? pass(check, GLOBAL_REGION, "exists, as existingDmsServiceRoles declares")
      : fail(
          check,
          GLOBAL_REGION,
          "declared by existingDmsServiceRoles but absent",
          "set existingDmsServiceRoles to false so global creates it",
        );
  return exists
    ? fail(check, GLOBAL_REGION, "exists already: global's create would fail", "set existingDmsServiceRoles to true")
    : pass(check, GLOBAL_REGION, "absent: global creates it");
}

/** `dms:DescribeOrderableReplicationInstances` per link target, `iam:GetRole` per DMS role. */
export async function dmsOfferings(config: EnvironmentConfig, clients: PreflightClients): Promise<Row[]> {
  const links = replicationLinks(config);
  if (links.length === 0) return [];
  const { instanceClass } = config.database.changeDataCapture!;
  const rows = [
    ...links.map((link) =>
      guarded(dmsClassCheck(instanceClass), link.target.awsRegion, "dms:DescribeOrderableReplicationInstances", () =>
        offeringRows(config, link.target, clients),
      ),
    ),
    ...DMS_SERVICE_ROLES.map(([name]) =>
      guarded(dmsRoleCheck(name), GLOBAL_REGION, "iam:GetRole", () =>
        roleRow(name, config.existingDmsServiceRoles, clients),
      ),
    ),
  ];
  return (await Promise.all(rows)).flat();
}
