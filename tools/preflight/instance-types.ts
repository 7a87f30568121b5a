/**
 * Check group: every EC2 instance type of every EKS node group is offered in its region, in each
 * configured AZ. New regions often lack older generations, and an AZ may lack a type its region
 * has; a node group asked for one fails after the cluster (15 minutes in) is already up.
 */
import type { EnvironmentConfig, RegionConfig } from "../../src/config/schema";
import type { PreflightClients } from "./clients";
import { type Row, fail, guarded, pass } from "./row";

export const instanceTypeCheck = (instanceType: string, groups: string[]) =>
  `EC2 ${instanceType} (node group ${groups.join(", ")})`;

/** Instance type -> the node groups of `region` that ask for it, in config order. */
export function nodeGroupsByInstanceType(region: RegionConfig): Map<string, string[]> {
  const byType = new Map<string, string[]>();
  for (const [group, settings] of Object.entries(region.eks.nodeGroups)) {
    for (const type of settings.instanceTypes) byType.set(type, [...(byType.get(type) ?? []), group]);
  }
  return byType;
}

async function regionRows(region: RegionConfig, clients: PreflightClients): Promise<Row[]> {
  const byType = nodeGroupsByInstanceType(region);
  const zones = region.availabilityZones;
  const summary = `EC2 instance types (${[...byType.keys()].join(", ")})`;
  return guarded(summary, region.awsRegion, "ec2:DescribeInstanceTypeOfferings", async () => {
    const offerings = await clients.ec2.instanceTypeOfferings(region.awsRegion, [...byType.keys()], zones);
    const offered = new Set(offerings.map((offering) => `${offering.instanceType}@${offering.zone}`));
    return [...byType].map(([type, groups]) => {
      const check = instanceTypeCheck(type, groups);
      const missing = zones.filter((zone) => !offered.has(`${type}@${zone}`));
      if (missing.length === 0) return pass(check, region.awsRegion, `offered in ${zones.join(", ")}`);
      return fail(
        check,
        region.awsRegion,
        `not offered in ${missing.join(", ")}`,
        `replace ${type} in node group ${groups.join(", ")} of region "${region.key}" (eks.nodeGroups.*.instanceTypes), ` +
          `or use other availabilityZones; offered AZs: aws ec2 describe-instance-type-offerings --location-type availability-zone ` +
          `--filters Name=instance-type,Values=${type} --region ${region.awsRegion}`,
      );
    });
  });
}

/** `ec2:DescribeInstanceTypeOfferings` (location type availability-zone), one call per region. */
export async function nodeInstanceTypes(config: EnvironmentConfig, clients: PreflightClients): Promise<Row[]> {
  return (await Promise.all(config.regions.map((region) => regionRows(region, clients)))).flat();
}
