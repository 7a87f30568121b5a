import { DEFAULT_INTERFACE_ENDPOINTS, Network } from "../../../modules/network";
import { CHANGE_DATA_CAPTURE_ENDPOINTS, databasePeeringOf, isReplicationTarget } from "../../replication-links";
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
    databasePeering: databasePeeringOf(config, region),
    interfaceEndpoints: isReplicationTarget(config, region)
      ? [...DEFAULT_INTERFACE_ENDPOINTS, ...CHANGE_DATA_CAPTURE_ENDPOINTS]
      : undefined,
    protection,
  });
}
