import { describe, expect, it } from "vitest";
import { tcp } from "../../../modules/shared/connections";
import { blocksOf, resourcesOf, synthInStack } from "../../helpers";
import { EksCluster } from "../../../modules/eks-cluster";
import { CLUSTER, props } from "./fixture";

type Block = Record<string, unknown>;
const json = synthInStack((stack) => {
  const cluster = new EksCluster(stack, "eks", { ...props, podToPodPorts: [8080] });
  cluster.allowFrom({ securityGroupId: "sg-alb", name: "alb" }, tcp(8080), "App requests from the ALB");
});
const groupRef = (suffix: string) => {
  const [id] = Object.entries(blocksOf(json, "aws_security_group")).find(
    ([, group]) => group.name === `${CLUSTER}-${suffix}`,
  )!;
  return `\${aws_security_group.${id}.id}`;
};
const rulesOf = (kind: "ingress" | "egress", suffix: string) =>
  resourcesOf(json, `aws_vpc_security_group_${kind}_rule`).filter(
    (rule) => rule.security_group_id === groupRef(suffix),
  );
const summary = (rules: Block[]) =>
  rules
    .map(
      (rule) =>
        `${rule.ip_protocol} ${rule.from_port}-${rule.to_port} ${String(rule.cidr_ipv4 ?? rule.referenced_security_group_id)}`,
    )
    .sort();

describe("EksCluster: security groups", () => {
  const nodes = groupRef("eks-nodes");
  const controlPlane = groupRef("eks-control-plane");

  it("attaches its control-plane group to the cluster", () => {
    const [cluster] = resourcesOf(json, "aws_eks_cluster");
    expect((cluster!.vpc_config as Block).security_group_ids).toEqual([controlPlane]);
  });

  it("admits to the control plane only the Kubernetes API from nodes", () => {
    expect(summary(rulesOf("ingress", "eks-control-plane"))).toEqual([`tcp 443-443 ${nodes}`]);
    expect(summary(rulesOf("egress", "eks-control-plane"))).toEqual([
      `tcp 10250-10250 ${nodes}`,
      `tcp 9443-9443 ${nodes}`,
    ]);
  });

  it("admits to nodes the kubelet and webhook from the control plane, named node-to-node ports and the ALB", () => {
    expect(summary(rulesOf("ingress", "eks-nodes"))).toEqual(
      [
        `tcp 10250-10250 ${controlPlane}`,
        `tcp 9443-9443 ${controlPlane}`,
        `tcp 10250-10250 ${nodes}`,
        `tcp 8080-8080 ${nodes}`,
        `tcp 53-53 ${nodes}`,
        `udp 53-53 ${nodes}`,
        "tcp 8080-8080 sg-alb",
      ].sort(),
    );
    expect(rulesOf("ingress", "eks-nodes").some((rule) => rule.cidr_ipv4 !== undefined)).toBe(false);
  });

  it("lets nodes out only to the API, each other, DNS, HTTPS, and the ALB's reply path is the ALB's own egress", () => {
    expect(summary(rulesOf("egress", "eks-nodes"))).toEqual(
      [
        `tcp 443-443 ${controlPlane}`,
        `tcp 10250-10250 ${nodes}`,
        `tcp 8080-8080 ${nodes}`,
        `tcp 53-53 ${nodes}`,
        `udp 53-53 ${nodes}`,
        "udp 53-53 10.0.0.0/16",
        "tcp 53-53 10.0.0.0/16",
        "tcp 443-443 0.0.0.0/0",
      ].sort(),
    );
    expect(resourcesOf(json, "aws_vpc_security_group_egress_rule")).toContainEqual(
      expect.objectContaining({ security_group_id: "sg-alb", referenced_security_group_id: nodes, from_port: 8080 }),
    );
  });

  it("describes every rule", () => {
    const rules = [
      ...resourcesOf(json, "aws_vpc_security_group_ingress_rule"),
      ...resourcesOf(json, "aws_vpc_security_group_egress_rule"),
    ];
    for (const rule of rules) expect(rule.description).toMatch(/\w{4,}/);
  });
});
