import { describe, expect, it } from "vitest";
import { blocksOf } from "../../helpers";
import { props, role, synthCluster, CLUSTER } from "./fixture";

type Block = Record<string, unknown>;
const json = synthCluster();
const addons = blocksOf(json, "aws_eks_addon");
const byName = Object.fromEntries(
  Object.entries(addons).map(([id, block]) => [block.addon_name as string, { id, block }]),
);
const [nodeGroupId] = Object.keys(blocksOf(json, "aws_eks_node_group"));
const nodeGroup = blocksOf(json, "aws_eks_node_group")[nodeGroupId!]!;

describe("EksCluster: managed add-ons", () => {
  it("installs the five add-ons at their configured versions, overwriting conflicts", () => {
    expect(Object.fromEntries(Object.entries(byName).map(([name, { block }]) => [name, block.addon_version]))).toEqual({
      "vpc-cni": props.addonVersions.vpcCni,
      "kube-proxy": props.addonVersions.kubeProxy,
      "eks-pod-identity-agent": props.addonVersions.podIdentityAgent,
      coredns: props.addonVersions.coredns,
      "aws-ebs-csi-driver": props.addonVersions.ebsCsiDriver,
    });
    for (const { block } of Object.values(byName)) {
      expect(block).toMatchObject({
        resolve_conflicts_on_create: "OVERWRITE",
        resolve_conflicts_on_update: "OVERWRITE",
      });
    }
  });

  it("installs networking and the Pod Identity agent before any node joins", () => {
    for (const name of ["vpc-cni", "kube-proxy", "eks-pod-identity-agent"]) {
      expect(nodeGroup.depends_on).toContain(`aws_eks_addon.${byName[name]!.id}`);
      expect(byName[name]!.block.depends_on).toBeUndefined();
    }
  });

  it("installs CoreDNS and the EBS CSI driver once nodes exist", () => {
    for (const name of ["coredns", "aws-ebs-csi-driver"]) {
      expect(byName[name]!.block.depends_on).toEqual([`aws_eks_node_group.${nodeGroupId}`]);
      expect(nodeGroup.depends_on).not.toContain(`aws_eks_addon.${byName[name]!.id}`);
    }
  });

  it("gives the EBS CSI controller its role through the add-on's Pod Identity association", () => {
    const ebsRole = role(json, `${CLUSTER}-ebs-csi-driver`);
    expect(byName["aws-ebs-csi-driver"]!.block.pod_identity_association).toEqual([
      { role_arn: ebsRole.ref, service_account: "ebs-csi-controller-sa" },
    ]);
    expect(ebsRole.managedPolicyArns).toEqual(["arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"]);
    const others = Object.values(byName).filter(({ block }) => block.addon_name !== "aws-ebs-csi-driver");
    expect(others.every(({ block }) => (block as Block).pod_identity_association === undefined)).toBe(true);
  });
});
