import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Route53Zone } from "@cdktf/provider-aws/lib/route53-zone";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import type { EnvironmentConfig } from "../../src/config/schema";
import { GLOBAL_OUTPUTS, GlobalStack } from "../../src/stacks/global-stack";
import { environmentConfig, resourcesOf, testApp } from "../helpers";

function synthGlobal(config: EnvironmentConfig): string {
  return Testing.synth(new GlobalStack(testApp(), "global", config));
}

describe("GlobalStack", () => {
  const json = synthGlobal(environmentConfig("production"));
  const document = JSON.parse(json) as Record<string, Record<string, unknown>>;

  it("uses us-east-1, where Route 53 health-check metrics live, with the required default tags", () => {
    expect(json).toHaveProviderWithProperties(AwsProvider, {
      region: "us-east-1",
      default_tags: [
        {
          tags: {
            Environment: "production",
            Project: "genai-demo",
            Owner: "platform-team",
            CostCenter: "CC-4021",
            ManagedBy: "cdktf",
          },
        },
      ],
    });
  });

  it("keeps its state under its own key", () => {
    expect(document.terraform!.backend).toMatchObject({ s3: { key: "genai-demo/production/global.tfstate" } });
  });

  it("creates the production hosted zone protected from destroy", () => {
    expect(json).toHaveResourceWithProperties(Route53Zone, {
      name: "genai-demo.example.com",
      lifecycle: { prevent_destroy: true },
    });
  });

  it("logs the zone's DNS queries, kept for the configured days", () => {
    expect(resourcesOf(json, "aws_route53_query_log")).toHaveLength(1);
    expect(resourcesOf(json, "aws_cloudwatch_log_group")).toEqual([
      expect.objectContaining({ name: "/aws/route53/genai-demo.example.com", retention_in_days: 365 }),
    ]);
  });

  it("adopts an existing zone when configured to", () => {
    const adopted = synthGlobal(
      environmentConfig("production", (input) => {
        input.domain.hostedZone = { mode: "adopt", zoneId: "Z0123456789ABC" };
      }),
    );
    expect(resourcesOf(adopted, "aws_route53_zone")).toEqual([]);
  });

  it("creates the critical and warning alert topics", () => {
    expect(json).toHaveResourceWithProperties(SnsTopic, { name: "genai-demo-production-critical" });
    expect(json).toHaveResourceWithProperties(SnsTopic, { name: "genai-demo-production-warning" });
    expect(
      resourcesOf(json, "aws_sns_topic_subscription")
        .map((s) => s.endpoint)
        .sort(),
    ).toEqual(["oncall@example.com", "platform-team@example.com"]);
  });

  it("exports its values under the stable output names regional stacks rely on", () => {
    expect(Object.keys(document.output!).sort()).toEqual(Object.values(GLOBAL_OUTPUTS).sort());
  });

  it("lets non-production zones and keys be destroyed", () => {
    const staging = synthGlobal(environmentConfig("staging"));
    expect(staging).toHaveResourceWithProperties(Route53Zone, { lifecycle: { prevent_destroy: false } });
  });
});
