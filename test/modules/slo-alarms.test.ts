import { describe, expect, it } from "vitest";
import { SloAlarms, type SloAlarmsProps } from "../../modules/slo-alarms";
import { WORKBOOK_BURN_RATE_ALERTS } from "../../src/config/schema/slo";
import { type Block, resourcesOf, synthInStack } from "../helpers";

const topics = {
  critical: "arn:aws:sns:ap-east-2:111122223333:demo-critical",
  warning: "arn:aws:sns:ap-east-2:111122223333:demo-warning",
};
/** Production's objectives and the workbook's pairs, measured where `measuredAt` says. */
const alarmsAt = (name: string, measuredAt: SloAlarmsProps["measuredAt"], region?: string) =>
  synthInStack(
    (stack) =>
      new SloAlarms(stack, "slo", {
        name,
        measuredAt,
        periodDays: 30,
        availabilityTargetPercent: 99.9,
        latencyTargetPercent: 95,
        latencyThresholdSeconds: 0.2,
        alerts: WORKBOOK_BURN_RATE_ALERTS,
        topics,
      }),
    region,
  );
const json = alarmsAt("demo-production-taipei", { loadBalancerArnSuffix: "app/demo/0123456789abcdef" });
const windows = resourcesOf(json, "aws_cloudwatch_metric_alarm");
const composites = resourcesOf(json, "aws_cloudwatch_composite_alarm");
const windowNamed = (name: string): Block => {
  const alarm = windows.find((candidate) => candidate.alarm_name === name);
  expect(alarm, `no window alarm ${name}`).toBeDefined();
  return alarm!;
};
const queryMetrics = (alarm: Block) =>
  (alarm.metric_query as { metric?: Record<string, unknown> }[]).flatMap((query) =>
    query.metric ? [query.metric] : [],
  );

