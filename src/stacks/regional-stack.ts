import type { Construct } from "constructs";
import { Network } from "../../modules/network";
import type { EnvironmentConfig, RegionConfig } from "../config/schema";
import { PlatformStack } from "./platform-stack";

/** Output names of every regional stack (stable: pipelines and later stacks read them). */
export const REGIONAL_OUTPUTS = {
  vpcId: "vpc_id",
  privateSubnetIds: "private_subnet_ids",
  publicSubnetIds: "public_subnet_ids",
  databaseSubnetIds: "database_subnet_ids",
} as const;

/**
 * One serving region. It touches only its own region: no provider, state or data source of
 * another region, so it can be planned and deployed while any other region is down.
 */
export class RegionalStack extends PlatformStack {
  readonly region: RegionConfig;
  readonly network: Network;

  constructor(scope: Construct, config: EnvironmentConfig, region: RegionConfig) {
    super(scope, region.key, { config, awsRegion: region.awsRegion });
    this.region = region;
    const name = `${config.project}-${config.name}-${region.key}`;

    this.network = new Network(this, "network", {
      name,
      region: region.awsRegion,
      account: this.account,
      vpcCidr: region.vpcCidr,
      availabilityZones: region.availabilityZones,
      subnetPrefixLengths: config.network.subnetPrefixLengths,
      natGateways: region.natGateways,
      flowLogRetentionDays: config.network.flowLogRetentionDays,
      preventDestroy: config.production,
    });

    const ids = (tier: keyof Network["subnets"]) => this.network.subnets[tier].map((subnet) => subnet.id);
    this.exportValue(REGIONAL_OUTPUTS.vpcId, this.network.vpc.id, "VPC of this region");
    this.exportValue(REGIONAL_OUTPUTS.privateSubnetIds, ids("private"), "Subnets of EKS nodes and pods");
    this.exportValue(REGIONAL_OUTPUTS.publicSubnetIds, ids("public"), "Subnets of the ALB and NAT gateways");
    this.exportValue(REGIONAL_OUTPUTS.databaseSubnetIds, ids("database"), "Subnets of Aurora and Redis");
  }
}
