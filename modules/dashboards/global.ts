import { CloudwatchDashboard } from "@cdktf/provider-aws/lib/cloudwatch-dashboard";
import { Construct } from "constructs";
import type { AwsAccount } from "../shared/aws-account";
import { BURN_RATE_SEVERITIES, SLO_KINDS, type SloKind, edgeUnavailablePercent, sloAlertName } from "../slo-alarms";
import { GRID_WIDTH, alarmStatus, dashboardBody, graph } from "./widgets";

const ONE_MINUTE = 60;
/** Route 53 (health checks) and CloudFront publish their metrics only in us-east-1. */
const GLOBAL_SERVICES_METRICS_REGION = "us-east-1";

/** A serving region as the global dashboard shows it. */
export interface DashboardRegion {
  readonly key: string;
  readonly awsRegion: string;
  /** The region's name prefix, which its alarms' names start with. */
  readonly prefix: string;
  /**
   * The region's Route 53 health check.
   * @default none (a region that serves alone has no health check)
   */
  readonly healthCheckId?: string;
}

export interface GlobalDashboardProps {
  /** Dashboard name, e.g. `genai-demo-production`. */
  readonly name: string;
  readonly account: AwsAccount;
  readonly regions: readonly DashboardRegion[];
  /**
   * The edge: its distribution (CloudFront's metrics are in us-east-1, like this dashboard's
   * health checks) and the name prefix of its burn-rate alerts (availability only).
   * @default - no edge graphs
   */
  readonly edge?: { readonly distributionId: string; readonly alertPrefix: string };
}

/** What the edge's SLO alerts measure: CloudFront publishes no per-request latency by default. */
const EDGE_SLO_KINDS: readonly SloKind[] = ["availability"];

/**
 * The whole service at a glance: each region's health check side by side, and each region's
 * burn-rate alerts. The regions' budgets left are on their own dashboards: the global stack
 * deploys first and cannot name their load balancers.
 */
export class GlobalDashboard extends Construct {
  readonly dashboard: CloudwatchDashboard;

  constructor(scope: Construct, id: string, props: GlobalDashboardProps) {
    super(scope, id);
    const checked = props.regions.filter((region) => region.healthCheckId !== undefined);
    const healthChecks = checked.map((region) => ({
      id: `status_${region.key}`,
      label: region.key,
      metric: {
        namespace: "AWS/Route53",
        metricName: "HealthCheckStatus",
        dimensions: { HealthCheckId: region.healthCheckId! },
        stat: "Minimum",
        period: ONE_MINUTE,
      },
    }));
    const alarmArn = (awsRegion: string, name: string) =>
      `arn:${props.account.partition}:cloudwatch:${awsRegion}:${props.account.id}:alarm:${name}`;
    const burnAlerts = props.regions.flatMap((region) =>
      SLO_KINDS.flatMap((kind) =>
        BURN_RATE_SEVERITIES.map((severity) => alarmArn(region.awsRegion, sloAlertName(region.prefix, kind, severity))),
      ),
    );
    const { edge } = props;
    const edgeAlerts =
      edge === undefined
        ? []
        : EDGE_SLO_KINDS.flatMap((kind) =>
            BURN_RATE_SEVERITIES.map((severity) =>
              alarmArn(GLOBAL_SERVICES_METRICS_REGION, sloAlertName(edge.alertPrefix, kind, severity)),
            ),
          );
    this.dashboard = new CloudwatchDashboard(this, "dashboard", {
      dashboardName: props.name,
      dashboardBody: dashboardBody([
        ...(healthChecks.length === 0
          ? []
          : [
              graph("Health check status (1 healthy, 0 failing)", healthChecks, {
                region: GLOBAL_SERVICES_METRICS_REGION,
                width: GRID_WIDTH,
              }),
            ]),
        ...(edge === undefined
          ? []
          : [
              graph(
                "Requests ending in a 5xx at the edge (%)",
                edgeUnavailablePercent({ distributionId: edge.distributionId, periodSeconds: ONE_MINUTE }),
                { region: GLOBAL_SERVICES_METRICS_REGION, width: GRID_WIDTH },
              ),
            ]),
        alarmStatus("SLO burn-rate alerts, every region and the edge", [...burnAlerts, ...edgeAlerts]),
      ]),
    });
  }
}
