import { describe, expect, it } from "vitest";
import { environmentConfig } from "../../helpers";
import { expectSingleProblem, problemsAfter } from "./helpers";

describe("observability configuration", () => {
  it("refuses a region that neither AWS lists nor the environment asserts for the add-on", () => {
    const lines = problemsAfter((input) => (input.regions[1]!.assertedCapabilities = []));
    expectSingleProblem(
      lines,
      "regions[1].assertedCapabilities",
      "[]",
      /must include "eks-cloudwatch-observability-addon"/,
    );
  });

  it.each([
    ["6.2.0", /EKS add-on build such as v6.2.0-eksbuild.1/],
    ["v3.0.9-eksbuild.1", /v3.1.0 or later \(earlier builds cannot use EKS Pod Identity\)/],
  ])("refuses add-on version %s", (version, rule) => {
    const lines = problemsAfter((input) => (input.observability!.containerInsights.addonVersion = version));
    expectSingleProblem(lines, "observability.containerInsights.addonVersion", JSON.stringify(version), rule);
  });

  it("refuses a retention CloudWatch Logs does not offer", () => {
    const lines = problemsAfter((input) => (input.observability!.containerInsights.logRetentionDays = 100));
    expectSingleProblem(lines, "observability.containerInsights.logRetentionDays", "100", /retention periods/);
  });

  it.each([
    [0, /must be above 0 \(leave `tracing` out to record no traces\)/],
    [1.5, /must be at most 1 \(every trace\)/],
  ])("refuses a trace sample ratio of %s", (ratio, rule) => {
    const lines = problemsAfter((input) => (input.observability!.tracing = { sampleRatio: ratio }));
    expectSingleProblem(lines, "observability.tracing.sampleRatio", String(ratio), rule);
  });

  it.each([
    [0, /must be at least 1 day/],
    [1096, /must be at most 1095 days \(AMP's limit\)/],
    [30.5, /must be whole days/],
  ])("refuses a Prometheus retention of %s days", (days, rule) => {
    const lines = problemsAfter((input) => (input.observability!.prometheus = { retentionDays: days }));
    expectSingleProblem(lines, "observability.prometheus.retentionDays", String(days), rule);
  });

  it("needs no assertion when the section is left out", () => {
    const config = environmentConfig("production", (input) => {
      delete input.observability;
      for (const region of input.regions) region.assertedCapabilities = [];
    });
    expect(config.observability).toBeUndefined();
  });
});
