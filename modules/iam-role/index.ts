import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import type { AwsAccount } from "../shared/aws-account";

/** One IAM condition, as `aws_iam_policy_document` writes it. */
export interface PolicyCondition {
  /** Operator, e.g. `StringEquals`, `ArnLike`. */
  readonly test: string;
  /** Condition key, e.g. `aws:RequestedRegion`. */
  readonly variable: string;
  readonly values: string[];
}

/** An Allow statement of an identity policy. */
export interface PolicyStatement {
  readonly sid: string;
  readonly actions: string[];
  readonly resources: string[];
  /** @default - none; a write action on `*` must have one (checked by this project's tests). */
  readonly conditions?: PolicyCondition[];
}

/** Who may assume the role, and under which conditions. */
export interface TrustStatement {
  readonly principal: { readonly type: "Service" | "AWS"; readonly identifiers: string[] };
  readonly actions: string[];
  /** @default - none */
  readonly conditions?: PolicyCondition[];
}

/** Read-only IAM actions by AWS's naming: `Describe*`, `Get*`, `List*`. Everything else writes. */
export function isReadOnlyAction(action: string): boolean {
  return /^[a-z0-9-]+:(Describe|Get|List)/.test(action);
}

/** ARN of an AWS-managed policy, e.g. `service-role/AmazonEBSCSIDriverPolicy`. */
export function awsManagedPolicyArn(account: AwsAccount, name: string): string {
  return `arn:${account.partition}:iam::aws:policy/${name}`;
}

export interface IamServiceRoleProps {
  /** Role name (at most 64 characters). */
  readonly name: string;
  readonly description: string;
  readonly trust: TrustStatement;
  /**
   * AWS-managed or customer policy ARNs to attach, keyed by a short stable name.
   * @default {}
   */
  readonly managedPolicies?: Record<string, string>;
  /**
   * Statements of the role's own inline policy.
   * @default [] (no inline policy)
   */
  readonly statements?: PolicyStatement[];
}

/**
 * An IAM role with its trust policy, attached managed policies and one inline policy, every
 * document rendered by `aws_iam_policy_document` so reviewers and checkov read plain statements.
 */
export class IamServiceRole extends Construct {
  readonly role: IamRole;
  /** The role with all its policies: depend on these before using the role. */
  readonly withPolicies: ITerraformDependable[];

  constructor(scope: Construct, id: string, props: IamServiceRoleProps) {
    super(scope, id);
    const trust = new DataAwsIamPolicyDocument(this, "trust", {
      statement: [
        {
          effect: "Allow",
          actions: props.trust.actions,
          principals: [props.trust.principal],
          condition: props.trust.conditions,
        },
      ],
    });
    this.role = new IamRole(this, "role", {
      name: props.name,
      description: props.description,
      assumeRolePolicy: trust.json,
      tags: { Name: props.name },
    });
    this.withPolicies = [this.role];
    for (const [key, policyArn] of Object.entries(props.managedPolicies ?? {})) {
      this.withPolicies.push(new IamRolePolicyAttachment(this, `attach-${key}`, { role: this.role.name, policyArn }));
    }
    const statements = props.statements ?? [];
    if (statements.length > 0) {
      const document = new DataAwsIamPolicyDocument(this, "permissions", {
        statement: statements.map((statement) => ({
          sid: statement.sid,
          effect: "Allow",
          actions: statement.actions,
          resources: statement.resources,
          condition: statement.conditions,
        })),
      });
      this.withPolicies.push(
        new IamRolePolicy(this, "policy", { name: props.name, role: this.role.name, policy: document.json }),
      );
    }
  }

  get arn(): string {
    return this.role.arn;
  }

  get name(): string {
    return this.role.name;
  }
}
