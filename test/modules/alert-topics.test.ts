import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { describe, expect, it } from "vitest";
import { AlertTopics } from "../../modules/alert-topics";
import { refTo, resourcePolicyStatements, resourcesOf, synthInStack } from "../helpers";

describe("AlertTopics", () => {
  const json = synthInStack(
    (stack) =>
      new AlertTopics(stack, "alerts", {
        name: "demo",
        account: { id: "111122223333", partition: "aws" },
        emails: { critical: ["oncall@example.com", "lead@example.com"], warning: ["team@example.com"] },
      }),
  );
  const keyArn = refTo(json, "aws_kms_key", () => true, "arn");

  it.each(["critical", "warning"])("creates the %s topic encrypted with the customer-managed key", (severity) => {
    expect(json).toHaveResourceWithProperties(SnsTopic, { name: `demo-${severity}`, kms_master_key_id: keyArn });
  });

  it("subscribes each configured address to its severity's topic", () => {
    const subscriptions = resourcesOf(json, "aws_sns_topic_subscription");
    const critical = refTo(json, "aws_sns_topic", (topic) => topic.name === "demo-critical", "arn");
    expect(subscriptions).toHaveLength(3);
    expect(
      subscriptions
        .filter((s) => s.topic_arn === critical)
        .map((s) => s.endpoint)
        .sort(),
    ).toEqual(["lead@example.com", "oncall@example.com"]);
    expect(subscriptions.every((s) => s.protocol === "email")).toBe(true);
  });

  it("lets CloudWatch alarms of this account use the key", () => {
    const [key] = resourcesOf(json, "aws_kms_key");
    expect(resourcePolicyStatements(key!.policy)).toContainEqual({
      Sid: "ServiceUse0",
      Effect: "Allow",
      Principal: { Service: ["cloudwatch.amazonaws.com"] },
      Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
      Resource: ["*"],
      Condition: { StringEquals: { "aws:SourceAccount": ["111122223333"] } },
    });
  });
});

describe("AlertTopics with cost alerts", () => {
  const json = synthInStack(
    (stack) =>
      new AlertTopics(stack, "alerts", {
        name: "demo",
        account: { id: "111122223333", partition: "aws" },
        emails: { warning: ["team@example.com"] },
        severities: ["warning"],
        allowCostAlerts: true,
      }),
  );

  it("lets Budgets and Cost Anomaly Detection of this account publish, in the topic policy and the key policy", () => {
    const [topicPolicy] = resourcesOf(json, "aws_sns_topic_policy");
    expect(resourcePolicyStatements(topicPolicy!.policy)).toContainEqual(
      expect.objectContaining({
        Principal: { Service: ["budgets.amazonaws.com", "costalerts.amazonaws.com"] },
        Action: ["sns:Publish"],
        Condition: { StringEquals: { "aws:SourceAccount": ["111122223333"] } },
      }),
    );
    const [key] = resourcesOf(json, "aws_kms_key");
    const services = resourcePolicyStatements(key!.policy).flatMap(
      (statement) => (statement.Principal as { Service?: string[] } | undefined)?.Service ?? [],
    );
    expect(services).toEqual(
      expect.arrayContaining(["cloudwatch.amazonaws.com", "budgets.amazonaws.com", "costalerts.amazonaws.com"]),
    );
  });

  it("writes no topic policy without a service beyond CloudWatch", () => {
    const plain = synthInStack(
      (stack) =>
        new AlertTopics(stack, "alerts", {
          name: "demo",
          account: { id: "111122223333", partition: "aws" },
          emails: {},
        }),
    );
    expect(resourcesOf(plain, "aws_sns_topic_policy")).toHaveLength(0);
  });
});
