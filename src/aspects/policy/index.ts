import {
  DefaultTokenResolver,
  type IAspect,
  StringConcat,
  TerraformResource,
  TerraformStack,
  Tokenization,
} from "cdktf";
import type { IConstruct } from "constructs";
import { POLICY_RULES, type PolicyRule, type ResourceView } from "./rules";
import { isSuppressed } from "./suppressions";

export { POLICY_RULES } from "./rules";
export type { PolicyRule, ResourceView } from "./rules";
export { SUPPRESSIONS_KEY, suppressPolicy } from "./suppressions";

/** A broken rule: which resource (construct path) and why. */
export interface PolicyViolation {
  readonly path: string;
  readonly rule: string;
  readonly reason: string;
}

/** Thrown at synth when a stack breaks a policy rule; nothing is written. */
export class PolicyViolationError extends Error {
  constructor(readonly violations: readonly PolicyViolation[]) {
    super(
      `Policy violations (${violations.length}); nothing was synthesized:\n` +
        violations.map((violation) => `  - ${violation.path}: ${violation.rule}: ${violation.reason}`).join("\n"),
    );
    this.name = "PolicyViolationError";
  }
}

/** Every resource of `stack`, with its Terraform arguments as they will be synthesized. */
function resourcesOf(stack: TerraformStack): ResourceView[] {
  return stack.node
    .findAll()
    .filter((node): node is TerraformResource => node instanceof TerraformResource)
    .map((construct) => {
      // Resolved, so references read as `${type.id.attr}` and compare across resources.
      const block = Tokenization.resolve(construct.toTerraform(), {
        scope: stack,
        resolver: new DefaultTokenResolver(new StringConcat()),
      }) as { resource?: Record<string, Record<string, unknown>> };
      const byId = block.resource?.[construct.terraformResourceType] ?? {};
      return {
        construct,
        type: construct.terraformResourceType,
        config: (Object.values(byId)[0] ?? {}) as Record<string, unknown>,
      };
    });
}

/** Checks `resources` against `rules`; suppressed (resource, rule) pairs are skipped. */
export function policyViolations(
  resources: readonly ResourceView[],
  options: { production: boolean; rules?: readonly PolicyRule[] },
): PolicyViolation[] {
  const rules = (options.rules ?? POLICY_RULES).filter((rule) => options.production || !rule.productionOnly);
  return resources.flatMap((resource) =>
    rules.flatMap((rule) => {
      if (isSuppressed(resource.construct, rule.id)) return [];
      const reason = rule.check(resource, resources);
      return reason === undefined ? [] : [{ path: resource.construct.node.path, rule: rule.id, reason }];
    }),
  );
}

/**
 * Fails synthesis when the stack breaks a policy rule (encryption at rest, no open ingress but a
 * load balancer's web ports, IMDSv2, deletion protection in production), naming each construct
 * path and rule. Fast feedback before the real validators run. Register it on every stack.
 */
export class PolicyAspect implements IAspect {
  constructor(private readonly options: { production: boolean }) {}

  visit(node: IConstruct): void {
    if (!(node instanceof TerraformStack)) return;
    const violations = policyViolations(resourcesOf(node), this.options);
    if (violations.length > 0) throw new PolicyViolationError(violations);
  }
}
