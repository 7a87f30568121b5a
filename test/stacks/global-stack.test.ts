import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Route53Zone } from "@cdktf/provider-aws/lib/route53-zone";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import type { EnvironmentConfig } from "../../src/config/schema";
import { GLOBAL_OUTPUTS, GlobalStack } from "../../src/stacks/global-stack";
import { blocksOf, environmentConfig, refTo, resourcesOf, testApp } from "../helpers";

function synthGlobal(config: EnvironmentConfig): string {
  return Testing.synth(new GlobalStack(testApp(), "global", config));
}

describe("GlobalStack", () => {
  const config = environmentConfig("production");
  const json = synthGlobal(config);
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

  it("guards the environment's costs from config, alerting the warning topic", () => {
    const warning = Object.entries(blocksOf(json, "aws_sns_topic")).find(
      ([, topic]) => topic.name === "genai-demo-production-warning",
    )![0];
    const [budget] = resourcesOf(json, "aws_budgets_budget");
    expect(budget).toMatchObject({
      limit_amount: config.costs.monthlyBudgetUsd.toFixed(2),
      cost_filter: [{ name: "TagKeyValue", values: [`user:Environment$${config.name}`] }],
    });
    expect((budget!.notification as { threshold: number }[]).map((n) => n.threshold)).toEqual([
      config.costs.actualAlertPercent,
      config.costs.forecastAlertPercent,
    ]);
    for (const notification of budget!.notification as { subscriber_sns_topic_arns: string[] }[]) {
      expect(notification.subscriber_sns_topic_arns).toEqual([`\${aws_sns_topic.${warning}.arn}`]);
    }
    const [subscription] = resourcesOf(json, "aws_ce_anomaly_subscription");
    expect(subscription!.subscriber).toEqual([{ type: "SNS", address: `\${aws_sns_topic.${warning}.arn}` }]);
    expect(resourcesOf(json, "aws_ce_anomaly_monitor")).toHaveLength(1);
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
    expect(
      resourcesOf(json, "aws_cloudwatch_log_group").filter((group) => String(group.name).startsWith("/aws/route53/")),
    ).toEqual([
      expect.objectContaining({
        name: `/aws/route53/${config.domain.name}`,
        retention_in_days: config.domain.queryLogRetentionDays,
      }),
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

describe("GlobalStack from outside", () => {
  const json = synthGlobal(environmentConfig("production"));

  it("runs a canary against the public API name, paging the critical topic when it fails", () => {
    const [canary] = resourcesOf(json, "aws_synthetics_canary");
    expect(canary).toMatchObject({
      name: "genai-demo-production-public",
      run_config: { environment_variables: { CHECK_HOST: "api.genai-demo.example.com" } },
    });
    const critical = refTo(json, "aws_sns_topic", (topic) => topic.name === "genai-demo-production-critical", "arn");
    const [alarm] = resourcesOf(json, "aws_cloudwatch_metric_alarm").filter((candidate) =>
      String(candidate.alarm_name).endsWith("-canary-failing"),
    );
    expect(alarm).toMatchObject({ alarm_actions: [critical], treat_missing_data: "breaching" });
  });

  it("has a dashboard with both regions' health checks side by side", () => {
    const [dashboard] = resourcesOf(json, "aws_cloudwatch_dashboard");
    const body = JSON.parse(dashboard!.dashboard_body as string) as {
      widgets: { properties: { metrics?: unknown[][] } }[];
    };
    const checks = body.widgets[0]!.properties.metrics!;
    expect(checks.map((line) => (line[4] as { label: string }).label)).toEqual(["taipei", "tokyo"]);
  });
});

describe("GlobalStack edge", () => {
  const production = environmentConfig("production");
  const json = synthGlobal(production);

  it("owns one distribution, protected by a CLOUDFRONT-scope ACL, serving with the validation certificate once issued", () => {
    const [distribution] = resourcesOf(json, "aws_cloudfront_distribution");
    expect(resourcesOf(json, "aws_cloudfront_distribution")).toHaveLength(1);
    const acl = refTo(json, "aws_wafv2_web_acl", (candidate) => candidate.scope === "CLOUDFRONT", "arn");
    expect(distribution!.web_acl_id).toBe(acl);
    const [wait] = resourcesOf(json, "aws_acm_certificate_validation");
    expect(wait!.certificate_arn).toBe(refTo(json, "aws_acm_certificate", () => true, "arn"));
    expect((wait!.depends_on as string[]).some((id) => id.startsWith("aws_route53_record."))).toBe(true);
  });

  it("pages on the availability SLO as users see it, at the edge", () => {
    const page = resourcesOf(json, "aws_cloudwatch_composite_alarm").find(
      (alarm) => alarm.alarm_name === "genai-demo-production-edge-slo-availability-page",
    );
    expect(page!.alarm_actions).toEqual([
      refTo(json, "aws_sns_topic", (topic) => String(topic.name).endsWith("-critical"), "arn"),
    ]);
    const distribution = refTo(json, "aws_cloudfront_distribution", () => true, "id");
    const windows = resourcesOf(json, "aws_cloudwatch_metric_alarm").filter((alarm) =>
      String(alarm.alarm_name).startsWith("genai-demo-production-edge-slo-"),
    );
    expect(windows).toHaveLength(4);
    expect(JSON.stringify(windows)).toContain(distribution);
  });

  it("sends the active origin secret generation from every origin; both generations are replicated to the regions", () => {
    const secrets = Object.entries(blocksOf(json, "aws_secretsmanager_secret")).filter(([, secret]) =>
      String(secret.name).startsWith("edge/"),
    );
    expect(secrets.map(([, secret]) => secret.name)).toEqual([
      "edge/genai-demo-production/origin-verify-v1",
      "edge/genai-demo-production/origin-verify-v2",
    ]);
    for (const [, secret] of secrets) {
      expect(secret.replica).toEqual([{ region: "ap-east-2" }, { region: "ap-northeast-1" }]);
    }
    const versions = resourcesOf(json, "aws_secretsmanager_secret_version").filter((version) =>
      secrets.some(([id]) => version.secret_id === `\${aws_secretsmanager_secret.${id}.id}`),
    );
    expect(versions).toHaveLength(2);
    for (const version of versions) {
      expect(version.secret_string).toBeUndefined();
      expect(String(version.secret_string_wo)).toMatch(/^\$\{ephemeral\.aws_secretsmanager_random_password\./);
    }
    const [read] = Object.entries(blocksOf(json, "aws_secretsmanager_secret_version", "data"));
    expect(read![1].secret_id).toBe(`\${aws_secretsmanager_secret.${secrets[0]![0]}.id}`);
    const [distribution] = resourcesOf(json, "aws_cloudfront_distribution");
    const origins = distribution!.origin as Record<string, unknown>[];
    expect(origins).toHaveLength(3);
    for (const origin of origins) {
      expect(origin.custom_header).toEqual([
        { name: "X-Origin-Verify", value: `\${data.aws_secretsmanager_secret_version.${read![0]}.secret_string}` },
      ]);
    }
  });

  it("rotates by keeping the next generation at its address: a bump replaces only the retired one", () => {
    const addresses = (json: string) =>
      Object.fromEntries(
        Object.entries(blocksOf(json, "aws_secretsmanager_secret"))
          .filter(([, secret]) => String(secret.name).startsWith("edge/"))
          .map(([id, secret]) => [String(secret.name), id]),
      );
    const rotated = synthGlobal({ ...production, edge: { ...production.edge!, originSecretVersion: 2 } });
    const before = addresses(json);
    const after = addresses(rotated);
    expect(Object.keys(after)).toEqual([
      "edge/genai-demo-production/origin-verify-v2",
      "edge/genai-demo-production/origin-verify-v3",
    ]);
    expect(after["edge/genai-demo-production/origin-verify-v2"]).toBe(
      before["edge/genai-demo-production/origin-verify-v2"],
    );
  });

  it("has no edge where the environment configures none", () => {
    expect(resourcesOf(synthGlobal(environmentConfig("development")), "aws_cloudfront_distribution")).toEqual([]);
  });
});

describe("GlobalStack failover", () => {
  const production = environmentConfig("production");
  const json = synthGlobal(production);
  const checks = blocksOf(json, "aws_route53_health_check");

  it("checks every region's origin name and never a routed name", () => {
    const fqdns = Object.values(checks).map((check) => check.fqdn);
    expect(fqdns).toEqual(["taipei.origin.genai-demo.example.com", "tokyo.origin.genai-demo.example.com"]);
    for (const routed of ["api.genai-demo.example.com", "genai-demo.example.com", "www.genai-demo.example.com"]) {
      expect(fqdns).not.toContain(routed);
    }
    expect(Object.values(checks).every((check) => check.request_interval === 10 && check.failure_threshold === 3)).toBe(
      true,
    );
  });

  it("exports the health-check ids by region key", () => {
    const output = (JSON.parse(json) as { output: Record<string, { value: Record<string, string> }> }).output;
    const ids = output[GLOBAL_OUTPUTS.healthCheckIds]!.value;
    expect(Object.keys(ids)).toEqual(["taipei", "tokyo"]);
    const [taipeiCheck] = Object.entries(checks).find(
      ([, check]) => check.fqdn === "taipei.origin.genai-demo.example.com",
    )!;
    expect(ids.taipei).toBe(`\${aws_route53_health_check.${taipeiCheck}.id}`);
  });

  it("publishes the validation records of every name any region's certificate covers", () => {
    expect(resourcesOf(json, "aws_acm_certificate")).toEqual([
      expect.objectContaining({
        domain_name: "genai-demo.example.com",
        subject_alternative_names: [
          "www.genai-demo.example.com",
          "api.genai-demo.example.com",
          "api-latency.genai-demo.example.com",
          "origin.genai-demo.example.com",
          "taipei.origin.genai-demo.example.com",
          "tokyo.origin.genai-demo.example.com",
        ],
      }),
    ]);
    const validation = resourcesOf(json, "aws_route53_record").filter((record) => record.for_each !== undefined);
    expect(validation).toHaveLength(1);
  });

  it("has no health checks, and exports an empty map, when one region serves alone", () => {
    const development = synthGlobal(environmentConfig("development"));
    expect(resourcesOf(development, "aws_route53_health_check")).toEqual([]);
    const output = (JSON.parse(development) as { output: Record<string, { value: unknown }> }).output;
    expect(output[GLOBAL_OUTPUTS.healthCheckIds]!.value).toEqual({});
  });

  it("inverts the primary's check for a drill", () => {
    const drill = synthGlobal(
      environmentConfig("production", (input) => (input.failover!.invertPrimaryHealthCheck = true)),
    );
    const inverted = resourcesOf(drill, "aws_route53_health_check").filter(
      (check) => check.invert_healthcheck === true,
    );
    expect(inverted.map((check) => check.fqdn)).toEqual(["taipei.origin.genai-demo.example.com"]);
  });
});
