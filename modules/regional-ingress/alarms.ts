import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { Construct } from "constructs";
import { withRunbook } from "../shared/runbook";

/** What each alarm watches, and how long it must hold before anyone is told. */
export const ALB_ALARMS = {
  errorRate: { percent: 5, periods: 3, datapoints: 3 },
  p95Latency: { seconds: 2, periods: 4, datapoints: 2 },
  unhealthyTargets: { count: 0, periods: 2, datapoints: 2 },
} as const;
const ONE_MINUTE = 60;
const NAMESPACE = "AWS/ApplicationELB";

export interface IngressAlarmsProps {
  readonly name: string;
  /** `arn_suffix` of the load balancer and target group, the metrics' dimensions. */
  readonly loadBalancerArnSuffix: string;
  readonly targetGroupArnSuffix: string;
  /** SNS topic in this region (CloudWatch notifies only topics in its own region). */
  readonly topicArn: string;
}

/** The region's request-path alarms, all to the region's warning topic. */
export class IngressAlarms extends Construct {
  constructor(scope: Construct, id: string, props: IngressAlarmsProps) {
    super(scope, id);
    const loadBalancer = { LoadBalancer: props.loadBalancerArnSuffix };
    const notify = { alarmActions: [props.topicArn], okActions: [props.topicArn] };
    const sum = (queryId: string, metricName: string) => ({
      id: queryId,
      returnData: false,
      metric: { namespace: NAMESPACE, metricName, dimensions: loadBalancer, period: ONE_MINUTE, stat: "Sum" },
    });

    const { errorRate, p95Latency, unhealthyTargets } = ALB_ALARMS;
    new CloudwatchMetricAlarm(this, "error-rate", {
      alarmName: `${props.name}-alb-5xx-rate`,
      alarmDescription: withRunbook(
        `More than ${errorRate.percent} % of requests end in a 5xx (load balancer or app) for ${errorRate.periods} minutes.`,
        "loadBalancer5xx",
      ),
      metricQuery: [
        sum("elb_5xx", "HTTPCode_ELB_5XX_Count"),
        sum("target_5xx", "HTTPCode_Target_5XX_Count"),
        sum("requests", "RequestCount"),
        {
          id: "error_rate",
          expression: "100 * (FILL(elb_5xx, 0) + FILL(target_5xx, 0)) / requests",
          label: "5xx responses (% of requests)",
          returnData: true,
        },
      ],
      comparisonOperator: "GreaterThanThreshold",
      threshold: errorRate.percent,
      evaluationPeriods: errorRate.periods,
      datapointsToAlarm: errorRate.datapoints,
      // No requests, no error rate: silence is not an outage here (the health checks cover that).
      treatMissingData: "notBreaching",
      ...notify,
    });
    new CloudwatchMetricAlarm(this, "p95-latency", {
      alarmName: `${props.name}-alb-p95-latency`,
      alarmDescription: withRunbook(
        `The app's p95 response time exceeds ${p95Latency.seconds} s in ${p95Latency.datapoints} of ${p95Latency.periods} minutes.`,
        "loadBalancerLatency",
      ),
      namespace: NAMESPACE,
      metricName: "TargetResponseTime",
      dimensions: loadBalancer,
      extendedStatistic: "p95",
      period: ONE_MINUTE,
      comparisonOperator: "GreaterThanThreshold",
      threshold: p95Latency.seconds,
      evaluationPeriods: p95Latency.periods,
      datapointsToAlarm: p95Latency.datapoints,
      treatMissingData: "notBreaching",
      ...notify,
    });
    new CloudwatchMetricAlarm(this, "unhealthy-targets", {
      alarmName: `${props.name}-alb-unhealthy-targets`,
      alarmDescription: withRunbook(
        `At least one app pod fails the load balancer's readiness check for ${unhealthyTargets.periods} minutes.`,
        "unhealthyTargets",
      ),
      namespace: NAMESPACE,
      metricName: "UnHealthyHostCount",
      dimensions: { ...loadBalancer, TargetGroup: props.targetGroupArnSuffix },
      statistic: "Maximum",
      period: ONE_MINUTE,
      comparisonOperator: "GreaterThanThreshold",
      threshold: unhealthyTargets.count,
      evaluationPeriods: unhealthyTargets.periods,
      datapointsToAlarm: unhealthyTargets.datapoints,
      treatMissingData: "notBreaching",
      ...notify,
    });
  }
}
