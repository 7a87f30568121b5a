import { FailoverMember, SingleRegionRecords } from "../../../modules/dns-failover";
import type { RegionalIngress } from "../../../modules/regional-ingress";
import { latencyName, originName, routedNames } from "../../dns-names";
import type { RegionContext } from "./context";
import type { GlobalOutputs } from "./remote-state";

/**
 * The region's public records: with failover configured, its member of every failover and
 * latency record, guarded by the global health check of its origin; alone, plain aliases. Behind
 * the edge only the failover origin name is the region's: `global` points the public names at
 * CloudFront.
 */
export function buildDnsRecords(
  { scope, config, region }: RegionContext,
  ingress: Pick<RegionalIngress, "loadBalancer">,
  global: GlobalOutputs,
): void {
  const domain = config.domain.name;
  const common = {
    zoneId: global.hostedZoneId,
    originName: originName(region.key, domain),
    routedNames: routedNames(domain, config.edge !== undefined),
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
