import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { DataAwsRoute53Zone } from "@cdktf/provider-aws/lib/data-aws-route53-zone";
import { Route53QueryLog } from "@cdktf/provider-aws/lib/route53-query-log";
import { Route53Zone } from "@cdktf/provider-aws/lib/route53-zone";
import { describe, expect, it } from "vitest";
import { HostedZone, type HostedZoneProps } from "../../modules/hosted-zone";
import { blocksOf, refTo, resourcesOf, synthInStack } from "../helpers";

const props: HostedZoneProps = {
  domainName: "genai-demo.example.com",
  source: { mode: "create" },
  account: { id: "111122223333", partition: "aws" },
  queryLogRetentionDays: 90,
};

describe("HostedZone", () => {
  const json = synthInStack((stack) => new HostedZone(stack, "zone", props), "us-east-1");

  it("creates a protected public zone by default", () => {
    expect(json).toHaveResourceWithProperties(Route53Zone, {
      name: "genai-demo.example.com",
      force_destroy: false,
      lifecycle: { prevent_destroy: true },
    });
    expect(json).not.toHaveDataSource(DataAwsRoute53Zone);
  });

  it("logs every DNS query of a created zone to a KMS-encrypted log group with the configured retention", () => {
    expect(json).toHaveResourceWithProperties(CloudwatchLogGroup, {
      name: "/aws/route53/genai-demo.example.com",
      retention_in_days: 90,
      kms_key_id: refTo(json, "aws_kms_key", () => true, "arn"),
    });
    expect(json).toHaveResourceWithProperties(Route53QueryLog, {
      zone_id: refTo(json, "aws_route53_zone", () => true, "zone_id"),
      cloudwatch_log_group_arn: refTo(json, "aws_cloudwatch_log_group", () => true, "arn"),
    });
  });

  it("lets only Route 53, for this account and zone, write the query logs", () => {
    const [writer] = Object.values(blocksOf(json, "aws_iam_policy_document", "data"));
    expect(writer!.statement).toEqual([
      expect.objectContaining({
        actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
        principals: [{ type: "Service", identifiers: ["route53.amazonaws.com"] }],
        resources: ["arn:aws:logs:us-east-1:111122223333:log-group:/aws/route53/genai-demo.example.com:*"],
      }),
    ]);
  });

  it("adopts an existing zone by id without managing it or its logging", () => {
    const adopted = synthInStack(
      (stack) => new HostedZone(stack, "zone", { ...props, source: { mode: "adopt", zoneId: "Z0123456789ABC" } }),
    );
    expect(resourcesOf(adopted, "aws_route53_zone")).toEqual([]);
    expect(resourcesOf(adopted, "aws_route53_query_log")).toEqual([]);
    expect(adopted).toHaveDataSourceWithProperties(DataAwsRoute53Zone, {
      zone_id: "Z0123456789ABC",
      private_zone: false,
    });
  });
});
