import { Network } from "../../../modules/network";
import type { RegionContext } from "./context";

/** The region's VPC, from the environment's network settings and the region's own. */
export function buildNetwork({ scope, config, region, account, prefix, protection }: RegionContext): Network {
  return new Network(scope, "network", {
    name: prefix,
    region: region.awsRegion,
    account,
    vpcCidr: region.vpcCidr,
    availabilityZones: region.availabilityZones,
    subnetPrefixLengths: config.network.subnetPrefixLengths,
    natGateways: region.natGateways,
    flowLogRetentionDays: config.network.flowLogRetentionDays,
    protection,
  });
}
