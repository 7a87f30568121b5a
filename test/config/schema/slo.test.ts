import { describe, expect, it } from "vitest";
import { parseEnvironmentConfig } from "../../../src/config/load";
import {
  type BurnRateAlertConfig,
  type BurnRateSeverity,
  WORKBOOK_BURN_RATE_ALERTS,
  burnThresholdPercent,
  errorBudgetPercent,
} from "../../../src/config/schema/slo";
import { environmentInput } from "../../helpers";
import { type Input, expectSingleProblem, problemsAfter } from "./helpers";

/** Production's input with explicit burn-rate alerts, ready to be changed. */
const withAlerts = (input: Input) => {
  const alerts = structuredClone(WORKBOOK_BURN_RATE_ALERTS) as Record<BurnRateSeverity, BurnRateAlertConfig>;
  input.slo.burnRateAlerts = alerts;
  return alerts;
};

describe("SLO configuration", () => {
  it.each([
    ["availability", 100, /must be less than 100 %/],
    ["availability", 0, /must be more than 0 %/],
    ["latency", 100.5, /must be less than 100 %/],
    ["latency", -1, /must be more than 0 %/],
  ] as const)("rejects a %s target of %d", (kind, value, rule) => {
    const lines = problemsAfter((input) => (input.slo[kind].targetPercent = value));
    expectSingleProblem(lines, `slo.${kind}.targetPercent`, String(value), rule);
  });

  it("rejects a burn-rate window pair in the wrong order", () => {
    const lines = problemsAfter((input) => {
      const ticket = withAlerts(input).ticket;
      ticket.longWindowMinutes = 30;
      ticket.shortWindowMinutes = 360;
    });
    expectSingleProblem(
      lines,
      "slo.burnRateAlerts.ticket.shortWindowMinutes",
      "360",
      /must be shorter than longWindowMinutes \(30\); the pair is in the wrong order/,
    );
  });

  it("rejects a window CloudWatch cannot evaluate (fractions of a minute, over 7 days)", () => {
    expectSingleProblem(
      problemsAfter((input) => (withAlerts(input).page.shortWindowMinutes = 4.5)),
      "slo.burnRateAlerts.page.shortWindowMinutes",
      "4.5",
      /whole minutes/,
    );
    expectSingleProblem(
      problemsAfter((input) => (withAlerts(input).ticket.longWindowMinutes = 10081)),
      "slo.burnRateAlerts.ticket.longWindowMinutes",
      "10081",
      /at most 10080 minutes/,
    );
  });

  it("refuses a burn rate the budget cannot sustain, with the arithmetic", () => {
    // 95 % latency target: 5 % budget; 25 x 5 % = 125 % of requests cannot be slow.
    const lines = problemsAfter((input) => (withAlerts(input).page.burnRate = 25));
    expectSingleProblem(
      lines,
      "slo.burnRateAlerts.page.burnRate",
      "25",
      /25 x the latency error budget \(100 - 95 = 5 %\) = 125 % of requests.*could never fire/,
    );
  });

  it("refuses a pair whose long window outlasts the whole budget", () => {
    const lines = problemsAfter((input) => {
      input.slo.periodDays = 1;
      const page = withAlerts(input).page;
      page.burnRate = 15;
      page.longWindowMinutes = 120;
      input.slo.burnRateAlerts!.ticket.longWindowMinutes = 180;
    });
    expectSingleProblem(
      lines,
      "slo.burnRateAlerts.page.burnRate",
      "15",
      /15 x 120 min \/ 1440 min \(1 days\) = 1.25 budgets/,
    );
  });

  it("keeps the page for the faster burn", () => {
    const lines = problemsAfter((input) => (withAlerts(input).page.burnRate = 6));
    expectSingleProblem(
      lines,
      "slo.burnRateAlerts.page.burnRate",
      "6",
      /more than burnRateAlerts.ticket.burnRate \(6\)/,
    );
  });

  it("rejects a latency threshold at the ALB's idle timeout", () => {
    const lines = problemsAfter((input) => (input.slo.latency.thresholdSeconds = 60));
    expectSingleProblem(lines, "slo.latency.thresholdSeconds", "60", /less than 60 s/);
  });

  it("defaults to the SRE workbook's pairs over 30 days", () => {
    const config = parseEnvironmentConfig(environmentInput("production"), "test");
    expect(config.slo.periodDays).toBe(30);
    expect(config.slo.burnRateAlerts).toEqual(WORKBOOK_BURN_RATE_ALERTS);
  });

  it("computes budgets without floating-point noise", () => {
    expect(errorBudgetPercent(99.9)).toBe(0.1);
    expect(burnThresholdPercent(99.9, 14.4)).toBe(1.44);
    expect(burnThresholdPercent(95, 6)).toBe(30);
  });
});
