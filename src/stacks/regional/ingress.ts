import type { Network } from "../../../modules/network";
import { HEALTH_CHECK_PATH } from "../../../modules/dns-failover";
import { AcceptedOriginSecrets, ORIGIN_SECRET_HEADER } from "../../../modules/origin-secret";
import { RegionalIngress } from "../../../modules/regional-ingress";
import type { EdgeOnlyAccess } from "../../../modules/regional-ingress/edge-only";
import { regionCertificateNames } from "../../dns-names";
import { originSecretNames } from "../../resource-names";
import type { RegionContext } from "./context";

/**
 * The region's ALB, certificate, WAF and request alarms, from the environment's ingress settings;
 * behind the edge when the environment has one.
 */
export function buildIngress(
  context: RegionContext,
  network: Pick<Network, "vpc" | "subnets" | "natPublicIps">,
  alarmTopicArn: string,
): RegionalIngress {
  const { scope, config, region, account, prefix, protection } = context;
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
    edgeOnly: edgeOnlyAccess(context, network),
    protection,
  });
}

/**
 * Behind the edge, the ALB takes the origin secret's generations from this region's replicas of
 * `global`'s secrets, admits the Route 53 checkers' health path, and the region's own canary,
 * which runs in the VPC and leaves through the NAT gateways.
 */
function edgeOnlyAccess(
  { scope, config }: RegionContext,
  network: Pick<Network, "natPublicIps">,
): EdgeOnlyAccess | undefined {
  if (config.edge === undefined) return undefined;
  const secrets = new AcceptedOriginSecrets(
    scope,
    "origin-secret",
    originSecretNames(config, config.edge.originSecretVersion),
  );
  return {
    header: { name: ORIGIN_SECRET_HEADER, values: secrets.values },
    healthCheckPath: HEALTH_CHECK_PATH,
    probeAddresses: network.natPublicIps.map((ip, index) => ({ name: `nat-${index + 1}`, ip })),
  };
}
