import { BudgetsBudget } from "@cdktf/provider-aws/lib/budgets-budget";
import { CeAnomalyMonitor } from "@cdktf/provider-aws/lib/ce-anomaly-monitor";
import { CeAnomalySubscription } from "@cdktf/provider-aws/lib/ce-anomaly-subscription";
import { Construct } from "constructs";

/**
 * Cost Explorer (anomaly detection included) has one endpoint, ce.us-east-1.amazonaws.com, and
 * AWS Budgets lists us-east-1 among its regions ("AWS Billing and Cost Management endpoints and
 * quotas", https://docs.aws.amazon.com/general/latest/gr/billing.html, read 2026-12-02). The
 * stack's provider must therefore be in us-east-1; Taipei and Tokyo need not offer either.
 */
export const COST_GUARDS_REGION = "us-east-1";
/** Cost Anomaly Detection sends to SNS only immediately (daily and weekly digests are e-mail only). */
const SNS_FREQUENCY = "IMMEDIATE";
/** Budget alerts this module raises by default, as percentages of the monthly budget. */
export const DEFAULT_ACTUAL_ALERT_PERCENT = 80;
export const DEFAULT_FORECAST_ALERT_PERCENT = 100;

/** A cost allocation tag (activated in the payer account's Billing console). */
export interface CostAllocationTag {
  readonly key: string;
  readonly value: string;
}

export interface CostGuardsProps {
  /** Name prefix of the budget, monitor and subscription, e.g. `genai-demo-production`. */
  readonly name: string;
  /** What the budget and the monitor cover: everything carrying this tag. */
  readonly scope: CostAllocationTag;
  /** Monthly cost budget, USD. */
  readonly monthlyBudgetUsd: number;
  /**
   * Alert when actual spend passes this percentage of the budget.
   * @default DEFAULT_ACTUAL_ALERT_PERCENT (80)
   */
  readonly actualAlertPercent?: number;
  /**
   * Alert when the month's forecast passes this percentage of the budget.
   * @default DEFAULT_FORECAST_ALERT_PERCENT (100)
   */
  readonly forecastAlertPercent?: number;
  /** Alert on an anomaly whose total impact reaches this many USD. */
  readonly anomalyImpactUsd: number;
  /** SNS topic the alerts go to; its policy must let budgets and costalerts publish. */
  readonly topicArn: string;
}

/**
 * A Cost Explorer expression matching one tag. The provider reads the specification back as the
 * SDK's whole Expression, unset members as null, and compares it with this text: without the
 * nulls every plan would replace the monitor (the provider's own example spells them out too).
 */
export function tagExpression(tag: CostAllocationTag): Record<string, unknown> {
  return {
    And: null,
    CostCategories: null,
    Dimensions: null,
    Not: null,
    Or: null,
    Tags: { Key: tag.key, MatchOptions: ["EQUALS"], Values: [tag.value] },
  };
}

/**
 * The environment's cost guards: a monthly cost budget that warns on actual and forecast spend,
 * and a Cost Anomaly Detection monitor over the environment's tag with an immediate SNS
 * subscription. Both only read billing data; neither stops anything.
 */
export class CostGuards extends Construct {
  readonly budget: BudgetsBudget;
  readonly anomalyMonitor: CeAnomalyMonitor;

  constructor(scope: Construct, id: string, props: CostGuardsProps) {
    super(scope, id);
    const notification = (type: "ACTUAL" | "FORECASTED", percent: number) => ({
      notificationType: type,
      comparisonOperator: "GREATER_THAN",
      threshold: percent,
      thresholdType: "PERCENTAGE",
      subscriberSnsTopicArns: [props.topicArn],
    });
    this.budget = new BudgetsBudget(this, "budget", {
      name: `${props.name}-monthly`,
      budgetType: "COST",
      timeUnit: "MONTHLY",
      limitAmount: props.monthlyBudgetUsd.toFixed(2),
      limitUnit: "USD",
      costFilter: [{ name: "TagKeyValue", values: [`user:${props.scope.key}$${props.scope.value}`] }],
      notification: [
        notification("ACTUAL", props.actualAlertPercent ?? DEFAULT_ACTUAL_ALERT_PERCENT),
        notification("FORECASTED", props.forecastAlertPercent ?? DEFAULT_FORECAST_ALERT_PERCENT),
      ],
    });

    // A custom monitor: an account holds only one AWS-services monitor, but one per environment tag.
    this.anomalyMonitor = new CeAnomalyMonitor(this, "anomaly-monitor", {
      name: `${props.name}-spend`,
      monitorType: "CUSTOM",
      monitorSpecification: JSON.stringify(tagExpression(props.scope)),
    });
    new CeAnomalySubscription(this, "anomaly-subscription", {
      name: `${props.name}-anomalies`,
      frequency: SNS_FREQUENCY,
      monitorArnList: [this.anomalyMonitor.arn],
      subscriber: [{ type: "SNS", address: props.topicArn }],
      thresholdExpression: {
        dimension: {
          key: "ANOMALY_TOTAL_IMPACT_ABSOLUTE",
          matchOptions: ["GREATER_THAN_OR_EQUAL"],
          values: [props.anomalyImpactUsd.toFixed(2)],
        },
      },
    });
  }
}
