import { Lb } from "@cdktf/provider-aws/lib/lb";
import { LbTargetGroup } from "@cdktf/provider-aws/lib/lb-target-group";
import { describe, expect, it } from "vitest";
import { blocksOf, resourcesOf } from "../../helpers";
import { props, synthIngress } from "./fixture";

type Block = Record<string, unknown>;
const json = synthIngress();
const [alb] = Object.entries(blocksOf(json, "aws_lb"));
const albRef = (attribute: string) => `\${aws_lb.${alb![0]}.${attribute}}`;
const listeners = resourcesOf(json, "aws_lb_listener");

describe("RegionalIngress: load balancer", () => {
  it("is internet-facing in the public subnets, with its own group, protected and strict on headers", () => {
    expect(json).toHaveResourceWithProperties(Lb, {
      name: "demo-taipei",
      load_balancer_type: "application",
      internal: false,
      subnets: ["subnet-a", "subnet-b"],
      enable_deletion_protection: true,
      drop_invalid_header_fields: true,
      desync_mitigation_mode: "strictest",
    });
    const [group] = Object.entries(blocksOf(json, "aws_security_group"));
    expect(alb![1].security_groups).toEqual([`\${aws_security_group.${group![0]}.id}`]);
  });

  it("can drop deletion protection outside production", () => {
    expect(resourcesOf(synthIngress({ protection: "destroy" }), "aws_lb")[0]!.enable_deletion_protection).toBe(false);
  });

  it("admits only HTTP and HTTPS from the internet", () => {
    const ingress = resourcesOf(json, "aws_vpc_security_group_ingress_rule");
    expect(ingress.map((rule) => [rule.cidr_ipv4, rule.from_port]).sort()).toEqual([
      ["0.0.0.0/0", 443],
      ["0.0.0.0/0", 80],
    ]);
  });

  it("redirects HTTP to HTTPS permanently", () => {
    expect(listeners.find((listener) => listener.port === 80)).toMatchObject({
      load_balancer_arn: albRef("arn"),
      protocol: "HTTP",
      default_action: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", status_code: "HTTP_301" } }],
    });
  });

  it("serves HTTPS with TLS 1.3/1.2 and the validated certificate, forwarding to the app", () => {
    const https = listeners.find((listener) => listener.port === 443)!;
    const [targetGroup] = Object.keys(blocksOf(json, "aws_lb_target_group"));
    const [validation] = Object.keys(blocksOf(json, "aws_acm_certificate_validation"));
    expect(https).toMatchObject({
      protocol: "HTTPS",
      ssl_policy: "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
      certificate_arn: `\${aws_acm_certificate_validation.${validation}.certificate_arn}`,
      default_action: [{ type: "forward", target_group_arn: `\${aws_lb_target_group.${targetGroup}.arn}` }],
    });
  });

  it("sends pod IPs on 8080 the readiness check from config", () => {
    expect(json).toHaveResourceWithProperties(LbTargetGroup, {
      target_type: "ip",
      port: 8080,
      protocol: "HTTP",
      vpc_id: "vpc-1",
      deregistration_delay: "30",
      health_check: {
        enabled: true,
        path: "/actuator/health/readiness",
        protocol: "HTTP",
        port: "traffic-port",
        matcher: "200",
        interval: 10,
        timeout: 5,
        healthy_threshold: 2,
        unhealthy_threshold: 3,
      },
    });
  });

  it("requests a DNS-validated certificate for the region's names and writes no validation record", () => {
    expect(resourcesOf(json, "aws_acm_certificate")).toEqual([
      expect.objectContaining({
        domain_name: "example.com",
        subject_alternative_names: ["www.example.com", "api.example.com", "taipei.origin.example.com"],
        validation_method: "DNS",
        lifecycle: { create_before_destroy: true },
      }),
    ]);
    expect(resourcesOf(json, "aws_route53_record")).toEqual([]);
  });
});

describe("RegionalIngress: access logs", () => {
  const bucket = resourcesOf(json, "aws_s3_bucket")[0]!;
  const [bucketId] = Object.keys(blocksOf(json, "aws_s3_bucket"));
  const bucketRef = `\${aws_s3_bucket.${bucketId}.id}`;

  it("logs to the regional bucket", () => {
    expect(alb![1].access_logs).toEqual({
      bucket: `\${aws_s3_bucket.${bucketId}.bucket}`,
      prefix: "alb",
      enabled: true,
    });
    expect(bucket.bucket).toBe("demo-taipei-alb-logs-111122223333");
    expect(bucket.lifecycle).toEqual({ prevent_destroy: true });
  });

  it("keeps the bucket versioned, encrypted, private and owner-enforced, expiring logs as configured", () => {
    expect(resourcesOf(json, "aws_s3_bucket_versioning")).toEqual([
      expect.objectContaining({ bucket: bucketRef, versioning_configuration: { status: "Enabled" } }),
    ]);
    expect(resourcesOf(json, "aws_s3_bucket_server_side_encryption_configuration")[0]!.rule).toEqual([
      { apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } },
    ]);
    expect(resourcesOf(json, "aws_s3_bucket_public_access_block")[0]).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(resourcesOf(json, "aws_s3_bucket_ownership_controls")[0]!.rule).toEqual({
      object_ownership: "BucketOwnerEnforced",
    });
    const [rule] = resourcesOf(json, "aws_s3_bucket_lifecycle_configuration")[0]!.rule as Block[];
    expect(rule).toMatchObject({
      status: "Enabled",
      expiration: [{ days: 90 }],
      noncurrent_version_expiration: [{ noncurrent_days: 90 }],
    });
  });

  it("lets only ELB log delivery write, under our account's prefix, and denies plain HTTP", () => {
    const [document] = Object.values(blocksOf(json, "aws_iam_policy_document", "data"));
    const [write, tlsOnly] = document!.statement as Block[];
    expect(write).toMatchObject({
      effect: "Allow",
      principals: [{ type: "Service", identifiers: ["logdelivery.elasticloadbalancing.amazonaws.com"] }],
      actions: ["s3:PutObject"],
      resources: [`\${aws_s3_bucket.${bucketId}.arn}/alb/AWSLogs/111122223333/*`],
    });
    expect(tlsOnly).toMatchObject({
      effect: "Deny",
      actions: ["s3:*"],
      condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
    });
  });
});

