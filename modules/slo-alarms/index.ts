import { CloudwatchCompositeAlarm } from "@cdktf/provider-aws/lib/cloudwatch-composite-alarm";
import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { Construct } from "constructs";
import { type RunbookSection, withRunbook } from "../shared/runbook";
import { budgetSpent, burnThresholdPercent, errorBudgetPercent, hoursToExhaustion } from "./error-budget";
import { edgeUnavailablePercent, slowPercent, unavailablePercent } from "./indicators";

export {
  BAD_PERCENT_ID,
  edgeUnavailablePercent,
  LOAD_BALANCER_NAMESPACE,
  errorBudgetLeft,
  slowPercent,
  unavailablePercent,
} from "./indicators";
export * from "./error-budget";

const SECONDS_PER_MINUTE = 60;

/** A pair of windows that must both burn faster than `burnRate` before anyone is told. */
export interface BurnRateAlert {
  readonly longWindowMinutes: number;
  readonly shortWindowMinutes: number;
  readonly burnRate: number;
}

/** What the region promises its users, measured at its load balancer. */
export interface ServiceLevelObjectives {
  /** Days the error budget covers. */
  readonly periodDays: number;
  /** Percentage of requests to answer without a 5xx. */
  readonly availabilityTargetPercent: number;
  /** Percentage of requests to answer within `latencyThresholdSeconds`. */
  readonly latencyTargetPercent: number;
  readonly latencyThresholdSeconds: number;
}

/** The objectives measured, by the key config and alarm names use. */
export const SLO_KINDS = ["availability", "latency"] as const;
export type SloKind = (typeof SLO_KINDS)[number];
/** A page goes to the critical topic, a ticket to the warning topic. */
export const BURN_RATE_SEVERITIES = ["page", "ticket"] as const;
export type BurnRateSeverity = (typeof BURN_RATE_SEVERITIES)[number];

/** The name of a burn-rate alert, so dashboards and other stacks can find it without a reference. */
export function sloAlertName(prefix: string, kind: SloKind, severity: BurnRateSeverity): string {
  return `${prefix}-slo-${kind}-${severity}`;
}

export interface SloAlarmsProps extends ServiceLevelObjectives {
  /** Name prefix of the alarms, e.g. `genai-demo-production-taipei`. */
  readonly name: string;
  /**
   * Where the objectives are measured: a region's load balancer (`arn_suffix`; availability and
   * latency), or the edge's distribution (availability only: CloudFront publishes no per-request
   * latency without paid additional metrics, and those measure the origin, not the user).
   */
  readonly measuredAt: { readonly loadBalancerArnSuffix: string } | { readonly distributionId: string };
  /** The fast pair pages; the slow pair opens a ticket. */
  readonly alerts: { readonly page: BurnRateAlert; readonly ticket: BurnRateAlert };
  /** SNS topics in this region: pages go to `critical`, tickets to `warning`. */
  readonly topics: { readonly critical: string; readonly warning: string };
}

interface Objective {
  readonly kind: SloKind;
  readonly targetPercent: number;
  readonly promise: string;
  readonly runbook: RunbookSection;
  readonly badPercent: (periodSeconds: number) => ReturnType<typeof unavailablePercent>;
}

/**
 * Multi-window, multi-burn-rate alerts (Google SRE workbook, "Alerting on SLOs") on the region's
 * availability and latency objectives. Each window is one metric-math alarm whose period is the
 * window; a composite alarm fires only while both windows of a pair burn, so a short spike does
 * not page and the alert clears soon after the burn stops.
 */
export class SloAlarms extends Construct {
  /** Composite alarms by objective and severity, e.g. `availability-page`. */
  readonly alerts: Record<string, CloudwatchCompositeAlarm> = {};

  constructor(scope: Construct, id: string, props: SloAlarmsProps) {
    super(scope, id);
    const { measuredAt } = props;
    const availability: Objective = {
      kind: "availability",
      targetPercent: props.availabilityTargetPercent,
      promise: `${props.availabilityTargetPercent} % of requests without a 5xx`,
      runbook: "availabilityBurn",
      badPercent: (periodSeconds) =>
        "distributionId" in measuredAt
          ? edgeUnavailablePercent({ distributionId: measuredAt.distributionId, periodSeconds })
          : unavailablePercent({ ...measuredAt, periodSeconds }),
    };
    const objectives: Objective[] =
      "distributionId" in measuredAt
        ? [availability]
        : [
            availability,
            {
              kind: "latency",
              targetPercent: props.latencyTargetPercent,
              promise: `${props.latencyTargetPercent} % of requests within ${props.latencyThresholdSeconds} s`,
              runbook: "latencyBurn",
              badPercent: (periodSeconds) =>
                slowPercent({ ...measuredAt, periodSeconds, thresholdSeconds: props.latencyThresholdSeconds }),
            },
          ];
    for (const objective of objectives) {
      this.alert(props, objective, "page", props.topics.critical);
      this.alert(props, objective, "ticket", props.topics.warning);
    }
  }

  private alert(props: SloAlarmsProps, objective: Objective, severity: BurnRateSeverity, topicArn: string): void {
    const pair = props.alerts[severity];
    const threshold = burnThresholdPercent(objective.targetPercent, pair.burnRate);
    const name = sloAlertName(props.name, objective.kind, severity);
    const windowAlarm = (minutes: number) =>
      new CloudwatchMetricAlarm(this, `${objective.kind}-${severity}-${minutes}m`, {
        alarmName: `${name}-${minutes}m`,
        alarmDescription: withRunbook(
          `Part of ${name}: more than ${threshold} % of requests were bad over the last ${minutes} min ` +
            `(${pair.burnRate}x the ${errorBudgetPercent(objective.targetPercent)} % budget). Notifies nobody alone.`,
          objective.runbook,
        ),
        metricQuery: objective.badPercent(minutes * SECONDS_PER_MINUTE),
        comparisonOperator: "GreaterThanThreshold",
        threshold,
        evaluationPeriods: 1,
        datapointsToAlarm: 1,
        // No requests in a window burn no budget; an outage with no traffic at all is the health
        // checks' job.
        treatMissingData: "notBreaching",
      });
    const long = windowAlarm(pair.longWindowMinutes);
    const short = windowAlarm(pair.shortWindowMinutes);
    const spentPercent = Number(
      (budgetSpent(pair.burnRate, pair.longWindowMinutes, props.periodDays) * 100).toFixed(4),
    );
    this.alerts[`${objective.kind}-${severity}`] = new CloudwatchCompositeAlarm(this, `${objective.kind}-${severity}`, {
      alarmName: name,
      alarmDescription: withRunbook(
        `${severity === "page" ? "P1" : "P3"}: the ${objective.kind} SLO (${objective.promise} over ` +
          `${props.periodDays} days) burns its error budget ${pair.burnRate}x too fast in the last ` +
          `${pair.longWindowMinutes} and ${pair.shortWindowMinutes} min: ${spentPercent} % of the budget gone in ` +
          `${pair.longWindowMinutes} min, all of it in ${hoursToExhaustion(pair.burnRate, props.periodDays)} h at this rate.`,
        objective.runbook,
      ),
      alarmRule: `ALARM("${long.alarmName}") AND ALARM("${short.alarmName}")`,
      alarmActions: [topicArn],
      okActions: [topicArn],
    });
  }
}
