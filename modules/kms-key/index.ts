import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { Construct } from "constructs";
import { type PolicyCondition, type ResourcePolicyStatement, resourcePolicyJson } from "../iam-role/policy-document";
import type { AwsAccount } from "../shared/aws-account";
import { KMS_MAX_DELETION_WINDOW_DAYS } from "../shared/constants";
import { type Protection, protectionSettings } from "../shared/protection";

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
  readonly conditions?: PolicyCondition[];
}

/** Lets one IAM role use the key through the key policy, e.g. a service-linked role. */
export interface RoleKeyGrant {
  /** The role's ARN; it must exist when the key policy is written. */
  readonly roleArn: string;
  readonly actions: string[];
  /**
   * Conditions narrowing the grant.
   * @default - none
   */
  readonly conditions?: PolicyCondition[];
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
   * IAM roles allowed to use the key by the key policy itself (roles whose own IAM policies cannot
   * be extended, such as service-linked roles).
   * @default []
   */
  readonly roleGrants?: RoleKeyGrant[];
  /**
   * Days KMS waits before deleting the key once scheduled.
   * @default 30 (the maximum)
   */
  readonly deletionWindowInDays?: number;
  /**
   * How the module guards the key (data encrypted with it would become unreadable) against deletion
   * (modules/shared/protection.ts).
   * @default "retain"
   */
  readonly protection?: Protection;
}

/**
 * The key policy: the account administers the key through IAM (AWS's default statement), and
 * each service or role gets only its actions under its conditions. In a key policy
 * `Resource: "*"` means "this key".
 */
export function keyPolicy(
  account: AwsAccount,
  grants: readonly ServiceKeyGrant[],
  roleGrants: readonly RoleKeyGrant[] = [],
): ResourcePolicyStatement[] {
  const thisKey = ["*"];
  return [
    {
      sid: "AccountAdministersKeyThroughIam",
      principals: [{ type: "AWS", identifiers: [`arn:${account.partition}:iam::${account.id}:root`] }],
      actions: ["kms:*"],
      resources: thisKey,
    },
    ...grants.map((grant, i) => ({
      sid: `ServiceUse${i}`,
      principals: [{ type: "Service" as const, identifiers: [grant.service] }],
      actions: grant.actions,
      resources: thisKey,
      conditions: grant.conditions,
    })),
    ...roleGrants.map((grant, i) => ({
      sid: `RoleUse${i}`,
      principals: [{ type: "AWS" as const, identifiers: [grant.roleArn] }],
      actions: grant.actions,
      resources: thisKey,
      conditions: grant.conditions,
    })),
  ];
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
    const guard = protectionSettings(props.protection);
    this.key = new KmsKey(this, "key", {
      description: props.description,
      enableKeyRotation: true,
      deletionWindowInDays: props.deletionWindowInDays ?? KMS_MAX_DELETION_WINDOW_DAYS,
      policy: resourcePolicyJson(keyPolicy(props.account, props.serviceGrants ?? [], props.roleGrants ?? [])),
      lifecycle: { preventDestroy: guard.preventDestroy },
      tags: { Name: props.alias },
    });
    this.alias = new KmsAlias(this, "alias", { name: `alias/${props.alias}`, targetKeyId: this.key.keyId });
  }

  get arn(): string {
    return this.key.arn;
  }
}
