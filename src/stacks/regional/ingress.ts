import type { Network } from "../../../modules/network";
import { RegionalIngress } from "../../../modules/regional-ingress";
import { regionCertificateNames } from "../../dns-names";
import type { RegionContext } from "./context";

/** The region's ALB, certificate, WAF and request alarms, from the environment's ingress settings. */
export function buildIngress(
  { scope, config, region, account, prefix, protection }: RegionContext,
  network: Pick<Network, "vpc" | "subnets">,
  alarmTopicArn: string,
): RegionalIngress {
  const { ingress } = config;
  return new RegionalIngress(scope, "ingress", {
    name: prefix,
    region: region.awsRegion,
    account,
    vpcId: network.vpc.id,
    publicSubnetIds: network.subnets.public.map((subnet) => subnet.id),
    certificateNames: regionCertificateNames(config.domain.name, region.key),
    targetHealthCheck: ingress.targetHealthCheck,
    deregistrationDelaySeconds: ingress.deregistrationDelaySeconds,
    accessLogExpiryDays: ingress.accessLogExpiryDays,
    wafRateLimitPer5Minutes: ingress.wafRateLimitPer5Minutes,
    wafLogRetentionDays: ingress.wafLogRetentionDays,
    alarmTopicArn,
    protection,
  });
}
