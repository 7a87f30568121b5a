import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { Route53HealthCheck } from "@cdktf/provider-aws/lib/route53-health-check";
import { Construct } from "constructs";
import { PORTS } from "../shared/constants";
import { withRunbook } from "../shared/runbook";

/** The app's aggregate health endpoint (Spring Boot Actuator) and what a healthy answer contains. */
export const HEALTH_CHECK_PATH = "/actuator/health";
export const HEALTH_CHECK_SEARCH_STRING = '"status":"UP"';
/** Route 53 publishes one HealthCheckStatus data point per minute. */
const STATUS_PERIOD_SECONDS = 60;

/** A serving region as the failover sees it. */
export interface FailoverRegion {
  /** Region key, e.g. `taipei`; also the records' set identifier. */
  readonly key: string;
  readonly role: "primary" | "secondary";
  /** The region's origin name (alias to its ALB), which its health check targets. */
  readonly originName: string;
}

export interface DnsFailoverProps {
  /** Prefix of health-check and alarm names, e.g. `genai-demo-production`. */
  readonly name: string;
  readonly regions: FailoverRegion[];
  /** 10 or 30 seconds between checks. */
  readonly requestIntervalSeconds: number;
  /** Consecutive failed checks before a region is unhealthy (1-10). */
  readonly failureThreshold: number;
  /** Route 53 checker regions (at least three). */
  readonly checkerRegions: string[];
  /** SNS topic ARNs in the alarms' region (us-east-1). */
  readonly alertTopicArns: { readonly critical: string; readonly warning: string };
  /**
   * Drill: report the primary as unhealthy whatever its real state, to rehearse failover.
   * @default false
   */
  readonly invertPrimaryHealthCheck?: boolean;
}

/**
 * The global half of DNS failover: one HTTPS health check per region on its origin name, and
 * the alarms on them. The regional stacks attach these checks to their own failover and
 * latency records, so this construct needs nothing from them.
 */
export class DnsFailover extends Construct {
  /** Health-check id by region key. */
  readonly healthCheckIds: Record<string, string> = {};

  constructor(scope: Construct, id: string, props: DnsFailoverProps) {
    super(scope, id);
    for (const region of props.regions) {
      const check = new Route53HealthCheck(this, `health-check-${region.key}`, {
        type: "HTTPS_STR_MATCH",
        fqdn: region.originName,
        port: PORTS.https,
        enableSni: true,
        resourcePath: HEALTH_CHECK_PATH,
        searchString: HEALTH_CHECK_SEARCH_STRING,
        requestInterval: props.requestIntervalSeconds,
        failureThreshold: props.failureThreshold,
        measureLatency: true,
        regions: props.checkerRegions,
        invertHealthcheck: region.role === "primary" && (props.invertPrimaryHealthCheck ?? false),
        tags: { Name: `${props.name}-${region.key}-origin` },
      });
      this.healthCheckIds[region.key] = check.id;
      const primary = region.role === "primary";
      new CloudwatchMetricAlarm(this, `unhealthy-${region.key}`, {
        alarmName: primary
          ? `${props.name}-P1-primary-${region.key}-unhealthy`
          : `${props.name}-standby-${region.key}-unhealthy`,
        alarmDescription: withRunbook(
          primary
            ? `P1: the primary region ${region.key} fails its health check; traffic is failing over to the secondary.`
            : `The standby region ${region.key} fails its health check; a failover now would have nowhere to go.`,
          "regionUnhealthy",
        ),
        namespace: "AWS/Route53",
        metricName: "HealthCheckStatus",
        dimensions: { HealthCheckId: check.id },
        statistic: "Minimum",
        period: STATUS_PERIOD_SECONDS,
        evaluationPeriods: 1,
        threshold: 1,
        comparisonOperator: "LessThanThreshold",
        // No data from Route 53 means we cannot see the region: assume the worst.
        treatMissingData: "breaching",
        alarmActions: [primary ? props.alertTopicArns.critical : props.alertTopicArns.warning],
        okActions: [primary ? props.alertTopicArns.critical : props.alertTopicArns.warning],
      });
    }
    this.allRegionsDownAlarm(props);
  }

  /** P0: the highest status of all regions is 0, so no region can serve. */
  private allRegionsDownAlarm(props: DnsFailoverProps): void {
    const queries = props.regions.map((region) => ({
      id: `status_${region.key}`,
      returnData: false,
      metric: {
        namespace: "AWS/Route53",
        metricName: "HealthCheckStatus",
        dimensions: { HealthCheckId: this.healthCheckIds[region.key]! },
        period: STATUS_PERIOD_SECONDS,
        stat: "Minimum",
      },
    }));
    new CloudwatchMetricAlarm(this, "all-regions-unhealthy", {
      alarmName: `${props.name}-P0-all-regions-unhealthy`,
      alarmDescription: withRunbook(
        "P0: every region fails its health check; the service is down everywhere.",
        "allRegionsUnhealthy",
      ),
      metricQuery: [
        ...queries,
        {
          id: "healthiest_region",
          expression: `MAX([${queries.map((query) => query.id).join(", ")}])`,
          label: "Status of the healthiest region",
          returnData: true,
        },
      ],
      evaluationPeriods: 1,
      threshold: 1,
      comparisonOperator: "LessThanThreshold",
      treatMissingData: "breaching",
      alarmActions: [props.alertTopicArns.critical],
      okActions: [props.alertTopicArns.critical],
    });
  }
}
