import { isReadOnlyAction, type PolicyCondition, type PolicyStatement } from "../../iam-role";
import published from "./aws-load-balancer-controller.iam-policy.json";

/** Controller release the JSON file was published with (see README.md beside it). */
export const LOAD_BALANCER_CONTROLLER_POLICY_VERSION = "v2.12.0";

type JsonConditionBlock = Record<string, Record<string, string | string[]>>;
interface JsonStatement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: string | string[];
  readonly Condition?: JsonConditionBlock;
}

const asList = (value: string | string[]): string[] => (Array.isArray(value) ? value : [value]);

function conditionsOf(block: JsonConditionBlock | undefined): PolicyCondition[] {
  return Object.entries(block ?? {}).flatMap(([test, keys]) =>
    Object.entries(keys).map(([variable, values]) => ({ test, variable, values: asList(values) })),
  );
}

/** Services whose API lives in us-east-1 whatever the caller's region. */
const GLOBAL_SERVICES = new Set(["iam", "shield", "waf", "cloudfront", "route53"]);

/**
 * The published policy as statements, with every unconditioned statement on `*` that includes a
 * write limited to the controller's region (plus us-east-1 when the statement calls a global
 * service such as IAM or Shield, whose API lives there): the controller manages load balancers
 * of its own cluster's region only.
 */
export function loadBalancerControllerStatements(region: string): PolicyStatement[] {
  return (published.Statement as JsonStatement[]).map((statement, i): PolicyStatement => {
    const actions = asList(statement.Action);
    const resources = asList(statement.Resource);
    const conditions = conditionsOf(statement.Condition);
    const unconditionedWriteOnAny =
      conditions.length === 0 && resources.includes("*") && !actions.every(isReadOnlyAction);
    if (!unconditionedWriteOnAny) {
      return { sid: `Published${i}`, actions, resources, conditions: conditions.length > 0 ? conditions : undefined };
    }
    const global = actions.some((action) => GLOBAL_SERVICES.has(action.split(":")[0]!));
    return {
      sid: `Published${i}`,
      actions,
      resources,
      conditions: [
        { test: "StringEquals", variable: "aws:RequestedRegion", values: global ? [region, "us-east-1"] : [region] },
      ],
    };
  });
}