describe("SloAlarms", () => {
  it("raises a page and a ticket per objective, each the AND of its two windows", () => {
    expect(composites.map((alarm) => alarm.alarm_name).sort()).toEqual([
      "demo-production-taipei-slo-availability-page",
      "demo-production-taipei-slo-availability-ticket",
      "demo-production-taipei-slo-latency-page",
      "demo-production-taipei-slo-latency-ticket",
    ]);
    expect(windows).toHaveLength(8);
    const page = composites.find((alarm) => alarm.alarm_name === "demo-production-taipei-slo-availability-page")!;
    expect(page.alarm_rule).toMatch(
      /^ALARM\("\$\{aws_cloudwatch_metric_alarm\.slo_availability-page-60m_[0-9A-F]+\.alarm_name\}"\) AND ALARM\("\$\{aws_cloudwatch_metric_alarm\.slo_availability-page-5m_[0-9A-F]+\.alarm_name\}"\)$/,
    );
  });

  it("pages the critical topic and tickets the warning topic; the windows alone notify nobody", () => {
    for (const alarm of composites) {
      const topic = String(alarm.alarm_name).endsWith("-page") ? topics.critical : topics.warning;
      expect(alarm).toMatchObject({ alarm_actions: [topic], ok_actions: [topic] });
    }
    for (const alarm of windows) {
      expect(alarm.alarm_actions).toBeUndefined();
      expect(alarm.ok_actions).toBeUndefined();
    }
  });

  it("measures each window over one period as long as the window, without data as no burn", () => {
    for (const [name, seconds] of [
      ["demo-production-taipei-slo-availability-page-60m", 3600],
      ["demo-production-taipei-slo-availability-page-5m", 300],
      ["demo-production-taipei-slo-latency-ticket-360m", 21600],
      ["demo-production-taipei-slo-latency-ticket-30m", 1800],
    ] as const) {
      const alarm = windowNamed(name);
      expect(alarm).toMatchObject({
        evaluation_periods: 1,
        datapoints_to_alarm: 1,
        treat_missing_data: "notBreaching",
      });
      for (const metric of queryMetrics(alarm)) expect(metric.period).toBe(seconds);
    }
  });

  it("alarms when bad requests exceed burn rate x error budget", () => {
    // 99.9 %: 0.1 % budget; 14.4x -> 1.44 %, 6x -> 0.6 %. 95 %: 5 %; 14.4x -> 72 %, 6x -> 30 %.
    expect(windowNamed("demo-production-taipei-slo-availability-page-60m").threshold).toBe(1.44);
    expect(windowNamed("demo-production-taipei-slo-availability-ticket-30m").threshold).toBe(0.6);
    expect(windowNamed("demo-production-taipei-slo-latency-page-5m").threshold).toBe(72);
    expect(windowNamed("demo-production-taipei-slo-latency-ticket-360m").threshold).toBe(30);
    for (const alarm of windows) expect(alarm.comparison_operator).toBe("GreaterThanThreshold");
  });

  it("counts 5xx from the load balancer and the app, and latency by percentile rank at the threshold", () => {
    const availability = windowNamed("demo-production-taipei-slo-availability-page-60m");
    expect(queryMetrics(availability).map((metric) => [metric.metric_name, metric.stat])).toEqual([
      ["HTTPCode_ELB_5XX_Count", "Sum"],
      ["HTTPCode_Target_5XX_Count", "Sum"],
      ["RequestCount", "Sum"],
    ]);
    const latency = windowNamed("demo-production-taipei-slo-latency-page-60m");
    expect(queryMetrics(latency)).toEqual([
      expect.objectContaining({
        namespace: "AWS/ApplicationELB",
        metric_name: "TargetResponseTime",
        stat: "PR(:0.2)",
        dimensions: { LoadBalancer: "app/demo/0123456789abcdef" },
      }),
    ]);
    const returned = (latency.metric_query as Block[]).filter((query) => query.return_data === true);
    expect(returned).toEqual([expect.objectContaining({ expression: "100 - within" })]);
  });

  it("says what the page means in budget terms, and where the runbook is", () => {
    const page = composites.find((alarm) => alarm.alarm_name === "demo-production-taipei-slo-availability-page")!;
    expect(page.alarm_description).toBe(
      "P1: the availability SLO (99.9 % of requests without a 5xx over 30 days) burns its error budget 14.4x too " +
        "fast in the last 60 and 5 min: 2 % of the budget gone in 60 min, all of it in 50 h at this rate. " +
        "Runbook: docs/runbooks.md#availability-slo-burning",
    );
    const latency = composites.find((alarm) => alarm.alarm_name === "demo-production-taipei-slo-latency-ticket")!;
    expect(latency.alarm_description).toMatch(/Runbook: docs\/runbooks.md#latency-slo-burning$/);
  });
});

describe("SloAlarms at the edge", () => {
  const edge = alarmsAt("demo-production-edge", { distributionId: "E2EXAMPLE" }, "us-east-1");

  it("alerts on availability only, from CloudFront's 5xx rate of the distribution", () => {
    expect(resourcesOf(edge, "aws_cloudwatch_composite_alarm").map((alarm) => alarm.alarm_name)).toEqual([
      "demo-production-edge-slo-availability-page",
      "demo-production-edge-slo-availability-ticket",
    ]);
    const edgeWindows = resourcesOf(edge, "aws_cloudwatch_metric_alarm");
    expect(edgeWindows).toHaveLength(4);
    for (const alarm of edgeWindows) {
      expect(queryMetrics(alarm)).toEqual([
        expect.objectContaining({
          namespace: "AWS/CloudFront",
          metric_name: "5xxErrorRate",
          dimensions: { DistributionId: "E2EXAMPLE", Region: "Global" },
          stat: "Average",
        }),
      ]);
    }
    // 14.4 x the 0.1 % budget.
    expect(
      edgeWindows.find((alarm) => alarm.alarm_name === "demo-production-edge-slo-availability-page-60m")!.threshold,
    ).toBe(1.44);
  });
});
