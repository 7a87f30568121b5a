import type { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import type { AwsAccount } from "../shared/aws-account";
import type { IGrantee } from "./grantee";
import {
  type PolicyCondition,
  type PolicyPrincipal,
  type PolicyStatement,
  policyDocument,
  renderStatement,
} from "./policy-document";

export type { IGrantee } from "./grantee";
export {
  type PolicyCondition,
  type PolicyPrincipal,
  type PolicyStatement,
  type ResourcePolicyStatement,
  policyDocument,
} from "./policy-document";

/** Who may assume the role, and under which conditions. */
export interface TrustStatement {
  readonly principal: PolicyPrincipal;
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
 * Other modules grant it permissions through {@link addToPolicy} (it is an {@link IGrantee}).
 */
export class IamServiceRole extends Construct implements IGrantee {
  readonly role: IamRole;
  /** The role with all its policies: depend on these before using the role. */
  readonly withPolicies: ITerraformDependable[];
  private readonly statements: PolicyStatement[] = [];
  private permissions?: DataAwsIamPolicyDocument;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: IamServiceRoleProps,
  ) {
    super(scope, id);
    const trust = policyDocument(this, "trust", [
      { principals: [props.trust.principal], actions: props.trust.actions, conditions: props.trust.conditions },
    ]);
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
    for (const statement of props.statements ?? []) this.addToPolicy(statement);
  }

  /**
   * Adds a statement to the role's inline policy (created with the first statement). Sids must
   * be unique within the role: a repeated one is a programming error, refused here rather than
   * by IAM at apply time.
   */
  addToPolicy(statement: PolicyStatement): void {
    if (this.statements.some((existing) => existing.sid === statement.sid)) {
      throw new Error(`IAM role ${this.props.name}: statement sid "${statement.sid}" is already in its policy`);
    }
    this.statements.push(statement);
    if (this.permissions === undefined) {
      this.permissions = policyDocument(this, "permissions", this.statements);
      this.withPolicies.push(
        new IamRolePolicy(this, "policy", {
          name: this.props.name,
          role: this.role.name,
          policy: this.permissions.json,
        }),
      );
    } else {
      this.permissions.putStatement(this.statements.map(renderStatement));
    }
  }

  get arn(): string {
    return this.role.arn;
  }

  get name(): string {
    return this.role.name;
  }
}
