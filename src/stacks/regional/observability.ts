import { CANARY_ALARM, Canary } from "../../../modules/canary";
import {
  AGENT_SERVICE_ACCOUNT,
  type AgentTelemetry,
  ContainerInsights,
  OTLP_PORTS,
  agentStatements,
} from "../../../modules/container-insights";
import { RegionalDashboard } from "../../../modules/dashboards";
import type { EksCluster } from "../../../modules/eks-cluster";
import { type AppTelemetry, DEFAULT_APP_SERVICE_ACCOUNT } from "../../../modules/genai-demo-app";
import { PrometheusWorkspace } from "../../../modules/prometheus-workspace";
import { HEALTH_CHECK_PATH } from "../../../modules/dns-failover";
import type { Network } from "../../../modules/network";
import type { RegionalIngress } from "../../../modules/regional-ingress";
import { SloAlarms } from "../../../modules/slo-alarms";
import { objectivesOf } from "../objectives";
import { originName } from "../../dns-names";
import type { RegionalAlerts } from "./alerts";
import type { RegionContext } from "./context";
import type { DataTier } from "./data";

/** Burn-rate alerts on the environment's SLOs, measured at this region's load balancer. */
export function buildSloAlarms(
  { scope, config, prefix }: RegionContext,
  ingress: Pick<RegionalIngress, "loadBalancer">,
  alerts: RegionalAlerts,
): SloAlarms {
  return new SloAlarms(scope, "slo", {
    name: prefix,
    measuredAt: { loadBalancerArnSuffix: ingress.loadBalancer.arnSuffix },
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
    // The cluster is named after the region's prefix (buildEksCluster).
    cluster:
      config.observability === undefined
        ? undefined
        : { name: prefix, appNamespace: DEFAULT_APP_SERVICE_ACCOUNT.namespace },
  });
}

/**
 * A canary calling the region's own origin name every `canaries.scheduleMinutes`, from the
 * region's private subnets out through its NAT gateways, the addresses an ALB behind the edge admits.
 */
export function buildCanary(
  { scope, config, region, account, prefix, protection }: RegionContext,
  network: Pick<Network, "vpc" | "subnets">,
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
    vpc: { vpcId: network.vpc.id, subnetIds: network.subnets.private.map((subnet) => subnet.id) },
    alarm: {
      meaning: `The canary gets no 2xx from https://${host} (health or API) in ${CANARY_ALARM.datapoints} of ${CANARY_ALARM.periods} runs.`,
      runbook: "regionCanary",
    },
    protection,
  });
}

/** The cluster's telemetry: Container Insights, the Prometheus workspace, where the app sends OTLP. */
export interface ClusterTelemetry {
  readonly insights: ContainerInsights;
  readonly workspace?: PrometheusWorkspace;
  readonly app: AppTelemetry;
}

/**
 * Container Insights on the region's cluster, when the environment asks for it; its agent also
 * forwards the app's traces to X-Ray and metrics to the region's Prometheus workspace when
 * `observability.tracing` and `observability.prometheus` are set.
 */
export function buildContainerInsights(
  { scope, config, region, account, prefix, protection }: RegionContext,
  eks: EksCluster,
): ClusterTelemetry | undefined {
  const settings = config.observability;
  if (settings === undefined) return undefined;
  const workspace =
    settings.prometheus === undefined
      ? undefined
      : new PrometheusWorkspace(scope, "prometheus", {
          alias: prefix,
          account,
          retentionDays: settings.prometheus.retentionDays,
          protection,
        });
  const telemetry: AgentTelemetry = { tracing: settings.tracing !== undefined, prometheusWorkspaceId: workspace?.id };
  const agentRole = eks.addWorkloadRole("cloudwatch-agent", {
    serviceAccount: AGENT_SERVICE_ACCOUNT,
    description: "The CloudWatch agent of Container Insights",
    statements: [
      ...agentStatements(account, region.awsRegion, prefix, telemetry),
      ...(workspace === undefined ? [] : [workspace.remoteWriteStatement()]),
    ],
    associate: false,
  });
  // The cluster is named after the region's prefix (buildEksCluster).
  const insights = new ContainerInsights(scope, "container-insights", {
    clusterName: prefix,
    account,
    region: region.awsRegion,
    addonVersion: settings.containerInsights.addonVersion,
    logRetentionDays: settings.containerInsights.logRetentionDays,
    telemetry,
    agentRole: { arn: agentRole.arn, ready: agentRole.ready },
    clusterReady: eks.readyForWorkloads,
    protection,
  });
  return {
    insights,
    workspace,
    app: {
      traces:
        settings.tracing === undefined
          ? undefined
          : { port: OTLP_PORTS.traces.http, sampleRatio: settings.tracing.sampleRatio },
      metrics: workspace === undefined ? undefined : { port: OTLP_PORTS.metrics.http },
    },
  };
}
