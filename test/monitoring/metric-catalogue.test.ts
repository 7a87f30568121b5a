import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { environments } from "../../environments";
import {
  METRIC_CATALOGUE,
  type SynthesizedAlarm,
  catalogueEntry,
  dashboardMetrics,
  unknownAlarmMetrics,
} from "../../src/monitoring/metric-catalogue";
import { type DescribedAlarm, repositoryAnchors, runbookFindings } from "../../src/monitoring/runbooks";
import { RegionalStack } from "../../src/stacks/regional-stack";
import { synthesize } from "../../src/synth";
import { environmentConfig, osakaInsteadOfTaipei, testApp } from "../helpers";

type Document = {
  provider?: { aws?: { alias?: string; region?: string }[] };
  resource?: Record<string, Record<string, Record<string, unknown>>>;
};

/** Every metric alarm of a synthesized stack, named and placed in its provider's region. */
function alarmsOf(stack: string, document: Document): SynthesizedAlarm[] {
  const providers = document.provider?.aws ?? [];
  const regionOf = (provider: unknown) =>
    typeof provider === "string" && provider.startsWith("aws.")
      ? providers.find((candidate) => `aws.${candidate.alias}` === provider)?.region
      : providers.find((candidate) => candidate.alias === undefined)?.region;
  return Object.entries(document.resource?.aws_cloudwatch_metric_alarm ?? {}).map(([id, block]) => ({
    ...(block as SynthesizedAlarm),
    name: `${stack}: ${id}`,
    region: regionOf(block.provider),
  }));
}

/** Every metric a stack's dashboards graph, alarm-shaped. */
function dashboardsOf(stack: string, document: Document): SynthesizedAlarm[] {
  return Object.values(document.resource?.aws_cloudwatch_dashboard ?? {}).flatMap((block) =>
    dashboardMetrics(`${stack}: ${String(block.dashboard_name)}`, block.dashboard_body as string),
  );
}

/** Every alarm of a stack, metric and composite, with its description. */
function describedAlarmsOf(stack: string, document: Document): DescribedAlarm[] {
  return ["aws_cloudwatch_metric_alarm", "aws_cloudwatch_composite_alarm"].flatMap((type) =>
    Object.entries(document.resource?.[type] ?? {}).map(([id, block]) => ({
      name: `${stack}: ${type}.${id}`,
      description: block.alarm_description as string | undefined,
    })),
  );
}

const environmentStacks = Object.keys(environments).flatMap((environment) => {
  const outdir = join(mkdtempSync(join(tmpdir(), "genai-metric-catalogue-")), "cdktf.out");
  const result = synthesize({ GENAI_ENV: environment, CDKTF_OUTDIR: outdir }, { error: () => {}, warn: () => {} });
  if (result.exitCode !== 0) throw new Error(`synth of ${environment} failed`);
  return readdirSync(join(outdir, "stacks")).map((stack) => {
    const name = `${environment}/${stack}`;
    const document = JSON.parse(readFileSync(join(outdir, "stacks", stack, "cdk.tf.json"), "utf8")) as Document;
    return {
      name,
      alarms: alarmsOf(name, document),
      described: describedAlarmsOf(name, document),
      graphed: dashboardsOf(name, document),
    };
  });
});

/** Tokyo + Osaka both offer global databases and datastores: the secondary's lag alarms exist. */
const tokyoOsaka = environmentConfig("staging", osakaInsteadOfTaipei);
const tokyoOsakaStacks = tokyoOsaka.regions.map((region) => {
  const name = `tokyo+osaka/${region.key}`;
  const document = JSON.parse(Testing.synth(new RegionalStack(testApp(), tokyoOsaka, region))) as Document;
  return {
    name,
    alarms: alarmsOf(name, document),
    described: describedAlarmsOf(name, document),
    graphed: dashboardsOf(name, document),
  };
});

const stacks = [...environmentStacks, ...tokyoOsakaStacks];
const allAlarms = stacks.flatMap((stack) => stack.alarms);
const allGraphed = stacks.flatMap((stack) => stack.graphed);

const anchorsOf = repositoryAnchors(process.cwd());

describe.each(stacks)("alarms and dashboards of $name", ({ alarms, described, graphed }) => {
  it("read only metrics, statistics and periods in the metric catalogue", () => {
    expect(unknownAlarmMetrics(alarms)).toEqual([]);
  });

  it("graph only metrics, statistics and periods in the metric catalogue", () => {
    expect(unknownAlarmMetrics(graphed)).toEqual([]);
  });

  it("each link to a runbook section that exists", () => {
    expect(runbookFindings(described, anchorsOf)).toEqual([]);
  });
});

