import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { Construct } from "constructs";
import { EncryptionKey } from "../kms-key";
import type { AwsAccount } from "../shared/aws-account";
import type { Protection } from "../shared/protection";

/** What CloudWatch Logs does with a log group's key. */
const LOGS_KEY_ACTIONS = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"];

export interface EncryptedLogGroupProps {
  /** Log group name, e.g. `/aws/vpc-flow-logs/genai-demo-production-taipei`. */
  readonly name: string;
  /** Alias of the group's key, without `alias/`. */
  readonly keyAlias: string;
  /** What the logs are, for the key's description. */
  readonly description: string;
  /** Region of the stack's provider, where the group lives. */
  readonly region: string;
  readonly account: AwsAccount;
  /** Days events are kept; a CloudWatch Logs retention period. */
  readonly retentionInDays: number;
  /**
   * How the module guards the key (the logs would become unreadable) against deletion
   * (modules/shared/protection.ts).
   * @default "retain"
   */
  readonly protection?: Protection;
}

/**
 * A CloudWatch log group encrypted with its own customer-managed key, which the regional
 * CloudWatch Logs service may use for this log group only (encryption-context condition).
 */
export class EncryptedLogGroup extends Construct {
  readonly logGroup: CloudwatchLogGroup;
  readonly key: EncryptionKey;
  /** ARN of the group, known at synth time (for policies that must name it before it exists). */
  readonly arn: string;

  constructor(scope: Construct, id: string, props: EncryptedLogGroupProps) {
    super(scope, id);
    const { account, region } = props;
    this.arn = `arn:${account.partition}:logs:${region}:${account.id}:log-group:${props.name}`;
    this.key = new EncryptionKey(this, "key", {
      alias: props.keyAlias,
      description: `Encrypts ${props.description}`,
      account,
      protection: props.protection,
      serviceGrants: [
        {
          service: `logs.${region}.amazonaws.com`,
          actions: LOGS_KEY_ACTIONS,
          conditions: [{ test: "ArnEquals", variable: "kms:EncryptionContext:aws:logs:arn", values: [this.arn] }],
        },
      ],
    });
    this.logGroup = new CloudwatchLogGroup(this, "log-group", {
      name: props.name,
      retentionInDays: props.retentionInDays,
      kmsKeyId: this.key.arn,
    });
  }
}
