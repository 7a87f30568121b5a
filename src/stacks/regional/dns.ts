import type { Construct } from "constructs";
import { FailoverMember, SingleRegionRecords } from "../../../modules/dns-failover";
import type { RegionalIngress } from "../../../modules/regional-ingress";
import type { EnvironmentConfig, RegionConfig } from "../../config/schema";
import { latencyName, originName, routedNames } from "../../dns-names";
import type { GlobalOutputs } from "./remote-state";

/**
 * The region's public records: with failover configured, its member of every failover and
 * latency record, guarded by the global health check of its origin; alone, plain aliases.
 */
export function buildDnsRecords(
  scope: Construct,
  config: EnvironmentConfig,
  region: RegionConfig,
  ingress: RegionalIngress,
  global: GlobalOutputs,
): void {
  const domain = config.domain.name;
  const common = {
    zoneId: global.hostedZoneId,
    originName: originName(region.key, domain),
    routedNames: routedNames(domain),
    latencyName: latencyName(domain),
    target: { dnsName: ingress.loadBalancer.dnsName, zoneId: ingress.loadBalancer.zoneId },
  };
  if (config.failover === undefined) {
    new SingleRegionRecords(scope, "dns", common);
    return;
  }
  new FailoverMember(scope, "dns", {
    ...common,
    regionKey: region.key,
    awsRegion: region.awsRegion,
    role: region.role,
    healthCheckId: global.healthCheckId(region.key),
  });
}
