import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription";
import { Construct } from "constructs";
import { EncryptionKey } from "../kms-key";
import type { AwsAccount } from "../shared/aws-account";

/** Alert severities: `critical` pages someone (P0/P1), `warning` goes to the team's inbox. */
export const ALERT_SEVERITIES = ["critical", "warning"] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

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
   * Refuse `terraform destroy` of the topics' encryption key.
   * @default true
   */
  readonly preventDestroy?: boolean;
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
    this.key = new EncryptionKey(this, "key", {
      alias: `${props.name}-alerts`,
      description: `Encrypts the alert topics of ${props.name}`,
      account: props.account,
      preventDestroy: props.preventDestroy,
      serviceGrants: [
        {
          service: "cloudwatch.amazonaws.com",
          actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
          conditions: { StringEquals: { "aws:SourceAccount": props.account.id } },
        },
      ],
    });

    const topics: Partial<Record<AlertSeverity, SnsTopic>> = {};
    for (const severity of props.severities ?? ALERT_SEVERITIES) {
      const topic = new SnsTopic(this, severity, {
        name: `${props.name}-${severity}`,
        kmsMasterKeyId: this.key.arn,
        tags: { Severity: severity },
      });
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
