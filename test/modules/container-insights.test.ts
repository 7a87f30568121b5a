import { describe, expect, it } from "vitest";
import { ContainerInsights, OTLP_PORTS, agentConfig, agentStatements } from "../../modules/container-insights";
import { resourcesOf, synthInStack } from "../helpers";

const account = { id: "111122223333", partition: "aws" };
const json = synthInStack(
  (stack) =>
    new ContainerInsights(stack, "container-insights", {
      clusterName: "demo-production-taipei",
      account,
      region: "ap-east-2",
      addonVersion: "v6.2.0-eksbuild.1",
      logRetentionDays: 90,
      agentRole: { arn: "arn:aws:iam::111122223333:role/demo-production-taipei-cloudwatch-agent", ready: [] },
      clusterReady: [],
    }),
);

describe("ContainerInsights", () => {
  it("runs the add-on as the agent's Pod Identity role", () => {
    const [addon] = resourcesOf(json, "aws_eks_addon");
    expect(addon).toMatchObject({
      cluster_name: "demo-production-taipei",
      addon_name: "amazon-cloudwatch-observability",
      addon_version: "v6.2.0-eksbuild.1",
      pod_identity_association: [
        {
          role_arn: "arn:aws:iam::111122223333:role/demo-production-taipei-cloudwatch-agent",
          service_account: "cloudwatch-agent",
        },
      ],
    });
  });

  it("creates the agent's log groups first, encrypted and kept only as long as configured", () => {
    const groups = resourcesOf(json, "aws_cloudwatch_log_group");
    expect(groups.map((group) => group.name).sort()).toEqual(
      ["application", "dataplane", "host", "performance"].map(
        (kind) => `/aws/containerinsights/demo-production-taipei/${kind}`,
      ),
    );
    for (const group of groups) {
      expect(group.retention_in_days).toBe(90);
      expect(group.kms_key_id).toMatch(/^\$\{aws_kms_key\..+\.arn\}$/);
    }
    const [addon] = resourcesOf(json, "aws_eks_addon");
    expect((addon!.depends_on as string[]).filter((id) => id.startsWith("aws_cloudwatch_log_group."))).toHaveLength(4);
  });

  it("lets the agent write only this cluster's log groups and the ContainerInsights namespace", () => {
    const statements = agentStatements(account, "ap-east-2", "demo-production-taipei");
    const logs = statements.find((statement) => statement.sid === "WriteContainerInsightsLogs")!;
    expect(
      logs.resources.every((arn) => arn.includes(":log-group:/aws/containerinsights/demo-production-taipei/")),
    ).toBe(true);
    expect(statements.find((statement) => statement.sid === "PublishContainerInsightsMetrics")!.conditions).toEqual([
      { test: "StringEquals", variable: "cloudwatch:namespace", values: ["ContainerInsights"] },
    ]);
    const writesEverywhere = statements.filter(
      (statement) =>
        statement.resources.includes("*") &&
        statement.actions.some((action) => !/:(List|Get|Describe)/.test(action)) &&
        statement.conditions === undefined,
    );
    expect(writesEverywhere).toEqual([]);
  });

  it("writes the agent's configuration out: Container Insights only, Application Signals off", () => {
    const [addon] = resourcesOf(json, "aws_eks_addon");
    expect(JSON.parse(addon!.configuration_values as string)).toEqual({
      agent: { config: { logs: { metrics_collected: { kubernetes: { enhanced_container_insights: true } } } } },
    });
    expect(
      agentStatements(account, "ap-east-2", "demo").some((s) => s.actions.some((a) => a.startsWith("xray:"))),
    ).toBe(false);
  });

  it("forwards OTLP traces to X-Ray and metrics to the workspace, on ports of their own", () => {
    const config = agentConfig({ tracing: true, prometheusWorkspaceId: "ws-1234" }) as {
      traces: { traces_collected: { otlp: { grpc_endpoint: string; http_endpoint: string } } };
      metrics: {
        metrics_destinations: unknown;
        metrics_collected: { otlp: { grpc_endpoint: string; http_endpoint: string } };
      };
    };
    expect(config.traces.traces_collected.otlp).toEqual({
      grpc_endpoint: `0.0.0.0:${OTLP_PORTS.traces.grpc}`,
      http_endpoint: `0.0.0.0:${OTLP_PORTS.traces.http}`,
    });
    expect(config.metrics.metrics_destinations).toEqual({ amp: { workspace_id: "ws-1234" } });
    const ports = [config.traces.traces_collected.otlp, config.metrics.metrics_collected.otlp].flatMap((otlp) => [
      otlp.grpc_endpoint,
      otlp.http_endpoint,
    ]);
    expect(new Set(ports).size).toBe(4);
  });

  it("lets a tracing agent send traces in its own region only", () => {
    const tracing = agentStatements(account, "ap-east-2", "demo", { tracing: true }).find(
      (statement) => statement.sid === "SendTracesToXRay",
    );
    expect(tracing).toMatchObject({
      actions: expect.arrayContaining(["xray:PutTraceSegments", "xray:GetSamplingRules"]),
      conditions: [{ test: "StringEquals", variable: "aws:RequestedRegion", values: ["ap-east-2"] }],
    });
  });
});
