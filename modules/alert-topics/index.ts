import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription";
import { Construct } from "constructs";
import { type PolicyCondition, resourcePolicyJson } from "../iam-role/policy-document";
import { EncryptionKey } from "../kms-key";
import type { AwsAccount } from "../shared/aws-account";
import type { Protection } from "../shared/protection";

/** Alert severities: `critical` pages someone (P0/P1), `warning` goes to the team's inbox. */
export const ALERT_SEVERITIES = ["critical", "warning"] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];
const EVENTBRIDGE = "events.amazonaws.com";
/** AWS Budgets and Cost Anomaly Detection publish their alerts as these principals. */
export const COST_ALERT_SERVICES = ["budgets.amazonaws.com", "costalerts.amazonaws.com"] as const;

export interface AlertTopicsProps {
  /** Name prefix, e.g. `genai-demo-production`; topics are `<name>-critical` and `<name>-warning`. */
  readonly name: string;
  readonly account: AwsAccount;
  /** E-mail addresses subscribed to each severity (each must confirm once by e-mail). */
  readonly emails: Partial<Record<AlertSeverity, string[]>>;
  /**
   * Which topics to create (a regional stack needs only `warning`).
   * @default ALERT_SEVERITIES (both)
   */
  readonly severities?: readonly AlertSeverity[];
  /**
   * Let EventBridge rules of this account publish too (AWS Backup's job events, for one): SNS
   * admits only the account's own principals unless the topic policy names the service.
   * @default false
   */
  readonly allowEventBridge?: boolean;
  /**
   * Let AWS Budgets and Cost Anomaly Detection of this account publish too (the cost guards).
   * @default false
   */
  readonly allowCostAlerts?: boolean;
  /**
   * How the module guards the topics' encryption key against deletion
   * (modules/shared/protection.ts).
   * @default "retain"
   */
  readonly protection?: Protection;
}

/**
 * The SNS topics CloudWatch alarms notify, encrypted with a customer-managed key that
 * CloudWatch may use (the AWS-managed SNS key does not admit it, so alarms would fail silently).
 */
export class AlertTopics extends Construct {
  readonly topics: Partial<Record<AlertSeverity, SnsTopic>>;
  readonly key: EncryptionKey;

  constructor(scope: Construct, id: string, props: AlertTopicsProps) {
    super(scope, id);
    // Services beyond CloudWatch need the topic policy to name them, not only the key policy.
    const policyPublishers = [
      ...(props.allowEventBridge ? [EVENTBRIDGE] : []),
      ...(props.allowCostAlerts ? COST_ALERT_SERVICES : []),
    ];
    const publishers = ["cloudwatch.amazonaws.com", ...policyPublishers];
    const fromThisAccount: PolicyCondition[] = [
      { test: "StringEquals", variable: "aws:SourceAccount", values: [props.account.id] },
    ];
    this.key = new EncryptionKey(this, "key", {
      alias: `${props.name}-alerts`,
      description: `Encrypts the alert topics of ${props.name}`,
      account: props.account,
      protection: props.protection,
      serviceGrants: publishers.map((service) => ({
        service,
        actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
        conditions: fromThisAccount,
      })),
    });

    const topics: Partial<Record<AlertSeverity, SnsTopic>> = {};
    for (const severity of props.severities ?? ALERT_SEVERITIES) {
      const topic = new SnsTopic(this, severity, {
        name: `${props.name}-${severity}`,
        kmsMasterKeyId: this.key.arn,
        tags: { Severity: severity },
      });
      if (policyPublishers.length > 0) {
        new SnsTopicPolicy(this, `${severity}-policy`, {
          arn: topic.arn,
          policy: resourcePolicyJson([
            {
              sid: "AccountPublishes",
              principals: [
                { type: "AWS", identifiers: [`arn:${props.account.partition}:iam::${props.account.id}:root`] },
              ],
              actions: ["sns:Publish", "sns:Subscribe", "sns:GetTopicAttributes", "sns:SetTopicAttributes"],
              resources: [topic.arn],
            },
            {
              sid: "ServicesOfThisAccountPublish",
              principals: [{ type: "Service", identifiers: policyPublishers }],
              actions: ["sns:Publish"],
              resources: [topic.arn],
              conditions: fromThisAccount,
            },
          ]),
        });
      }
      // Keyed by address, so removing one address leaves the others' confirmed subscriptions alone.
      for (const email of props.emails[severity] ?? []) {
        new SnsTopicSubscription(this, `${severity}-email-${email.replace(/[^a-zA-Z0-9]+/g, "-")}`, {
          topicArn: topic.arn,
          protocol: "email",
          endpoint: email,
        });
      }
      topics[severity] = topic;
    }
    this.topics = topics;
  }
}
