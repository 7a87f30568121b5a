import { describe, expect, it } from "vitest";
import { parseEnvironmentConfig } from "../../../src/config/load";
import { environmentInput } from "../../helpers";
import { expectSingleProblem, problemsAfter } from "./helpers";

describe("costs configuration", () => {
  it("rejects a budget of 0", () => {
    const lines = problemsAfter((input) => (input.costs.monthlyBudgetUsd = 0));
    expectSingleProblem(lines, "costs.monthlyBudgetUsd", "0", /must be more than 0/);
  });

  it("rejects fractions of a cent, which a budget in USD cannot hold", () => {
    const lines = problemsAfter((input) => (input.costs.monthlyBudgetUsd = 800.123));
    expectSingleProblem(lines, "costs.monthlyBudgetUsd", "800.123", /at most two decimals/);
  });

  it.each([
    ["actualAlertPercent", 0, /must be more than 0/],
    ["forecastAlertPercent", 1001, /at most 1000 %/],
  ] as const)("rejects %s = %d", (field, value, rule) => {
    const lines = problemsAfter((input) => (input.costs[field] = value));
    expectSingleProblem(lines, `costs.${field}`, String(value), rule);
  });

  it("rejects an anomaly impact of 0, which would alert on every anomaly", () => {
    const lines = problemsAfter((input) => (input.costs.anomalyImpactUsd = 0));
    expectSingleProblem(lines, "costs.anomalyImpactUsd", "0", /every anomaly would alert/);
  });

  it("requires the section", () => {
    const lines = problemsAfter((input) => delete (input as Record<string, unknown>).costs);
    expectSingleProblem(lines, "costs", null, /./);
  });

  it("warns at 80 % actual and 100 % forecast unless told otherwise", () => {
    const config = parseEnvironmentConfig(environmentInput("production"), "test");
    expect(config.costs).toMatchObject({ actualAlertPercent: 80, forecastAlertPercent: 100 });
  });
});