describe("the metric catalogue", () => {
  it("sees the alarms it is meant to check, including both replication-lag alarms", () => {
    expect(allAlarms.length).toBeGreaterThan(0);
    const names = allAlarms.map((alarm) => alarm.metric_name);
    expect(names).toContain("AuroraGlobalDBReplicationLag");
    expect(names).toContain("GlobalDatastoreReplicationLag");
    // metric_query metrics are checked too, not only the alarm's own metric.
    expect(allAlarms.some((alarm) => alarm.metric_query?.some((query) => query.metric !== undefined))).toBe(true);
  });

  it("reports a metric under a dimension AWS does not publish it with", () => {
    const fabricated: SynthesizedAlarm = {
      namespace: "AWS/ElastiCache",
      metric_name: "GlobalDatastoreReplicationLag",
      dimensions: { ReplicationGroupId: "x" },
    };
    const findings = unknownAlarmMetrics([fabricated]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(/GlobalDatastoreReplicationLag \[ReplicationGroupId\] is not in the metric catalogue/);
    expect(findings[0]).toContain("[CacheClusterId]");
  });

  it("reports such a metric inside a metric_query, a wrong statistic, a wrong period and a wrong region", () => {
    const findings = unknownAlarmMetrics([
      {
        alarm_name: "query",
        metric_query: [
          { id: "lag", metric: { namespace: "AWS/ElastiCache", metric_name: "EngineCPUUtilization", stat: "Average" } },
        ],
      },
      {
        alarm_name: "statistic",
        namespace: "AWS/ApplicationELB",
        metric_name: "RequestCount",
        dimensions: { LoadBalancer: "app/x/1" },
        statistic: "Average",
        period: 60,
      },
      {
        alarm_name: "period",
        namespace: "AWS/ApplicationELB",
        metric_name: "TargetResponseTime",
        dimensions: { LoadBalancer: "app/x/1" },
        extended_statistic: "p99.9",
        period: 90,
      },
      {
        alarm_name: "region",
        region: "ap-east-2",
        namespace: "AWS/Route53",
        metric_name: "HealthCheckStatus",
        dimensions: { HealthCheckId: "abc" },
        statistic: "Minimum",
        period: 60,
      },
    ]);
    expect(findings).toEqual([
      expect.stringMatching(/^query \(metric_query lag\): AWS\/ElastiCache\/EngineCPUUtilization \[\] is not in/),
      expect.stringMatching(/^statistic: statistic Average of .*RequestCount/),
      expect.stringMatching(/^period: period 90 of .*TargetResponseTime/),
      expect.stringMatching(/^region: .*HealthCheckStatus.* exists only in us-east-1, not in ap-east-2/),
    ]);
  });

  it("accepts percentiles only where the entry allows them", () => {
    const latency = { namespace: "AWS/ApplicationELB", metric_name: "TargetResponseTime" };
    const alarm = (statistic: string): SynthesizedAlarm => ({
      ...latency,
      dimensions: { LoadBalancer: "app/x/1" },
      extended_statistic: statistic,
      period: 60,
    });
    expect(unknownAlarmMetrics([alarm("p95"), alarm("p99.9"), alarm("p100")])).toEqual([]);
    expect(unknownAlarmMetrics([alarm("tm95")])).toHaveLength(1);
  });

  it("lists each (namespace, metric, dimensions) once, sorted, with an AWS page and the date read", () => {
    for (const entry of METRIC_CATALOGUE) {
      expect(entry.dimensions).toEqual([...entry.dimensions].sort());
      expect(catalogueEntry(entry.namespace, entry.metricName, entry.dimensions)).toBe(entry);
      expect(entry.source.page).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
      expect(entry.source.read).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (!entry.confirmed) expect(entry.note).toMatch(/UNCONFIRMED/);
    }
  });

  it("reads a dashboard's metrics with their dimensions, statistic, period and region", () => {
    const body = JSON.stringify({
      widgets: [
        {
          properties: {
            title: "Latency",
            region: "ap-east-2",
            metrics: [
              ["AWS/ApplicationELB", "TargetResponseTime", "LoadBalancer", "app/x/1", { stat: "p95", period: 60 }],
              [{ expression: "100 - within", id: "e" }],
            ],
          },
        },
        { properties: { title: "Alarms", alarms: ["arn:aws:cloudwatch:ap-east-2:1:alarm:x"] } },
      ],
    });
    expect(dashboardMetrics("d", body)).toEqual([
      {
        name: 'd widget 0 "Latency"',
        region: "ap-east-2",
        namespace: "AWS/ApplicationELB",
        metric_name: "TargetResponseTime",
        dimensions: { LoadBalancer: "app/x/1" },
        statistic: "p95",
        period: 60,
      },
    ]);
    const renamed = body.replace("TargetResponseTime", "TargetResponseTimes");
    expect(unknownAlarmMetrics(dashboardMetrics("d", renamed))).toEqual([
      expect.stringMatching(
        /^d widget 0 "Latency": AWS\/ApplicationELB\/TargetResponseTimes \[LoadBalancer\] is not in/,
      ),
    ]);
  });

  it("sees the dashboards it is meant to check", () => {
    expect(allGraphed.map((metric) => metric.namespace)).toEqual(
      expect.arrayContaining(["AWS/ApplicationELB", "AWS/RDS", "AWS/ElastiCache", "AWS/WAFV2", "AWS/Route53"]),
    );
  });

  it("has no entry that no alarm or dashboard uses", () => {
    const used = new Set<string>();
    for (const alarm of [...allAlarms, ...allGraphed]) {
      const metrics = [alarm, ...(alarm.metric_query ?? []).flatMap((query) => (query.metric ? [query.metric] : []))];
      for (const metric of metrics) {
        if (metric.metric_name === undefined) continue;
        used.add(`${metric.namespace} ${metric.metric_name} ${Object.keys(metric.dimensions ?? {}).sort()}`);
      }
    }
    const unused = METRIC_CATALOGUE.filter(
      (entry) => !used.has(`${entry.namespace} ${entry.metricName} ${[...entry.dimensions]}`),
    ).map((entry) => `${entry.namespace}/${entry.metricName}`);
    expect(unused).toEqual([]);
  });
});
