import { describe, expect, it } from "vitest";
import { GlobalDashboard, RegionalDashboard } from "../../modules/dashboards";
import { SloAlarms, unavailablePercent } from "../../modules/slo-alarms";
import { WORKBOOK_BURN_RATE_ALERTS } from "../../src/config/schema/slo";
import { resourcesOf, synthInStack } from "../helpers";

type Widget = { type: string; properties: { title?: string; metrics?: unknown[][]; [key: string]: unknown } };
const widgetsOf = (json: string): Widget[] =>
  JSON.parse(resourcesOf(json, "aws_cloudwatch_dashboard")[0]!.dashboard_body as string).widgets as Widget[];
const titled = (widgets: Widget[], prefix: string) => {
  const widget = widgets.find((candidate) => candidate.properties.title?.startsWith(prefix));
  expect(widget, `no widget titled ${prefix}`).toBeDefined();
  return widget!;
};

const objectives = {
  periodDays: 30,
  availabilityTargetPercent: 99.9,
  latencyTargetPercent: 95,
  latencyThresholdSeconds: 0.2,
};
const regional = (databaseInstanceIds?: string[], cluster?: { name: string; appNamespace: string }) =>
  synthInStack(
    (stack) =>
      new RegionalDashboard(stack, "dashboard", {
        name: "demo-production-taipei",
        region: "ap-east-2",
        objectives,
        loadBalancerArnSuffix: "app/demo/1",
        targetGroupArnSuffix: "targetgroup/demo/2",
        webAclMetricName: "demo-production-taipei",
        databaseInstanceIds,
        cacheMemberIds: ["demo-001", "demo-002"],
        cluster,
      }),
  );

describe("RegionalDashboard", () => {
  const json = regional(["demo-1", "demo-2"]);
  const widgets = widgetsOf(json);

  it("graphs the cluster's nodes and the app's pods from Container Insights, when the cluster runs it", () => {
    const withCluster = widgetsOf(regional(["demo-1"], { name: "demo-production-taipei", appNamespace: "genai-demo" }));
    expect(titled(withCluster, "Nodes").properties.metrics).toEqual([
      [
        "ContainerInsights",
        "cluster_node_count",
        "ClusterName",
        "demo-production-taipei",
        expect.objectContaining({ id: "nodes" }),
      ],
      [
        "ContainerInsights",
        "cluster_failed_node_count",
        "ClusterName",
        "demo-production-taipei",
        expect.objectContaining({ id: "failed" }),
      ],
    ]);
    expect(titled(withCluster, "App pods running").properties.metrics![0]).toEqual(
      expect.arrayContaining(["namespace_number_of_running_pods", "Namespace", "genai-demo"]),
    );
    expect(widgets.some((widget) => widget.properties.title?.startsWith("Node"))).toBe(false);
  });

  it("is named for the region and graphs its SLOs from the alarms' own queries", () => {
    expect(resourcesOf(json, "aws_cloudwatch_dashboard")[0]!.dashboard_name).toBe("demo-production-taipei");
    const errors = titled(widgets, "Requests ending in a 5xx");
    const alarmQueries = unavailablePercent({ loadBalancerArnSuffix: "app/demo/1", periodSeconds: 60 });
    expect(errors.properties.metrics).toHaveLength(alarmQueries.length);
    expect(errors.properties.metrics![0]).toEqual([
      "AWS/ApplicationELB",
      "HTTPCode_ELB_5XX_Count",
      "LoadBalancer",
      "app/demo/1",
      { id: "elb_5xx", visible: false, stat: "Sum", period: 60 },
    ]);
    expect(errors.properties.metrics![3]).toEqual([
      { expression: alarmQueries[3]!.expression, id: "bad_percent", label: alarmQueries[3]!.label },
    ]);
  });

  it("shows each error budget left over the whole SLO period", () => {
    const budget = titled(widgets, "Availability budget left");
    expect(budget.properties).toMatchObject({ view: "singleValue", start: "-P30D", setPeriodToTimeRange: true });
    const lines = budget.properties.metrics!;
    expect(lines.at(-1)).toEqual([
      { expression: "100 - 100 * bad_percent / 0.1", id: "budget_left", label: "Error budget left (%)" },
    ]);
    expect(lines.find((line) => line[1] === "RequestCount")!.at(-1)).toMatchObject({ period: 30 * 86400 });
    const latency = titled(widgets, "Latency budget left");
    expect(latency.properties.metrics!.at(-1)).toEqual([
      { expression: "100 - 100 * bad_percent / 5", id: "budget_left", label: "Error budget left (%)" },
    ]);
    expect(latency.properties.metrics![0]).toContainEqual(expect.objectContaining({ stat: "PR(:0.2)" }));
  });

  it("graphs targets, WAF, every database instance and cache member", () => {
    expect(titled(widgets, "App pods").properties.metrics!.map((line) => line.slice(1, 6))).toEqual([
      ["HealthyHostCount", "LoadBalancer", "app/demo/1", "TargetGroup", "targetgroup/demo/2"],
      ["UnHealthyHostCount", "LoadBalancer", "app/demo/1", "TargetGroup", "targetgroup/demo/2"],
    ]);
    expect(titled(widgets, "WAF").properties.metrics![1]!.slice(0, 8)).toEqual([
      "AWS/WAFV2",
      "BlockedRequests",
      "WebACL",
      "demo-production-taipei",
      "Region",
      "ap-east-2",
      "Rule",
      "ALL",
    ]);
    expect(titled(widgets, "Database CPU").properties.metrics!.map((line) => line[3])).toEqual(["demo-1", "demo-2"]);
    expect(titled(widgets, "Cache memory").properties.metrics!.map((line) => line[3])).toEqual([
      "demo-001",
      "demo-002",
    ]);
    for (const widget of widgets) expect(widget.properties.region).toBe("ap-east-2");
  });

  it("leaves out the database graphs where the region has no database", () => {
    const titles = widgetsOf(regional()).map((widget) => widget.properties.title);
    expect(titles.filter((title) => title?.startsWith("Database"))).toEqual([]);
    expect(titles).toContain("Cache engine CPU (%)");
  });
});

