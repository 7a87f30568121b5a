import { describe, expect, it } from "vitest";
import { ContainerInsights, agentStatements } from "../../modules/container-insights";
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
});
