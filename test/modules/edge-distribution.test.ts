import { describe, expect, it } from "vitest";
import {
  ALL_METHODS,
  EdgeDistribution,
  type EdgeDistributionProps,
  FAILOVER_METHODS,
  HSTS_MAX_AGE_SECONDS,
  MANAGED_POLICY_IDS,
} from "../../modules/edge-distribution";
import { resourcesOf, synthInStack } from "../helpers";

const props: EdgeDistributionProps = {
  name: "demo-production",
  account: { id: "111122223333", partition: "aws" },
  region: "us-east-1",
  zoneId: "Z123",
  aliases: ["api.example.com", "example.com", "www.example.com"],
  certificateArn: "arn:aws:acm:us-east-1:111122223333:certificate/abc",
  certificateValidation: [],
  api: { domainName: "origin.example.com", readTimeoutSeconds: 60, keepaliveSeconds: 5 },
  failover: {
    secondaryDomainName: "tokyo.origin.example.com",
    connectionTimeoutSeconds: 2,
    connectionAttempts: 2,
    readTimeoutSeconds: 5,
    statusCodes: [500, 502, 503, 504],
  },
  staticPathPatterns: ["/static/*"],
  staticCacheSeconds: 86_400,
  readOnlyPathPatterns: ["/actuator/health*"],
  priceClass: "PriceClass_200",
  wafRateLimitPer5Minutes: 2000,
  logRetentionDays: 365,
};
type Block = Record<string, unknown>;
const synth = (overrides: Partial<EdgeDistributionProps> = {}) =>
  synthInStack((stack) => new EdgeDistribution(stack, "edge", { ...props, ...overrides }), "us-east-1");
const json = synth();
const [distribution] = resourcesOf(json, "aws_cloudfront_distribution") as Block[];
const behaviors = distribution!.ordered_cache_behavior as Block[];

