import type { Construct } from "constructs";
import type { AlertTopics } from "../../../modules/alert-topics";
import { CertificateValidationRecords, DnsFailover } from "../../../modules/dns-failover";
import type { EnvironmentConfig } from "../../config/schema";
import { allCertificateNames, originName } from "../../dns-names";

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
