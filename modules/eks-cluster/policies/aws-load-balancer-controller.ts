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
 * The published policy as statements. Every unconditioned statement on `*` that includes writes
 * is split: its reads stay as published, its writes are limited to `region` (plus us-east-1 for
 * global services such as Shield): the controller manages its own region's load balancers only.
 */
export function loadBalancerControllerStatements(region: string): PolicyStatement[] {
  return (published.Statement as JsonStatement[]).flatMap((statement, i): PolicyStatement[] => {
    const actions = asList(statement.Action);
    const resources = asList(statement.Resource);
    const conditions = conditionsOf(statement.Condition);
    const writes = actions.filter((action) => !isReadOnlyAction(action));
    if (conditions.length > 0 || !resources.includes("*") || writes.length === 0) {
      return [{ sid: `Published${i}`, actions, resources, conditions: conditions.length > 0 ? conditions : undefined }];
    }
    const reads = actions.filter(isReadOnlyAction);
    const regions = writes.some((action) => GLOBAL_SERVICES.has(action.split(":")[0]!))
      ? [region, "us-east-1"]
      : [region];
    return [
      ...(reads.length > 0 ? [{ sid: `Published${i}Reads`, actions: reads, resources }] : []),
      {
        sid: `Published${i}Writes`,
        actions: writes,
        resources,
        conditions: [{ test: "StringEquals", variable: "aws:RequestedRegion", values: regions }],
      },
    ];
  });
}
