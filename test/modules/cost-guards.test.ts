import { describe, expect, it } from "vitest";
import { CostGuards } from "../../modules/cost-guards";
import { refTo, resourcesOf, synthInStack } from "../helpers";

describe("CostGuards", () => {
  const topicArn = "arn:aws:sns:us-east-1:111122223333:demo-warning";
  const json = synthInStack(
    (stack) =>
      new CostGuards(stack, "costs", {
        name: "demo-production",
        scope: { key: "Environment", value: "production" },
        monthlyBudgetUsd: 800,
        anomalyImpactUsd: 100,
        topicArn,
      }),
    "us-east-1",
  );

  it("budgets the environment's tagged cost per month and warns at 80 % actual and 100 % forecast", () => {
    const [budget] = resourcesOf(json, "aws_budgets_budget");
    expect(budget).toMatchObject({
      name: "demo-production-monthly",
      budget_type: "COST",
      time_unit: "MONTHLY",
      limit_amount: "800.00",
      limit_unit: "USD",
      cost_filter: [{ name: "TagKeyValue", values: ["user:Environment$production"] }],
    });
    expect(budget!.notification).toEqual([
      expect.objectContaining({ notification_type: "ACTUAL", threshold: 80, threshold_type: "PERCENTAGE" }),
      expect.objectContaining({ notification_type: "FORECASTED", threshold: 100, threshold_type: "PERCENTAGE" }),
    ]);
    for (const notification of budget!.notification as Record<string, unknown>[]) {
      expect(notification).toMatchObject({
        comparison_operator: "GREATER_THAN",
        subscriber_sns_topic_arns: [topicArn],
      });
    }
  });

  it("watches the same tag for anomalies and sends each one of at least the impact to the topic at once", () => {
    const [monitor] = resourcesOf(json, "aws_ce_anomaly_monitor");
    expect(monitor).toMatchObject({ name: "demo-production-spend", monitor_type: "CUSTOM" });
    // The unset members spelled out as null, as the provider reads them back (else: replacement).
    expect(JSON.parse(String(monitor!.monitor_specification))).toEqual({
      And: null,
      CostCategories: null,
      Dimensions: null,
      Not: null,
      Or: null,
      Tags: { Key: "Environment", MatchOptions: ["EQUALS"], Values: ["production"] },
    });
    const [subscription] = resourcesOf(json, "aws_ce_anomaly_subscription");
    expect(subscription).toMatchObject({
      frequency: "IMMEDIATE",
      monitor_arn_list: [refTo(json, "aws_ce_anomaly_monitor", () => true, "arn")],
      subscriber: [{ type: "SNS", address: topicArn }],
      threshold_expression: {
        dimension: {
          key: "ANOMALY_TOTAL_IMPACT_ABSOLUTE",
          match_options: ["GREATER_THAN_OR_EQUAL"],
          values: ["100.00"],
        },
      },
    });
  });

  it("takes other thresholds from its props", () => {
    const other = synthInStack(
      (stack) =>
        new CostGuards(stack, "costs", {
          name: "demo-staging",
          scope: { key: "Environment", value: "staging" },
          monthlyBudgetUsd: 300.5,
          actualAlertPercent: 50,
          forecastAlertPercent: 120,
          anomalyImpactUsd: 20,
          topicArn,
        }),
      "us-east-1",
    );
    const [budget] = resourcesOf(other, "aws_budgets_budget");
    expect(budget!.limit_amount).toBe("300.50");
    expect((budget!.notification as { threshold: number }[]).map((n) => n.threshold)).toEqual([50, 120]);
  });
});
