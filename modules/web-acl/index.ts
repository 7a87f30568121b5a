import { Wafv2WebAcl } from "@cdktf/provider-aws/lib/wafv2-web-acl";
import { Wafv2WebAclAssociation } from "@cdktf/provider-aws/lib/wafv2-web-acl-association";
import { Wafv2WebAclLoggingConfiguration } from "@cdktf/provider-aws/lib/wafv2-web-acl-logging-configuration";
import { Construct } from "constructs";
import { EncryptedLogGroup } from "../encrypted-log-group";
import type { AwsAccount } from "../shared/aws-account";
import type { Protection } from "../shared/protection";

/** AWS managed rule groups a web ACL may run (AWS's "AWS Managed Rules rule groups list"). */
export const MANAGED_RULE_GROUPS = [
  "AWSManagedRulesAmazonIpReputationList",
  "AWSManagedRulesCommonRuleSet",
  "AWSManagedRulesKnownBadInputsRuleSet",
  "AWSManagedRulesSQLiRuleSet",
] as const;
export type ManagedRuleGroup = (typeof MANAGED_RULE_GROUPS)[number];
/** What every request at a regional load balancer passes, in this order. */
export const REGIONAL_RULE_GROUPS: readonly ManagedRuleGroup[] = [
  "AWSManagedRulesCommonRuleSet",
  "AWSManagedRulesKnownBadInputsRuleSet",
  "AWSManagedRulesSQLiRuleSet",
];
/**
 * Rules of the managed groups that only count instead of block. The Common rule set's
 * SizeRestrictions_BODY blocks any body over 8 KB, and the app takes GenAI prompts and uploads
 * larger than that; the SQLi and bad-input rules still inspect the first 8 KB.
 */
export const COUNT_ONLY_RULES: Partial<Record<ManagedRuleGroup, string[]>> = {
  AWSManagedRulesCommonRuleSet: ["SizeRestrictions_BODY"],
};
/** The rate-based rule counts requests per client IP over this window. */
export const RATE_LIMIT_WINDOW_SECONDS = 300;

export interface WebAclProps {
  /** Name of the ACL and prefix of its metrics. */
  readonly name: string;
  /** What it protects, for its description, e.g. `the load balancer of demo-production-taipei`. */
  readonly protects: string;
  /**
   * `REGIONAL` (a load balancer, in its region) or `CLOUDFRONT` (a distribution; AWS requires
   * the ACL and its logs in us-east-1).
   * @default "REGIONAL"
   */
  readonly scope?: "REGIONAL" | "CLOUDFRONT";
  /** Region of the stack's provider, where the ACL's logs live. */
  readonly region: string;
  readonly account: AwsAccount;
  /**
   * ARN of the resource to associate, for a regional ACL. A distribution names its ACL itself
   * (`web_acl_id`), so a CloudFront ACL has none.
   * @default - no association
   */
  readonly resourceArn?: string;
  /**
   * The managed rule groups every request passes, in this order, before the rate limit.
   * @default REGIONAL_RULE_GROUPS
   */
  readonly ruleGroups?: readonly ManagedRuleGroup[];
  /** Requests per client IP per 5 minutes before the IP is blocked. */
  readonly rateLimitPer5Minutes: number;
  /** Days WAF logs are kept; a CloudWatch Logs retention period. */
  readonly logRetentionDays: number;
  /**
   * How the module guards its log key against deletion
   * (modules/shared/protection.ts).
   * @default "retain"
   */
  readonly protection?: Protection;
}

const visibility = (metricName: string) => ({
  cloudwatchMetricsEnabled: true,
  sampledRequestsEnabled: true,
  metricName,
});

/**
 * A WAF web ACL: AWS managed rule groups, then a per-IP rate limit; every request logged to a
 * KMS-encrypted log group. Regional in front of a load balancer, or at the edge for CloudFront.
 */
export class WebAcl extends Construct {
  readonly webAcl: Wafv2WebAcl;
  /** The web ACL's CloudWatch metric name: the WebACL dimension of its AWS/WAFV2 metrics. */
  readonly metricName: string;

  constructor(scope: Construct, id: string, props: WebAclProps) {
    super(scope, id);
    this.metricName = props.name;
    const managed = (props.ruleGroups ?? REGIONAL_RULE_GROUPS).map((group, i) => ({
      name: group,
      priority: i,
      overrideAction: { none: {} },
      statement: {
        managed_rule_group_statement: {
          name: group,
          vendor_name: "AWS",
          rule_action_override: (COUNT_ONLY_RULES[group] ?? []).map((rule) => ({
            name: rule,
            action_to_use: { count: {} },
          })),
        },
      },
      visibilityConfig: visibility(`${props.name}-${group}`),
    }));
    this.webAcl = new Wafv2WebAcl(this, "web-acl", {
      name: props.name,
      description: `Protects ${props.protects}`,
      scope: props.scope ?? "REGIONAL",
      defaultAction: { allow: {} },
      rule: [
        ...managed,
        {
          name: "RateLimitPerClientIp",
          priority: managed.length,
          action: { block: {} },
          statement: {
            rate_based_statement: {
              limit: props.rateLimitPer5Minutes,
              aggregate_key_type: "IP",
              evaluation_window_sec: RATE_LIMIT_WINDOW_SECONDS,
            },
          },
          visibilityConfig: visibility(`${props.name}-rate-limit`),
        },
      ],
      visibilityConfig: visibility(this.metricName),
      tags: { Name: props.name },
    });
    if (props.resourceArn !== undefined) {
      new Wafv2WebAclAssociation(this, "association", {
        resourceArn: props.resourceArn,
        webAclArn: this.webAcl.arn,
      });
    }

    // WAF only logs to groups whose name starts with aws-waf-logs-.
    const logs = new EncryptedLogGroup(this, "logs", {
      name: `aws-waf-logs-${props.name}`,
      keyAlias: `${props.name}-waf-logs`,
      description: `WAF logs of ${props.name}`,
      region: props.region,
      account: props.account,
      retentionInDays: props.logRetentionDays,
      protection: props.protection,
    });
    new Wafv2WebAclLoggingConfiguration(this, "logging", {
      resourceArn: this.webAcl.arn,
      logDestinationConfigs: [logs.logGroup.arn],
    });
  }
}
