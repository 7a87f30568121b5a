import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { describe, expect, it } from "vitest";
import { Canary, rate } from "../../modules/canary";
import { blocksOf, inlinePolicyStatements, resourcesOf, synthInStack } from "../helpers";

const topic = "arn:aws:sns:ap-east-2:111122223333:demo-warning";
const props = {
  name: "demo-production-taipei",
  account: { id: "111122223333", partition: "aws" },
  region: "ap-east-2",
  host: "taipei.origin.example.com",
  paths: ["/actuator/health", "/api/v1/products"],
  runtimeVersion: "syn-nodejs-puppeteer-15.0",
  scheduleMinutes: 1,
  retentionDays: 31,
  alarmTopicArn: topic,
  alarm: { meaning: "The region's canary fails.", runbook: "regionCanary" as const },
};
const json = synthInStack((stack) => new Canary(stack, "canary", props));

describe("Canary", () => {
  const [canary] = resourcesOf(json, "aws_synthetics_canary");

  it("GETs the health and API paths of its host over HTTPS every minute, and starts", () => {
    expect(canary).toMatchObject({
      name: "demo-production-taipei",
      runtime_version: "syn-nodejs-puppeteer-15.0",
      handler: "checks.handler",
      schedule: { expression: "rate(1 minute)" },
      run_config: {
        timeout_in_seconds: 60,
        environment_variables: {
          CHECK_HOST: "taipei.origin.example.com",
          CHECK_PATHS: "/actuator/health,/api/v1/products",
        },
      },
      success_retention_period: 31,
      failure_retention_period: 31,
      start_canary: true,
      delete_lambda: true,
    });
  });

  it("writes its artifacts encrypted with its own key into a private, expiring, TLS-only bucket", () => {
    const keyArn = `\${${Object.keys(blocksOf(json, "aws_kms_key")).map((id) => `aws_kms_key.${id}`)[0]}.arn}`;
    expect(canary!.artifact_config).toEqual({ s3_encryption: { encryption_mode: "SSE_KMS", kms_key_arn: keyArn } });
    expect(canary!.artifact_s3_location).toMatch(/^s3:\/\/\$\{aws_s3_bucket\..+\.bucket\}\/runs$/);
    const [bucket] = resourcesOf(json, "aws_s3_bucket");
    expect(bucket!.bucket).toBe("demo-production-taipei-canary-111122223333");
    const [encryption] = resourcesOf(json, "aws_s3_bucket_server_side_encryption_configuration");
    expect(encryption!.rule).toEqual([
      {
        apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: keyArn },
        bucket_key_enabled: true,
      },
    ]);
    expect(resourcesOf(json, "aws_s3_bucket_public_access_block")[0]).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    const [expiry] = resourcesOf(json, "aws_s3_bucket_lifecycle_configuration");
    expect((expiry!.rule as Record<string, unknown>[])[0]).toMatchObject({ expiration: [{ days: 31 }] });
  });

  it("runs as a role that may write only its artifacts, its log groups and its own metric namespace", () => {
    const statements = inlinePolicyStatements(json);
    const bySid = (sid: string) => statements.find((statement) => statement.sid === sid)!;
    expect(bySid("PublishCanaryMetrics")).toMatchObject({
      actions: ["cloudwatch:PutMetricData"],
      resources: ["*"],
      condition: [{ test: "StringEquals", variable: "cloudwatch:namespace", values: ["CloudWatchSynthetics"] }],
    });
    expect(bySid("WriteRunLogs").resources).toEqual([
      "arn:aws:logs:ap-east-2:111122223333:log-group:/aws/lambda/cwsyn-demo-production-taipei-*",
      "arn:aws:logs:ap-east-2:111122223333:log-group:/aws/lambda/cwsyn-demo-production-taipei-*:log-stream:*",
    ]);
    expect(bySid("WriteRunArtifacts").resources).toEqual([
      expect.stringMatching(/^\$\{aws_s3_bucket\..+\.arn\}\/runs\/\*$/),
    ]);
    for (const statement of statements) {
      const writesEverywhere =
        (statement.resources as string[]).includes("*") &&
        (statement.actions as string[]).some((action) => !/:(List|Get|Describe)/.test(action));
      if (writesEverywhere) expect(statement.condition).toBeDefined();
    }
  });

  it("alarms when runs fail or stop, with its runbook", () => {
    const [alarm] = resourcesOf(json, "aws_cloudwatch_metric_alarm");
    expect(alarm).toMatchObject({
      alarm_name: "demo-production-taipei-canary-failing",
      namespace: "CloudWatchSynthetics",
      metric_name: "SuccessPercent",
      statistic: "Average",
      period: 60,
      evaluation_periods: 3,
      datapoints_to_alarm: 2,
      comparison_operator: "LessThanThreshold",
      threshold: 100,
      treat_missing_data: "breaching",
      alarm_actions: [topic],
      ok_actions: [topic],
      alarm_description: "The region's canary fails. Runbook: docs/runbooks.md#a-regions-canary-fails",
    });
  });

  it("never lets a run outlast Synthetics' 14 minutes, whatever the schedule", () => {
    const hourly = synthInStack((stack) => new Canary(stack, "canary", { ...props, scheduleMinutes: 60 }));
    const [slow] = resourcesOf(hourly, "aws_synthetics_canary");
    expect(slow).toMatchObject({ schedule: { expression: "rate(1 hour)" }, run_config: { timeout_in_seconds: 840 } });
    expect([rate(1), rate(5), rate(60)]).toEqual(["rate(1 minute)", "rate(5 minutes)", "rate(1 hour)"]);
  });

  it("ships its script where the Node.js runtimes look for it", () => {
    const outdir = mkdtempSync(join(tmpdir(), "genai-canary-"));
    const app = new App({ outdir });
    const stack = new TerraformStack(app, "canary");
    new AwsProvider(stack, "aws", { region: "ap-east-2" });
    new Canary(stack, "canary", props);
    app.synth();
    const document = JSON.parse(readFileSync(join(outdir, "stacks", "canary", "cdk.tf.json"), "utf8"));
    const zip = join(
      outdir,
      "stacks",
      "canary",
      Object.values(document.resource.aws_synthetics_canary as object)[0].zip_file,
    );
    const listing = execFileSync("python3", ["-m", "zipfile", "-l", zip], { encoding: "utf8" });
    expect(listing).toContain("nodejs/node_modules/checks.js");
  });
});

