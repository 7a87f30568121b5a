import type { CloudwatchMetricAlarmMetricQuery } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { errorBudgetPercent } from "./error-budget";

/** The load balancer's metrics (AWS/ApplicationELB), per LoadBalancer dimension. */
export const LOAD_BALANCER_NAMESPACE = "AWS/ApplicationELB";
/** CloudFront's metrics (AWS/CloudFront), kept in us-east-1 with the dimension Region=Global. */
export const CLOUDFRONT_NAMESPACE = "AWS/CloudFront";
/** The value of CloudFront's Region dimension: CloudFront is global. */
export const CLOUDFRONT_METRIC_REGION = "Global";
/** The id of the query that yields the percentage of bad requests. */
export const BAD_PERCENT_ID = "bad_percent";

/** What the service level indicators measure. */
export interface IndicatorOptions {
  /** `arn_suffix` of the load balancer (the LoadBalancer dimension). */
  readonly loadBalancerArnSuffix: string;
  /** The window each data point covers, in seconds (a multiple of 60). */
  readonly periodSeconds: number;
}

const loadBalancerMetric = (
  options: IndicatorOptions,
  id: string,
  metricName: string,
  stat: string,
): CloudwatchMetricAlarmMetricQuery => ({
  id,
  returnData: false,
  metric: {
    namespace: LOAD_BALANCER_NAMESPACE,
    metricName,
    dimensions: { LoadBalancer: options.loadBalancerArnSuffix },
    period: options.periodSeconds,
    stat,
  },
});

/**
 * Percentage of requests that end in a 5xx, from the load balancer itself (no healthy target,
 * a target that reset) or from the app. No requests, no data point: silence is not an outage
 * here (the health checks and canaries cover that).
 */
export function unavailablePercent(options: IndicatorOptions): CloudwatchMetricAlarmMetricQuery[] {
  return [
    loadBalancerMetric(options, "elb_5xx", "HTTPCode_ELB_5XX_Count", "Sum"),
    loadBalancerMetric(options, "target_5xx", "HTTPCode_Target_5XX_Count", "Sum"),
    loadBalancerMetric(options, "requests", "RequestCount", "Sum"),
    {
      id: BAD_PERCENT_ID,
      expression: "100 * (FILL(elb_5xx, 0) + FILL(target_5xx, 0)) / requests",
      label: "Requests ending in a 5xx (%)",
      returnData: true,
    },
  ];
}

/**
 * Percentage of viewer requests the edge answered with a 5xx (its own, or the origin's), from
 * CloudFront's `5xxErrorRate` (CloudFront Developer Guide, "Types of metrics for CloudFront":
 * statistic Average, unit Percent). Over a window longer than a minute this averages the
 * per-minute rates, so a quiet minute weighs as much as a busy one: a conservative reading when
 * errors come with low traffic. No requests, no data point.
 */
export function edgeUnavailablePercent(options: {
  readonly distributionId: string;
  readonly periodSeconds: number;
}): CloudwatchMetricAlarmMetricQuery[] {
  return [
    {
      id: "edge_5xx_rate",
      returnData: false,
      metric: {
        namespace: CLOUDFRONT_NAMESPACE,
        metricName: "5xxErrorRate",
        dimensions: { DistributionId: options.distributionId, Region: CLOUDFRONT_METRIC_REGION },
        period: options.periodSeconds,
        stat: "Average",
      },
    },
    {
      id: BAD_PERCENT_ID,
      expression: "edge_5xx_rate",
      label: "Requests ending in a 5xx at the edge (%)",
      returnData: true,
    },
  ];
}

/**
 * Percentage of requests the app answered slower than `thresholdSeconds`. CloudWatch's percentile
 * rank `PR(:t)` is the share of data points at or below t (CloudWatch user guide, "CloudWatch
 * statistics definitions", read 2026-12-02); TargetResponseTime is in seconds, one data point per
 * request.
 */
export function slowPercent(
  options: IndicatorOptions & { readonly thresholdSeconds: number },
): CloudwatchMetricAlarmMetricQuery[] {
  return [
    loadBalancerMetric(options, "within", "TargetResponseTime", `PR(:${options.thresholdSeconds})`),
    {
      id: BAD_PERCENT_ID,
      expression: "100 - within",
      label: `Requests slower than ${options.thresholdSeconds} s (%)`,
      returnData: true,
    },
  ];
}

/**
 * The share of the error budget still unspent over the indicator's period: 100 when nothing
 * failed, 0 when exactly the budget failed, negative past it.
 */
export function errorBudgetLeft(
  indicator: readonly CloudwatchMetricAlarmMetricQuery[],
  targetPercent: number,
): CloudwatchMetricAlarmMetricQuery[] {
  return [
    ...indicator.map((query) => (query.id === BAD_PERCENT_ID ? { ...query, returnData: false } : query)),
    {
      id: "budget_left",
      expression: `100 - 100 * ${BAD_PERCENT_ID} / ${errorBudgetPercent(targetPercent)}`,
      label: "Error budget left (%)",
      returnData: true,
    },
  ];
}
