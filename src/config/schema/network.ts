import { z } from "zod";
import { SUBNET_SLOTS_PER_TIER } from "../../../modules/network/subnet-plan";
import { ipv4Cidr, logRetentionDays, type IssueReporter } from "./common";

const prefixLength = z.number().int().min(16).max(28);

/** Network settings shared by every region of an environment. */
export const networkSchema = z.strictObject({
  subnetPrefixLengths: z.strictObject({ private: prefixLength, public: prefixLength, database: prefixLength }),
  flowLogRetentionDays: logRetentionDays,
});

/** VPC sizes AWS allows: "between /16 and /28" (Amazon VPC User Guide, "VPC CIDR blocks"). */
export const VPC_PREFIX_LENGTH = { min: 16, max: 28 } as const;

/** A region's own network fields (merged into the region object). */
export const regionNetworkFields = {
  vpcCidr: ipv4Cidr.refine((cidr) => {
    const length = Number(cidr.split("/")[1]);
    return length >= VPC_PREFIX_LENGTH.min && length <= VPC_PREFIX_LENGTH.max;
  }, `must be a /${VPC_PREFIX_LENGTH.min} to /${VPC_PREFIX_LENGTH.max} block (AWS's VPC size limits)`),
  /** AZ names, e.g. `ap-east-2a`; their number is the AZ count of every subnet tier. */
  availabilityZones: z
    .array(z.string())
    .min(2, "needs at least 2 availability zones")
    .max(SUBNET_SLOTS_PER_TIER, `the subnet plan supports at most ${SUBNET_SLOTS_PER_TIER} availability zones`),
  /** `per-az` keeps egress alive through an AZ outage; `single` saves cost outside production. */
  natGateways: z.enum(["per-az", "single"], { error: () => 'must be "per-az" or "single"' }),
};

/** AZs must be distinct and belong to the region they are listed under. */
export function checkAvailabilityZones(
  region: { awsRegion: string; availabilityZones: string[] },
  issue: IssueReporter,
): void {
  region.availabilityZones.forEach((zone, i) => {
    if (!new RegExp(`^${region.awsRegion}[a-z]$`).test(zone)) {
      issue(["availabilityZones", i], `must be an availability zone of ${region.awsRegion}, e.g. ${region.awsRegion}a`);
    }
  });
  if (new Set(region.availabilityZones).size !== region.availabilityZones.length) {
    issue(["availabilityZones"], "availability zones must be distinct");
  }
}