describe("GlobalDashboard", () => {
  const regions = [
    { key: "taipei", awsRegion: "ap-east-2", prefix: "demo-production-taipei", healthCheckId: "check-taipei" },
    { key: "tokyo", awsRegion: "ap-northeast-1", prefix: "demo-production-tokyo", healthCheckId: "check-tokyo" },
  ];
  const json = synthInStack(
    (stack) =>
      new GlobalDashboard(stack, "dashboard", {
        name: "demo-production",
        account: { id: "111122223333", partition: "aws" },
        regions,
      }),
    "us-east-1",
  );
  const widgets = widgetsOf(json);

  it("puts the regions' health checks side by side, from us-east-1", () => {
    const checks = titled(widgets, "Health check status");
    expect(checks.properties.region).toBe("us-east-1");
    expect(checks.properties.metrics!.map((line) => [line[1], line[3], (line[4] as { label: string }).label])).toEqual([
      ["HealthCheckStatus", "check-taipei", "taipei"],
      ["HealthCheckStatus", "check-tokyo", "tokyo"],
    ]);
  });

  it("shows the burn-rate alerts the regions really create, by ARN", () => {
    const alerts = titled(widgets, "SLO burn-rate alerts").properties.alarms as string[];
    expect(alerts).toHaveLength(8);
    const tokyo = synthInStack(
      (stack) =>
        new SloAlarms(stack, "slo", {
          name: "demo-production-tokyo",
          measuredAt: { loadBalancerArnSuffix: "app/demo/1" },
          ...objectives,
          alerts: WORKBOOK_BURN_RATE_ALERTS,
          topics: { critical: "c", warning: "w" },
        }),
      "ap-northeast-1",
    );
    for (const alarm of resourcesOf(tokyo, "aws_cloudwatch_composite_alarm")) {
      expect(alerts).toContain(`arn:aws:cloudwatch:ap-northeast-1:111122223333:alarm:${String(alarm.alarm_name)}`);
    }
  });

  it("graphs the edge's 5xx rate and shows the edge's burn-rate alerts the edge really creates", () => {
    const withEdge = synthInStack(
      (stack) =>
        new GlobalDashboard(stack, "dashboard", {
          name: "demo-production",
          account: { id: "111122223333", partition: "aws" },
          regions,
          edge: { distributionId: "E2EXAMPLE", alertPrefix: "demo-production-edge" },
        }),
      "us-east-1",
    );
    const edgeWidgets = widgetsOf(withEdge);
    expect(titled(edgeWidgets, "Requests ending in a 5xx at the edge").properties.metrics![0]).toEqual(
      expect.arrayContaining(["AWS/CloudFront", "5xxErrorRate", "DistributionId", "E2EXAMPLE", "Region", "Global"]),
    );
    const alerts = titled(edgeWidgets, "SLO burn-rate alerts").properties.alarms as string[];
    const edge = synthInStack(
      (stack) =>
        new SloAlarms(stack, "slo", {
          name: "demo-production-edge",
          measuredAt: { distributionId: "E2EXAMPLE" },
          ...objectives,
          alerts: WORKBOOK_BURN_RATE_ALERTS,
          topics: { critical: "c", warning: "w" },
        }),
      "us-east-1",
    );
    const created = resourcesOf(edge, "aws_cloudwatch_composite_alarm");
    expect(created).toHaveLength(2);
    for (const alarm of created)
      expect(alerts).toContain(`arn:aws:cloudwatch:us-east-1:111122223333:alarm:${String(alarm.alarm_name)}`);
    expect(alerts).toHaveLength(10);
  });

  it("has no health-check graph when one region serves alone", () => {
    const alone = synthInStack(
      (stack) =>
        new GlobalDashboard(stack, "dashboard", {
          name: "demo-development",
          account: { id: "111122223333", partition: "aws" },
          regions: [{ key: "taipei", awsRegion: "ap-east-2", prefix: "demo-development-taipei" }],
        }),
      "us-east-1",
    );
    expect(widgetsOf(alone).map((widget) => widget.type)).toEqual(["alarm"]);
  });
});
