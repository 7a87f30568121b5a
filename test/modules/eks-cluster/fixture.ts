import { EksCluster, type EksClusterProps } from "../../../modules/eks-cluster";
import { blocksOf, synthInStack } from "../../helpers";

type Block = Record<string, unknown>;

export const CLUSTER = "demo-taipei";

export const props: EksClusterProps = {
  name: CLUSTER,
  region: "ap-east-2",
  account: { id: "111122223333", partition: "aws" },
  kubernetesVersion: "1.34",
  vpcId: "vpc-0123456789abcdef0",
  vpcCidr: "10.0.0.0/16",
  subnetIds: ["subnet-a", "subnet-b", "subnet-c"],
  publicAccessCidrs: ["203.0.113.0/24"],
  adminPrincipalArns: ["arn:aws:iam::111122223333:role/platform-admin"],
  controlPlaneLogRetentionDays: 365,
  addonVersions: {
    vpcCni: "v1.21.1-eksbuild.7",
    coredns: "v1.13.2-eksbuild.4",
    kubeProxy: "v1.34.6-eksbuild.2",
    podIdentityAgent: "v1.3.10-eksbuild.1",
    ebsCsiDriver: "v1.57.1-eksbuild.1",
  },
  nodeGroups: {
    general: {
      instanceTypes: ["m6i.large", "m5.large"],
      capacityType: "ON_DEMAND",
      minSize: 2,
      desiredSize: 3,
      maxSize: 10,
      diskSizeGiB: 50,
      labels: { workload: "general" },
    },
  },
};

/** Synthesizes one cluster with `overrides` applied to {@link props}. */
export function synthCluster(overrides: Partial<EksClusterProps> = {}): string {
  return synthInStack((stack) => new EksCluster(stack, "eks", { ...props, ...overrides }));
}

/** The logical id inside a `${type.id.attr}` reference. */
export function logicalIdOf(reference: unknown): string {
  const match = /^\$\{(data\.)?[a-z0-9_]+\.([^.]+)\.[a-z_]+(\[\d+\])?(\.[a-z_]+)?\}$/.exec(String(reference));
  if (match === null) throw new Error(`not a reference: ${String(reference)}`);
  return match[2]!;
}

/** The `aws_iam_policy_document` a `${data.aws_iam_policy_document.X.json}` reference points at. */
export function policyDocument(json: string, reference: unknown): { statement: Block[] } {
  const document = blocksOf(json, "aws_iam_policy_document", "data")[logicalIdOf(reference)];
  if (document === undefined) throw new Error(`no policy document behind ${String(reference)}`);
  return document as { statement: Block[] };
}

/** The role named `name`, with its trust statements and inline policy statements. */
export function role(json: string, name: string) {
  const entry = Object.entries(blocksOf(json, "aws_iam_role")).find(([, block]) => block.name === name);
  if (entry === undefined) throw new Error(`no role ${name}`);
  const [id, block] = entry;
  const self = `\${aws_iam_role.${id}.name}`;
  const inline = Object.values(blocksOf(json, "aws_iam_role_policy")).filter((policy) => policy.role === self);
  const attachments = Object.values(blocksOf(json, "aws_iam_role_policy_attachment")).filter(
    (attachment) => attachment.role === self,
  );
  return {
    ref: `\${aws_iam_role.${id}.arn}`,
    trust: policyDocument(json, block.assume_role_policy).statement,
    statements: inline.flatMap((policy) => policyDocument(json, policy.policy).statement),
    managedPolicyArns: attachments.map((attachment) => attachment.policy_arn as string).sort(),
  };
}