describe("EdgeDistribution", () => {
  it("answers the public names over TLS 1.2+ with the issued certificate, HTTP/2 and HTTP/3, IPv6", () => {
    expect(distribution).toMatchObject({
      aliases: props.aliases,
      http_version: "http2and3",
      is_ipv6_enabled: true,
      price_class: "PriceClass_200",
      viewer_certificate: {
        acm_certificate_arn: expect.stringMatching(/aws_acm_certificate_validation\..+\.certificate_arn/),
        ssl_support_method: "sni-only",
        minimum_protocol_version: "TLSv1.2_2021",
      },
    });
  });

  it("points A and AAAA of every public name at the distribution", () => {
    const records = resourcesOf(json, "aws_route53_record");
    for (const name of props.aliases) {
      const own = records.filter((record) => record.name === name);
      expect(own.map((record) => record.type).sort()).toEqual(["A", "AAAA"]);
      for (const record of own)
        expect(record.alias).toMatchObject({
          name: expect.stringMatching(/aws_cloudfront_distribution\..+\.domain_name/),
          zone_id: expect.stringMatching(/aws_cloudfront_distribution\..+\.hosted_zone_id/),
        });
    }
  });

  it("sends the API, every method, uncached and with every viewer header but Host, to the failover name", () => {
    expect(distribution!.default_cache_behavior).toMatchObject({
      target_origin_id: "api",
      allowed_methods: ALL_METHODS,
      cache_policy_id: MANAGED_POLICY_IDS.cachingDisabled,
      origin_request_policy_id: MANAGED_POLICY_IDS.allViewerExceptHostHeader,
      viewer_protocol_policy: "redirect-to-https",
    });
    const api = (distribution!.origin as Block[]).find((origin) => origin.origin_id === "api");
    expect(api).toMatchObject({
      domain_name: "origin.example.com",
      custom_origin_config: {
        origin_protocol_policy: "https-only",
        origin_ssl_protocols: ["TLSv1.2"],
        origin_read_timeout: 60,
      },
    });
  });

  it("fails idempotent paths over to the secondary region with tight timeouts", () => {
    expect(distribution!.origin_group).toEqual([
      {
        origin_id: "failover",
        failover_criteria: { status_codes: [500, 502, 503, 504] },
        member: [{ origin_id: "api-failing-fast" }, { origin_id: "secondary" }],
      },
    ]);
    const fast = (distribution!.origin as Block[]).filter((origin) => origin.origin_id !== "api");
    for (const origin of fast)
      expect(origin).toMatchObject({
        connection_timeout: 2,
        connection_attempts: 2,
        custom_origin_config: { origin_read_timeout: 5 },
      });
    expect(
      behaviors.map((behavior) => [behavior.path_pattern, behavior.target_origin_id, behavior.allowed_methods]),
    ).toEqual([
      ["/static/*", "failover", FAILOVER_METHODS],
      ["/actuator/health*", "failover", FAILOVER_METHODS],
    ]);
  });

  it("caches static paths for the configured time, compressed, and never the read-only API", () => {
    const [policy] = resourcesOf(json, "aws_cloudfront_cache_policy");
    expect(policy).toMatchObject({
      default_ttl: 86_400,
      max_ttl: 86_400,
      parameters_in_cache_key_and_forwarded_to_origin: {
        enable_accept_encoding_brotli: true,
        enable_accept_encoding_gzip: true,
      },
    });
    expect(behaviors[0]).toMatchObject({
      cache_policy_id: expect.stringMatching(/aws_cloudfront_cache_policy\./),
      compress: true,
    });
    expect(behaviors[1]).toMatchObject({ cache_policy_id: MANAGED_POLICY_IDS.cachingDisabled });
  });

  it("adds HSTS, nosniff, DENY framing and a referrer policy to every response", () => {
    const [policy] = resourcesOf(json, "aws_cloudfront_response_headers_policy");
    expect(policy!.security_headers_config).toMatchObject({
      strict_transport_security: { access_control_max_age_sec: HSTS_MAX_AGE_SECONDS, include_subdomains: true },
      content_type_options: { override: true },
      frame_options: { frame_option: "DENY" },
      referrer_policy: { referrer_policy: "strict-origin-when-cross-origin" },
    });
    for (const behavior of [distribution!.default_cache_behavior as Block, ...behaviors])
      expect(behavior.response_headers_policy_id).toMatch(/aws_cloudfront_response_headers_policy\./);
  });

  it("runs a CLOUDFRONT-scope WAF ACL with the managed groups, IP reputation included, and a rate limit", () => {
    const [acl] = resourcesOf(json, "aws_wafv2_web_acl");
    expect(acl!.scope).toBe("CLOUDFRONT");
    expect(distribution!.web_acl_id).toMatch(/aws_wafv2_web_acl\..+\.arn/);
    const rules = acl!.rule as { name: string; statement: Block }[];
    expect(rules.map((rule) => rule.name)).toEqual([
      "AWSManagedRulesAmazonIpReputationList",
      "AWSManagedRulesCommonRuleSet",
      "AWSManagedRulesKnownBadInputsRuleSet",
      "AWSManagedRulesSQLiRuleSet",
      "RateLimitPerClientIp",
    ]);
    expect(rules.at(-1)!.statement).toMatchObject({ rate_based_statement: { limit: 2000 } });
    expect(resourcesOf(json, "aws_wafv2_web_acl_association")).toEqual([]);
  });

  it("delivers access logs to an encrypted log group kept as configured", () => {
    const groups = resourcesOf(json, "aws_cloudwatch_log_group");
    expect(groups.find((group) => group.name === "/aws/cloudfront/demo-production")).toMatchObject({
      retention_in_days: 365,
      kms_key_id: expect.stringMatching(/aws_kms_key\./),
    });
    expect(resourcesOf(json, "aws_cloudwatch_log_delivery_source")).toEqual([
      expect.objectContaining({
        log_type: "ACCESS_LOGS",
        resource_arn: expect.stringMatching(/aws_cloudfront_distribution\./),
      }),
    ]);
    expect(resourcesOf(json, "aws_cloudwatch_log_delivery")).toHaveLength(1);
  });

  it("sends everything to the failover name when there is no secondary", () => {
    const alone = resourcesOf(synth({ failover: undefined }), "aws_cloudfront_distribution")[0]!;
    expect(alone.origin_group).toBeUndefined();
    expect((alone.ordered_cache_behavior as Block[]).every((behavior) => behavior.target_origin_id === "api")).toBe(
      true,
    );
  });
});
