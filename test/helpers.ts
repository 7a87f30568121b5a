import { EksNodeGroup } from "@cdktf/provider-aws/lib/eks-node-group";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { App, Testing, TerraformStack } from "cdktf";
import { environments } from "../environments";
import { parseEnvironmentConfig } from "../src/config/load";
import type { EnvironmentConfig, EnvironmentInput } from "../src/config/schema";
import type { Construct } from "constructs";
import { type IGrantee, IamServiceRole } from "../modules/iam-role";

/**
 * A deep copy of an `environments/*` input, safe to mutate in a test. A JSON round trip, unlike
 * structuredClone, also unshares the objects regions share (environments/shared.ts).
 */
export function environmentInput(name = "production"): EnvironmentInput {
  return JSON.parse(JSON.stringify(environments[name])) as EnvironmentInput;
}

/** A validated copy of an environment, optionally changed first by `change`. */
export function environmentConfig(name = "production", change?: (input: EnvironmentInput) => void): EnvironmentConfig {
  const input = environmentInput(name);
  change?.(input);
  return parseEnvironmentConfig(input, `test:${name}`);
}

/** A fresh cdktf app writing into a temporary directory. */
export function testApp(): App {
  return Testing.app();
}

/** Synthesizes whatever `build` adds to a bare stack with an untagged default AWS provider. */
export function synthInStack(build: (stack: TerraformStack) => void, region = "ap-east-2"): string {
  const stack = new TerraformStack(testApp(), "test");
  new AwsProvider(stack, "aws", { region });
  build(stack);
  return Testing.synth(stack);
}

/**
 * A bare node group (`aws_eks_node_group.nodes`) of cluster `demo-taipei`, for tests of what must
 * wait for nodes.
 */
export function fixtureNodeGroup(stack: TerraformStack): EksNodeGroup {
  return new EksNodeGroup(stack, "nodes", {
    clusterName: "demo-taipei",
    nodeRoleArn: "arn:aws:iam::111122223333:role/nodes",
    subnetIds: ["subnet-a"],
    scalingConfig: { minSize: 1, desiredSize: 1, maxSize: 1 },
  });
}

export type Block = Record<string, unknown>;

/** Every resource (or data source) of `type` in synthesized JSON, keyed by logical id. */
export function blocksOf(
  synthesized: string,
  type: string,
  kind: "resource" | "data" = "resource",
): Record<string, Block> {
  const document = JSON.parse(synthesized) as Record<string, Record<string, Record<string, Block>>>;
  return document[kind]?.[type] ?? {};
}

/**
 * The statements of the `aws_iam_policy_document` that `reference` (a policy argument such as
 * `${data.aws_iam_policy_document.x.json}`) points to; fails the test if it points elsewhere.
 */
export function statementsBehind(synthesized: string, reference: unknown): Block[] {
  const match = /^\$\{data\.aws_iam_policy_document\.([^.}]+)\.json\}$/.exec(String(reference));
  if (match === null) throw new Error(`not a policy document reference: ${String(reference)}`);
  const document = blocksOf(synthesized, "aws_iam_policy_document", "data")[match[1]!];
  if (document === undefined) throw new Error(`no aws_iam_policy_document named ${match[1]}`);
  return document.statement as Block[];
}

/**
 * The statements of a resource policy (a key's, a topic's) as written on the resource: policy
 * JSON whose plan-time values are `${…}` interpolations inside its strings.
 */
export function resourcePolicyStatements(policy: unknown): Block[] {
  return (JSON.parse(String(policy)) as { Statement: Block[] }).Statement;
}

/** The resources of `type` as a list. */
export function resourcesOf(synthesized: string, type: string): Block[] {
  return Object.values(blocksOf(synthesized, type));
}

/** `${aws_x.logical_id.attr}` reference to a resource, as cdktf writes it. */
export function refTo(
  synthesized: string,
  type: string,
  predicate: (block: Block) => boolean,
  attribute = "id",
): string {
  const entry = Object.entries(blocksOf(synthesized, type)).find(([, block]) => predicate(block));
  if (entry === undefined) throw new Error(`no ${type} matches`);
  return `\${${type}.${entry[0]}.${attribute}}`;
}

/**
 * Moves an environment's first region (Taipei) to Osaka, so both regions offer Aurora global
 * databases and ElastiCache global datastores (src/config/region-capabilities.ts).
 */
export function osakaInsteadOfTaipei(input: { regions: readonly unknown[] }): void {
  Object.assign(input.regions[0] as object, {
    key: "osaka",
    awsRegion: "ap-northeast-3",
    availabilityZones: ["ap-northeast-3a", "ap-northeast-3b", "ap-northeast-3c"],
  });
}

/** A bare IAM role to grant to, in tests of `grant*` methods (its inline policy shows the grants). */
export function testGrantee(scope: Construct, name = "demo-taipei-app"): IGrantee {
  return new IamServiceRole(scope, "grantee", {
    name,
    description: "Test grantee",
    trust: { principal: { type: "Service", identifiers: ["pods.eks.amazonaws.com"] }, actions: ["sts:AssumeRole"] },
  });
}

/** The statements of the one inline policy in `synthesized`, as `aws_iam_policy_document` writes them. */
export function inlinePolicyStatements(synthesized: string): Block[] {
  const policies = resourcesOf(synthesized, "aws_iam_role_policy");
  if (policies.length !== 1) throw new Error(`expected one inline policy, found ${policies.length}`);
  return statementsBehind(synthesized, policies[0]!.policy);
}
