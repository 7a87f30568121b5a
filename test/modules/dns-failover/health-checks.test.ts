import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { Route53HealthCheck } from "@cdktf/provider-aws/lib/route53-health-check";
import { describe, expect, it } from "vitest";
import { DnsFailover, type DnsFailoverProps } from "../../../modules/dns-failover";
import { blocksOf, resourcesOf, synthInStack } from "../../helpers";

const props: DnsFailoverProps = {
  name: "demo",
  regions: [
    { key: "taipei", role: "primary", originName: "taipei.origin.example.com" },
    { key: "tokyo", role: "secondary", originName: "tokyo.origin.example.com" },
  ],
  requestIntervalSeconds: 10,
  failureThreshold: 3,
  checkerRegions: ["ap-northeast-1", "ap-southeast-1", "us-west-2"],
  alertTopicArns: { critical: "arn:critical", warning: "arn:warning" },
};
const synth = (overrides: Partial<DnsFailoverProps> = {}) =>
  synthInStack((stack) => new DnsFailover(stack, "failover", { ...props, ...overrides }), "us-east-1");
const json = synth();
const checks = blocksOf(json, "aws_route53_health_check");
const checkRef = (fqdn: string) => {
  const [id] = Object.entries(checks).find(([, check]) => check.fqdn === fqdn)!;
  return `\${aws_route53_health_check.${id}.id}`;
};
const alarms = resourcesOf(json, "aws_cloudwatch_metric_alarm");
const alarm = (name: string) => alarms.find((candidate) => candidate.alarm_name === name)!;

describe("DnsFailover health checks", () => {
  it.each(["taipei", "tokyo"])("checks %s over HTTPS on its origin name, from several regions", (key) => {
    expect(json).toHaveResourceWithProperties(Route53HealthCheck, {
      fqdn: `${key}.origin.example.com`,
      type: "HTTPS_STR_MATCH",
      port: 443,
      enable_sni: true,
      resource_path: "/actuator/health",
      search_string: '"status":"UP"',
      request_interval: 10,
      failure_threshold: 3,
      measure_latency: true,
      regions: ["ap-northeast-1", "ap-southeast-1", "us-west-2"],
      invert_healthcheck: false,
    });
  });

  it("checks only origin names", () => {
    expect(Object.values(checks).map((check) => check.fqdn)).toEqual([
      "taipei.origin.example.com",
      "tokyo.origin.example.com",
    ]);
  });

  it("inverts only the primary's check in a drill", () => {
    const drill = blocksOf(synth({ invertPrimaryHealthCheck: true }), "aws_route53_health_check");
    expect(Object.values(drill).map((check) => [check.fqdn, check.invert_healthcheck])).toEqual([
      ["taipei.origin.example.com", true],
      ["tokyo.origin.example.com", false],
    ]);
  });
});

describe("DnsFailover alarms", () => {
  it("pages critical (P1) when the primary is unhealthy, treating missing data as unhealthy", () => {
    expect(alarm("demo-P1-primary-taipei-unhealthy")).toMatchObject({
      namespace: "AWS/Route53",
      metric_name: "HealthCheckStatus",
      dimensions: { HealthCheckId: checkRef("taipei.origin.example.com") },
      statistic: "Minimum",
      period: 60,
      evaluation_periods: 1,
      threshold: 1,
      comparison_operator: "LessThanThreshold",
      treat_missing_data: "breaching",
      alarm_actions: ["arn:critical"],
      ok_actions: ["arn:critical"],
    });
  });

  it("warns when the standby is unhealthy", () => {
    expect(alarm("demo-standby-tokyo-unhealthy")).toMatchObject({
      dimensions: { HealthCheckId: checkRef("tokyo.origin.example.com") },
      alarm_actions: ["arn:warning"],
    });
  });

  it("pages critical (P0) when every region is unhealthy, from the healthiest region's status", () => {
    const p0 = alarm("demo-P0-all-regions-unhealthy");
    expect(json).toHaveResourceWithProperties(CloudwatchMetricAlarm, {
      alarm_name: "demo-P0-all-regions-unhealthy",
      threshold: 1,
      comparison_operator: "LessThanThreshold",
      treat_missing_data: "breaching",
      alarm_actions: ["arn:critical"],
    });
    const queries = p0.metric_query as Record<string, unknown>[];
    expect(queries.at(-1)).toMatchObject({ expression: "MAX([status_taipei, status_tokyo])", return_data: true });
    expect(queries.slice(0, 2).map((query) => (query.metric as Record<string, unknown>).dimensions)).toEqual([
      { HealthCheckId: checkRef("taipei.origin.example.com") },
      { HealthCheckId: checkRef("tokyo.origin.example.com") },
    ]);
    expect(queries.slice(0, 2).every((query) => (query.metric as Record<string, unknown>).stat === "Minimum")).toBe(
      true,
    );
  });
});
