import type { Construct } from "constructs";
import type { Network } from "../../../modules/network";
import { RegionalIngress } from "../../../modules/regional-ingress";
import type { AwsAccount } from "../../../modules/shared/aws-account";
import type { EnvironmentConfig, RegionConfig } from "../../config/schema";
import { regionCertificateNames } from "../../dns-names";

/** The region's ALB, certificate, WAF and request alarms, from the environment's ingress settings. */
export function buildIngress(
  scope: Construct,
  config: EnvironmentConfig,
  region: RegionConfig,
  names: { prefix: string; account: AwsAccount },
  network: Pick<Network, "vpc" | "subnets">,
  alarmTopicArn: string,
): RegionalIngress {
  const { ingress } = config;
  return new RegionalIngress(scope, "ingress", {
    name: names.prefix,
    region: region.awsRegion,
    account: names.account,
    vpcId: network.vpc.id,
    publicSubnetIds: network.subnets.public.map((subnet) => subnet.id),
    certificateNames: regionCertificateNames(config.domain.name, region.key),
    targetHealthCheck: ingress.targetHealthCheck,
    deregistrationDelaySeconds: ingress.deregistrationDelaySeconds,
    accessLogExpiryDays: ingress.accessLogExpiryDays,
    wafRateLimitPer5Minutes: ingress.wafRateLimitPer5Minutes,
    wafLogRetentionDays: ingress.wafLogRetentionDays,
    alarmTopicArn,
    deletionProtection: config.production,
    preventDestroy: config.production,
  });
}
