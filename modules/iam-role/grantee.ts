import type { PolicyStatement } from "./policy-document";

/**
 * Anything a module can grant permissions to (aws-cdk's `IGrantable`): a module's `grant*`
 * method adds the statement it owns to the grantee's identity policy, so every permission lands
 * in the grantee's one policy document, next to the rest of what it may do.
 */
export interface IGrantee {
  /** Adds an Allow statement to this principal's identity policy. */
  addToPolicy(statement: PolicyStatement): void;
}
