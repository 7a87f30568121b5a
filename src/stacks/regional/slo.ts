import type { RegionalIngress } from "../../../modules/regional-ingress";
import { SloAlarms } from "../../../modules/slo-alarms";
import type { RegionalAlerts } from "./alerts";
import type { RegionContext } from "./context";

/** Burn-rate alerts on the environment's SLOs, measured at this region's load balancer. */
export function buildSloAlarms(
  { scope, config, prefix }: RegionContext,
  ingress: Pick<RegionalIngress, "loadBalancer">,
  alerts: RegionalAlerts,
): SloAlarms {
  const { slo } = config;
  return new SloAlarms(scope, "slo", {
    name: prefix,
    loadBalancerArnSuffix: ingress.loadBalancer.arnSuffix,
    periodDays: slo.periodDays,
    availabilityTargetPercent: slo.availability.targetPercent,
    latencyTargetPercent: slo.latency.targetPercent,
    latencyThresholdSeconds: slo.latency.thresholdSeconds,
    alerts: slo.burnRateAlerts,
    topics: alerts,
  });
}
