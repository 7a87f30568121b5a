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
  readonly type: "Service" | "AWS";
  readonly identifiers: string[];
}

/** An Allow statement of an identity policy. */
export interface PolicyStatement {
  readonly sid: string;
  readonly actions: string[];
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
 * The one way this project writes an IAM policy: `aws_iam_policy_document`, so every document is
 * checked by the provider, reviewed as plain statements and read by checkov the same way.
 * Statements may be set or replaced later with {@link DataAwsIamPolicyDocument.putStatement}.
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
  return {
    sid: statement.sid,
    effect: "Allow",
    actions: statement.actions,
    principals: "principals" in statement ? statement.principals : undefined,
    resources: statement.resources,
    condition: statement.conditions,
  };
}
