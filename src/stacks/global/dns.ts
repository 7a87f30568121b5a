import type { Construct } from "constructs";
import type { AlertTopics } from "../../../modules/alert-topics";
import { CertificateValidationRecords, DnsFailover } from "../../../modules/dns-failover";
import type { EnvironmentConfig } from "../../config/schema";
import { EdgeDistribution } from "../../../modules/edge-distribution";
import { ORIGIN_SECRET_HEADER, OriginSecret } from "../../../modules/origin-secret";
import type { AwsAccount } from "../../../modules/shared/aws-account";
import type { Protection } from "../../../modules/shared/protection";
import { allCertificateNames, failoverOriginName, originName, publicNames } from "../../dns-names";
import { originSecretNames } from "../../resource-names";

/** The validation records of every name any region's certificate covers. */
export function buildCertificateValidation(
  scope: Construct,
  config: EnvironmentConfig,
  zoneId: string,
): CertificateValidationRecords {
  return new CertificateValidationRecords(scope, "certificate-validation", {
    names: allCertificateNames(
      config.domain.name,
      config.regions.map((region) => region.key),
    ),
    zoneId,
  });
}

/** Health checks of every region's origin and their alarms; none when one region serves alone. */
export function buildDnsFailover(
  scope: Construct,
  config: EnvironmentConfig,
  alerts: AlertTopics,
): DnsFailover | undefined {
  const { failover } = config;
  if (failover === undefined) return undefined;
  return new DnsFailover(scope, "dns-failover", {
    name: `${config.project}-${config.name}`,
    regions: config.regions.map((region) => ({
      key: region.key,
      role: region.role,
      originName: originName(region.key, config.domain.name),
    })),
    requestIntervalSeconds: failover.healthCheck.requestIntervalSeconds,
    failureThreshold: failover.healthCheck.failureThreshold,
    checkerRegions: failover.healthCheck.checkerRegions,
    alertTopicArns: { critical: alerts.topics.critical!.arn, warning: alerts.topics.warning!.arn },
    invertPrimaryHealthCheck: failover.invertPrimaryHealthCheck,
  });
}

/**
 * The edge in front of the regions, when configured: the public names point at CloudFront, whose
 * API origin is the regions' failover name and whose idempotent paths also reach the secondary
 * region directly. Its certificate is the validation certificate (us-east-1, every name). Every
 * origin request carries the origin secret, which the regions' load balancers require.
 */
export function buildEdge(
  scope: Construct,
  config: EnvironmentConfig,
  parts: {
    zoneId: string;
    validation: CertificateValidationRecords;
    account: AwsAccount;
    region: string;
    protection: Protection;
  },
): EdgeDistribution | undefined {
  const { edge } = config;
  if (edge === undefined) return undefined;
  const domain = config.domain.name;
  const secondary = config.regions.find((region) => region.role === "secondary");
  const name = `${config.project}-${config.name}`;
  const originSecret = new OriginSecret(scope, "origin-secret", {
    names: originSecretNames(config, edge.originSecretVersion),
    account: parts.account,
    keyAlias: `${name}-origin-secret`,
    replicaRegions: config.regions.map((region) => region.awsRegion).filter((region) => region !== parts.region),
    protection: parts.protection,
  });
  return new EdgeDistribution(scope, "edge", {
    name,
    account: parts.account,
    region: parts.region,
    zoneId: parts.zoneId,
    originHeader: { name: ORIGIN_SECRET_HEADER, value: originSecret.activeValue },
    aliases: publicNames(domain),
    certificateArn: parts.validation.certificate.arn,
    certificateValidation: [parts.validation.records],
    api: { domainName: failoverOriginName(domain), ...edge.api },
    failover:
      secondary === undefined
        ? undefined
        : { secondaryDomainName: originName(secondary.key, domain), ...edge.originFailover },
    staticPathPatterns: edge.staticPathPatterns,
    staticCacheSeconds: edge.staticCacheSeconds,
    readOnlyPathPatterns: edge.readOnlyPathPatterns,
    priceClass: edge.priceClass,
    wafRateLimitPer5Minutes: edge.wafRateLimitPer5Minutes,
    logRetentionDays: edge.logRetentionDays,
    protection: parts.protection,
  });
}