describe("RegionalIngress: WAF", () => {
  const [acl] = Object.entries(blocksOf(json, "aws_wafv2_web_acl"));
  const rules = acl![1].rule as Block[];

  it("runs AWS's Common, KnownBadInputs and SQLi rule groups, then a per-IP rate limit", () => {
    expect(acl![1]).toMatchObject({ scope: "REGIONAL", default_action: { allow: {} } });
    expect(rules.map((rule) => [rule.priority, rule.name])).toEqual([
      [0, "AWSManagedRulesCommonRuleSet"],
      [1, "AWSManagedRulesKnownBadInputsRuleSet"],
      [2, "AWSManagedRulesSQLiRuleSet"],
      [3, "RateLimitPerClientIp"],
    ]);
    for (const rule of rules.slice(0, 3)) {
      expect(rule).toMatchObject({
        override_action: { none: {} },
        statement: { managed_rule_group_statement: { name: rule.name, vendor_name: "AWS" } },
      });
    }
    // GenAI prompts exceed the Common rule set's 8 KB body limit: that one rule only counts.
    const common = (rules[0]!.statement as Block).managed_rule_group_statement as Block;
    expect(common.rule_action_override).toEqual([{ name: "SizeRestrictions_BODY", action_to_use: { count: {} } }]);
    expect(rules[3]).toMatchObject({
      action: { block: {} },
      statement: { rate_based_statement: { limit: 2000, aggregate_key_type: "IP", evaluation_window_sec: 300 } },
    });
  });

  it("protects the ALB and logs every request to an encrypted aws-waf-logs- group", () => {
    expect(resourcesOf(json, "aws_wafv2_web_acl_association")).toEqual([
      expect.objectContaining({ resource_arn: albRef("arn"), web_acl_arn: `\${aws_wafv2_web_acl.${acl![0]}.arn}` }),
    ]);
    const [logGroupId, logGroup] = Object.entries(blocksOf(json, "aws_cloudwatch_log_group")).find(([, group]) =>
      String(group.name).startsWith("aws-waf-logs-"),
    )!;
    expect(logGroup.kms_key_id).toMatch(/^\$\{aws_kms_key\./);
    expect(resourcesOf(json, "aws_wafv2_web_acl_logging_configuration")[0]!.log_destination_configs).toEqual([
      `\${aws_cloudwatch_log_group.${logGroupId}.arn}`,
    ]);
  });
});

describe("RegionalIngress: alarms", () => {
  const alarms = resourcesOf(json, "aws_cloudwatch_metric_alarm");
  const alarm = (suffix: string) => alarms.find((candidate) => candidate.alarm_name === `demo-taipei-${suffix}`)!;
  it("notifies the topic it is given, and creates none", () => {
    expect(resourcesOf(json, "aws_sns_topic")).toEqual([]);
    expect(alarms).toHaveLength(3);
    for (const each of alarms) expect(each.alarm_actions).toEqual([props.alarmTopicArn]);
  });

  it("warns on a 5xx rate above 5 % for 3 of 3 minutes", () => {
    const errorRate = alarm("alb-5xx-rate");
    expect(errorRate).toMatchObject({
      threshold: 5,
      comparison_operator: "GreaterThanThreshold",
      evaluation_periods: 3,
      datapoints_to_alarm: 3,
      treat_missing_data: "notBreaching",
    });
    const queries = errorRate.metric_query as Block[];
    expect(queries.map((query) => (query.metric as Block | undefined)?.metric_name ?? query.expression)).toEqual([
      "HTTPCode_ELB_5XX_Count",
      "HTTPCode_Target_5XX_Count",
      "RequestCount",
      "100 * (FILL(elb_5xx, 0) + FILL(target_5xx, 0)) / requests",
    ]);
    expect((queries[2]!.metric as Block).dimensions).toEqual({ LoadBalancer: albRef("arn_suffix") });
  });

  it("warns on p95 latency above 2 s for 2 of 4 minutes", () => {
    expect(alarm("alb-p95-latency")).toMatchObject({
      namespace: "AWS/ApplicationELB",
      metric_name: "TargetResponseTime",
      extended_statistic: "p95",
      period: 60,
      threshold: 2,
      evaluation_periods: 4,
      datapoints_to_alarm: 2,
    });
  });

  it("warns on any unhealthy target", () => {
    const [targetGroup] = Object.keys(blocksOf(json, "aws_lb_target_group"));
    expect(alarm("alb-unhealthy-targets")).toMatchObject({
      metric_name: "UnHealthyHostCount",
      dimensions: {
        LoadBalancer: albRef("arn_suffix"),
        TargetGroup: `\${aws_lb_target_group.${targetGroup}.arn_suffix}`,
      },
      statistic: "Maximum",
      threshold: 0,
      comparison_operator: "GreaterThanThreshold",
    });
  });
});
