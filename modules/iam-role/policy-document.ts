import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import type { Construct } from "constructs";

/** One IAM condition, as `aws_iam_policy_document` writes it. */
export interface PolicyCondition {
  /** Operator, e.g. `StringEquals`, `ArnLike`. */
  readonly test: string;
  /** Condition key, e.g. `aws:RequestedRegion`. */
  readonly variable: string;
  readonly values: string[];
}

/** Who a resource-policy or trust statement speaks to. */
export interface PolicyPrincipal {
  readonly type: "Service" | "AWS" | "Federated";
  readonly identifiers: string[];
}

/** A statement of an identity policy: an Allow, or a Deny that fences the Allows in. */
export interface PolicyStatement {
  readonly sid: string;
  /** @default "Allow" */
  readonly effect?: "Allow" | "Deny";
  /** The actions; empty with {@link notActions}. */
  readonly actions: string[];
  /**
   * Every action but these (a Deny's way to fence in all services but a few).
   * @default - none
   */
  readonly notActions?: string[];
  readonly resources: string[];
  /** @default - none; a write action on `*` must have one (checked by this project's tests). */
  readonly conditions?: PolicyCondition[];
}

/** An Allow statement of a resource policy (key, topic) or a trust policy: it names its principals. */
export interface ResourcePolicyStatement {
  /** @default - no Sid */
  readonly sid?: string;
  readonly principals: PolicyPrincipal[];
  readonly actions: string[];
  /** @default - none (trust policies have no resources; in a key policy `*` means "this key") */
  readonly resources?: string[];
  /** @default - none */
  readonly conditions?: PolicyCondition[];
}

/**
 * How this project writes an identity or trust policy: `aws_iam_policy_document`, so every
 * document is checked by the provider, reviewed as plain statements and read by checkov's IAM
 * checks. Statements may be replaced later with {@link DataAwsIamPolicyDocument.putStatement}.
 */
export function policyDocument(
  scope: Construct,
  id: string,
  statements: readonly (PolicyStatement | ResourcePolicyStatement)[],
): DataAwsIamPolicyDocument {
  return new DataAwsIamPolicyDocument(scope, id, { statement: statements.map(renderStatement) });
}

/** A statement in the data source's shape; every statement this project writes allows. */
export function renderStatement(statement: PolicyStatement | ResourcePolicyStatement) {
  const identity = "effect" in statement || "notActions" in statement ? (statement as PolicyStatement) : undefined;
  return {
    sid: statement.sid,
    effect: identity?.effect ?? "Allow",
    actions: statement.actions.length > 0 ? statement.actions : undefined,
    notActions: identity?.notActions,
    principals: "principals" in statement ? statement.principals : undefined,
    resources: statement.resources,
    condition: statement.conditions,
  };
}

/**
 * How this project writes a resource policy (a KMS key's, an SNS topic's): the same typed
 * statements, rendered at synth as the policy JSON on the resource itself, with the values only
 * known at plan time (account id, ARNs) left as Terraform interpolations inside the JSON text.
 * Not `aws_iam_policy_document`:
 * checkov reads every such data source as an identity policy, and a key policy's `Resource: "*"`
 * ("this key") and the account's `kms:*` administration statement would fail its identity checks
 * (CKV_AWS_109, 111, 356), which would then have to be skipped for the roles too
 * (docs/decisions.md, "Policies: typed statements, two renderings").
 */
export function resourcePolicyJson(statements: readonly ResourcePolicyStatement[]): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: statements.map((statement) => ({
      ...(statement.sid === undefined ? {} : { Sid: statement.sid }),
      Effect: "Allow",
      Principal: Object.fromEntries(statement.principals.map((principal) => [principal.type, principal.identifiers])),
      Action: statement.actions,
      ...(statement.resources === undefined ? {} : { Resource: statement.resources }),
      ...(statement.conditions === undefined ? {} : { Condition: conditionBlock(statement.conditions) }),
    })),
  });
}

/** Conditions in the policy language's shape: `{ operator: { key: values } }`. */
function conditionBlock(conditions: readonly PolicyCondition[]): Record<string, Record<string, string[]>> {
  const block: Record<string, Record<string, string[]>> = {};
  for (const { test, variable, values } of conditions) (block[test] ??= {})[variable] = values;
  return block;
}
