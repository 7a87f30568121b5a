import type { TerraformResource } from "cdktf";

/** Where suppressions are written in the synthesized JSON (Terraform ignores `//` keys). */
export const SUPPRESSIONS_KEY = "policy_suppressions";

const suppressions = new WeakMap<TerraformResource, Map<string, string>>();

/**
 * Exempts one resource from one policy rule, for a reason a reviewer can judge. The only way
 * to suppress a rule: in code, per resource and rule. The reason is written into the resource's
 * `//` metadata, so the audit report lists every suppression.
 */
export function suppressPolicy(resource: TerraformResource, ruleId: string, reason: string): void {
  if (reason.trim().length < 10) throw new Error(`${resource.node.path}: suppressing ${ruleId} needs a real reason`);
  const forResource = suppressions.get(resource) ?? new Map<string, string>();
  forResource.set(ruleId, reason);
  suppressions.set(resource, forResource);
  resource.addOverride(`//.${SUPPRESSIONS_KEY}.${ruleId}`, reason);
}

export function isSuppressed(resource: TerraformResource, ruleId: string): boolean {
  return suppressions.get(resource)?.has(ruleId) ?? false;
}
