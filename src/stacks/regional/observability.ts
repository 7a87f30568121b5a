import { CANARY_ALARM, Canary } from "../../../modules/canary";
import { AGENT_SERVICE_ACCOUNT, ContainerInsights, agentStatements } from "../../../modules/container-insights";
import { RegionalDashboard } from "../../../modules/dashboards";
import type { EksCluster } from "../../../modules/eks-cluster";
import { HEALTH_CHECK_PATH } from "../../../modules/dns-failover";
import type { RegionalIngress } from "../../../modules/regional-ingress";
import { type ServiceLevelObjectives, SloAlarms } from "../../../modules/slo-alarms";
import type { EnvironmentConfig } from "../../config/schema";
import { originName } from "../../dns-names";
import type { RegionalAlerts } from "./alerts";
import type { RegionContext } from "./context";
import type { DataTier } from "./data";

/** The environment's SLOs, as the alarms and dashboards take them. */
function objectivesOf({ slo }: EnvironmentConfig): ServiceLevelObjectives {
  return {
    periodDays: slo.periodDays,
    availabilityTargetPercent: slo.availability.targetPercent,
    latencyTargetPercent: slo.latency.targetPercent,
    latencyThresholdSeconds: slo.latency.thresholdSeconds,
  };
}

/** Burn-rate alerts on the environment's SLOs, measured at this region's load balancer. */
export function buildSloAlarms(
  { scope, config, prefix }: RegionContext,
  ingress: Pick<RegionalIngress, "loadBalancer">,
  alerts: RegionalAlerts,
): SloAlarms {
  return new SloAlarms(scope, "slo", {
    name: prefix,
    loadBalancerArnSuffix: ingress.loadBalancer.arnSuffix,
    ...objectivesOf(config),
    alerts: config.slo.burnRateAlerts,
    topics: alerts,
  });
}

/** The region's dashboard: SLOs and budgets left, request path, data tier. */
export function buildDashboard(
  { scope, config, region, prefix }: RegionContext,
  ingress: Pick<RegionalIngress, "loadBalancer" | "targetGroup" | "webAclMetricName">,
  data: DataTier,
): RegionalDashboard {
  return new RegionalDashboard(scope, "dashboard", {
    name: prefix,
    region: region.awsRegion,
    objectives: objectivesOf(config),
    loadBalancerArnSuffix: ingress.loadBalancer.arnSuffix,
    targetGroupArnSuffix: ingress.targetGroup.arnSuffix,
    webAclMetricName: ingress.webAclMetricName,
    databaseInstanceIds: data.database?.instances.map((instance) => instance.identifier) ?? [],
    cacheMemberIds: data.cache.memberIds,
  });
}

/** A canary calling the region's own origin name from outside, every `canaries.scheduleMinutes`. */
export function buildCanary(
  { scope, config, region, account, prefix, protection }: RegionContext,
  alerts: RegionalAlerts,
): Canary {
  const host = originName(region.key, config.domain.name);
  return new Canary(scope, "canary", {
    name: prefix,
    account,
    region: region.awsRegion,
    host,
    paths: [HEALTH_CHECK_PATH, config.canaries.readOnlyApiPath],
    runtimeVersion: config.canaries.runtimeVersion,
    scheduleMinutes: config.canaries.scheduleMinutes,
    retentionDays: config.canaries.retentionDays,
    alarmTopicArn: alerts.warning,
    alarm: {
      meaning: `The canary gets no 2xx from https://${host} (health or API) in ${CANARY_ALARM.datapoints} of ${CANARY_ALARM.periods} runs.`,
      runbook: "regionCanary",
    },
    protection,
  });
}

/** Container Insights on the region's cluster, when the environment asks for it. */
export function buildContainerInsights(
  { scope, config, region, account, prefix, protection }: RegionContext,
  eks: EksCluster,
): ContainerInsights | undefined {
  const settings = config.observability?.containerInsights;
  if (settings === undefined) return undefined;
  const agentRole = eks.addWorkloadRole("cloudwatch-agent", {
    serviceAccount: AGENT_SERVICE_ACCOUNT,
    description: "The CloudWatch agent of Container Insights",
    statements: agentStatements(account, region.awsRegion, prefix),
    associate: false,
  });
  // The cluster is named after the region's prefix (buildEksCluster).
  return new ContainerInsights(scope, "container-insights", {
    clusterName: prefix,
    account,
    region: region.awsRegion,
    addonVersion: settings.addonVersion,
    logRetentionDays: settings.logRetentionDays,
    agentRole: { arn: agentRole.arn, ready: agentRole.ready },
    clusterReady: eks.readyForWorkloads,
    protection,
  });
}
