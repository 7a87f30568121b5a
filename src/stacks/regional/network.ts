import type { Construct } from "constructs";
import { Network } from "../../../modules/network";
import type { AwsAccount } from "../../../modules/shared/aws-account";
import type { EnvironmentConfig, RegionConfig } from "../../config/schema";

/** The region's VPC, from the environment's network settings and the region's own. */
export function buildNetwork(
  scope: Construct,
  config: EnvironmentConfig,
  region: RegionConfig,
  names: { prefix: string; account: AwsAccount },
): Network {
  return new Network(scope, "network", {
    name: names.prefix,
    region: region.awsRegion,
    account: names.account,
    vpcCidr: region.vpcCidr,
    availabilityZones: region.availabilityZones,
    subnetPrefixLengths: config.network.subnetPrefixLengths,
    natGateways: region.natGateways,
    flowLogRetentionDays: config.network.flowLogRetentionDays,
    preventDestroy: config.production,
  });
}
