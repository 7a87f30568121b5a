import {
  DataAwsIamPolicyDocument,
  type DataAwsIamPolicyDocumentStatementCondition,
} from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { Construct } from "constructs";
import type { AwsAccount } from "../shared/aws-account";
import { KMS_MAX_DELETION_WINDOW_DAYS } from "../shared/constants";

/** Lets one AWS service use the key, e.g. CloudWatch Logs encrypting a log group. */
export interface ServiceKeyGrant {
  /** Service principal, e.g. `logs.ap-east-2.amazonaws.com`. */
  readonly service: string;
  /** KMS actions the service needs. */
  readonly actions: string[];
  /**
   * Conditions narrowing the grant to our own resources (encryption context, source account).
   * @default - none
   */
  readonly conditions?: DataAwsIamPolicyDocumentStatementCondition[];
}

export interface EncryptionKeyProps {
  /** Alias name without the `alias/` prefix, e.g. `genai-demo-production-taipei-flow-logs`. */
  readonly alias: string;
  /** What the key protects; shown in the KMS console. */
  readonly description: string;
  /** Account that administers the key through IAM. */
  readonly account: AwsAccount;
  /**
   * AWS services allowed to use the key.
   * @default []
   */
  readonly serviceGrants?: ServiceKeyGrant[];
  /**
   * Days KMS waits before deleting the key once scheduled.
   * @default 30 (the maximum)
   */
  readonly deletionWindowInDays?: number;
  /**
   * Refuse `terraform destroy` of the key: data encrypted with it would become unreadable.
   * @default true
   */
  readonly preventDestroy?: boolean;
}

/**
 * A customer-managed KMS key with yearly rotation, an alias, and a key policy that leaves
 * administration to the account's IAM and grants services only what they are given.
 */
export class EncryptionKey extends Construct {
  readonly key: KmsKey;
  readonly alias: KmsAlias;

  constructor(scope: Construct, id: string, props: EncryptionKeyProps) {
    super(scope, id);
    const { account } = props;
    const policy = new DataAwsIamPolicyDocument(this, "policy", {
      statement: [
        {
          sid: "AccountAdministersKeyThroughIam",
          principals: [{ type: "AWS", identifiers: [`arn:${account.partition}:iam::${account.id}:root`] }],
          actions: ["kms:*"],
          resources: ["*"],
        },
        ...(props.serviceGrants ?? []).map((grant, i) => ({
          sid: `ServiceUse${i}`,
          principals: [{ type: "Service", identifiers: [grant.service] }],
          actions: grant.actions,
          resources: ["*"],
          condition: grant.conditions,
        })),
      ],
    });

    this.key = new KmsKey(this, "key", {
      description: props.description,
      enableKeyRotation: true,
      deletionWindowInDays: props.deletionWindowInDays ?? KMS_MAX_DELETION_WINDOW_DAYS,
      policy: policy.json,
      lifecycle: { preventDestroy: props.preventDestroy ?? true },
      tags: { Name: props.alias },
    });
    this.alias = new KmsAlias(this, "alias", { name: `alias/${props.alias}`, targetKeyId: this.key.keyId });
  }

  get arn(): string {
    return this.key.arn;
  }
}
