/**
 * The only file that imports cdktf's non-public modules (docs/decisions.md, "Staying on CDK for
 * Terraform 0.21"): if the framework or its fork moves them, this is the one place to change.
 */
import { type TerraformResource, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { makeUniqueId } from "cdktf/lib/private/unique";
import { dependable, ref } from "cdktf/lib/tfExpression";

export { dependable, ref };

/**
 * Records that `resource` was at `formerPath` (construct ids from the stack down) before a
 * refactor, as a Terraform `moved` block, so a deployed environment keeps the object instead of
 * replacing it. The address is computed the way cdktf allocates logical ids.
 */
export function movedFrom(resource: TerraformResource, formerPath: readonly string[]): void {
  resource.moveFromId(`${resource.terraformResourceType}.${makeUniqueId([...formerPath])}`);
}

/** Construct ids from the stack down to `construct` (the components of its logical ids). */
export function pathInStack(construct: Construct): string[] {
  const scopes = construct.node.scopes;
  const stackIndex = scopes.findIndex((scope) => TerraformStack.isStack(scope));
  return scopes.slice(stackIndex + 1).map((scope) => scope.node.id);
}