describe("Canary in a VPC", () => {
  const inVpc = synthInStack(
    (stack) => new Canary(stack, "canary", { ...props, vpc: { vpcId: "vpc-1", subnetIds: ["subnet-a", "subnet-b"] } }),
  );
  const [canary] = resourcesOf(inVpc, "aws_synthetics_canary");
  const [groupId] = Object.keys(blocksOf(inVpc, "aws_security_group"));

  it("runs in the given subnets with a group of its own that only sends HTTPS and admits nothing", () => {
    expect(canary!.vpc_config).toEqual({
      subnet_ids: ["subnet-a", "subnet-b"],
      security_group_ids: [`\${aws_security_group.${groupId}.id}`],
    });
    expect(resourcesOf(inVpc, "aws_vpc_security_group_egress_rule")).toEqual([
      expect.objectContaining({ cidr_ipv4: "0.0.0.0/0", ip_protocol: "tcp", from_port: 443, to_port: 443 }),
    ]);
    expect(resourcesOf(inVpc, "aws_vpc_security_group_ingress_rule")).toEqual([]);
  });

  it("may manage its network interfaces in its own region only", () => {
    const attach = inlinePolicyStatements(inVpc).find((statement) => statement.sid === "AttachToVpc");
    expect(attach).toMatchObject({
      actions: expect.arrayContaining(["ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface"]),
      condition: [{ test: "StringEquals", variable: "aws:RequestedRegion", values: ["ap-east-2"] }],
    });
    expect(inlinePolicyStatements(json).some((statement) => statement.sid === "AttachToVpc")).toBe(false);
    expect(resourcesOf(json, "aws_synthetics_canary")[0]!.vpc_config).toBeUndefined();
  });
});
