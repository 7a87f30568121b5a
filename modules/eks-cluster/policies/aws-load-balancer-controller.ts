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

/**
 * The published policy as statements, with every unconditioned write on `*` limited to
 * `region`: the controller manages load balancers of its own cluster's region only.
 */
export function loadBalancerControllerStatements(region: string): PolicyStatement[] {
  return (published.Statement as JsonStatement[]).map((statement, i) => {
    const actions = asList(statement.Action);
    const resources = asList(statement.Resource);
    const conditions = conditionsOf(statement.Condition);
    const unconditionedWriteOnAny =
      conditions.length === 0 && resources.includes("*") && !actions.every(isReadOnlyAction);
    return {
      sid: `Published${i}`,
      actions,
      resources,
      conditions: unconditionedWriteOnAny
        ? [{ test: "StringEquals", variable: "aws:RequestedRegion", values: [region] }]
        : conditions,
    };
  });
}
