import { z } from "zod";

/**
 * AWS Budgets takes a notification threshold between 0 and 15,000,000,000,000 ("the maximum limit
 * for your threshold is 1,000,000% above the budgeted amount"; Budgets API reference, Notification,
 * https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_budgets_Notification.html,
 * read 2026-12-02). This project's bound of 1,000 % is stricter on purpose: more is a typo, not a plan.
 */
export const MAX_ALERT_PERCENT = 1000;

const alertPercent = z
  .number()
  .gt(0, "must be more than 0 (a 0 % threshold alerts on the first cent)")
  .max(MAX_ALERT_PERCENT, `must be at most ${MAX_ALERT_PERCENT} %`);

const usd = (what: string) =>
  z
    .number()
    .gt(0, `must be more than 0 (${what})`)
    .max(1_000_000_000, "must be at most 1,000,000,000 USD")
    .multipleOf(0.01, "must have at most two decimals (cents)");

/**
 * Cost guards of the environment, owned by `global`: an AWS Budget and a Cost Anomaly Detection
 * monitor over everything tagged `Environment=<name>` (the tag must be activated as a cost
 * allocation tag once per payer account; see docs/operations.md).
 */
export const costsSchema = z.strictObject({
  /** Monthly cost budget, in USD. */
  monthlyBudgetUsd: usd("an AWS budget of 0 cannot be exceeded meaningfully"),
  /**
   * Warn when the month's actual cost passes this percentage of the budget.
   * @default 80
   */
  actualAlertPercent: alertPercent.default(80),
  /**
   * Warn when the month's forecast cost passes this percentage of the budget.
   * @default 100
   */
  forecastAlertPercent: alertPercent.default(100),
  /** Alert on a cost anomaly whose total impact reaches this many USD. */
  anomalyImpactUsd: usd("every anomaly would alert"),
});
