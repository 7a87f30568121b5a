import { EksCluster } from "@cdktf/provider-aws/lib/eks-cluster";
import { describe, expect, it } from "vitest";
import { blocksOf, resourcesOf } from "../../helpers";
import { CLUSTER, logicalIdOf, role, synthCluster } from "./fixture";

type Block = Record<string, unknown>;
const json = synthCluster();
const [cluster] = resourcesOf(json, "aws_eks_cluster") as [Block];
const keys = blocksOf(json, "aws_kms_key");
const keyBehind = (reference: unknown) => keys[logicalIdOf(reference)]!;

describe("EksCluster: control plane", () => {
  it("runs the configured Kubernetes version, kept until Terraform moves it, on the private subnets", () => {
    expect(json).toHaveResourceWithProperties(EksCluster, {
      name: CLUSTER,
      version: "1.34",
      // STANDARD would let EKS upgrade the cluster behind Terraform's back.
      upgrade_policy: { support_type: "EXTENDED" },
      vpc_config: expect.objectContaining({ subnet_ids: ["subnet-a", "subnet-b", "subnet-c"] }),
    });
  });

  it("sends all five control-plane log types to a KMS-encrypted group it creates first", () => {
    expect(cluster.enabled_cluster_log_types).toEqual([
      "api",
      "audit",
      "authenticator",
      "controllerManager",
      "scheduler",
    ]);
    const [logGroup] = Object.entries(blocksOf(json, "aws_cloudwatch_log_group"));
    expect(logGroup![1]).toMatchObject({ name: `/aws/eks/${CLUSTER}/cluster`, retention_in_days: 365 });
    expect(keyBehind(logGroup![1].kms_key_id).enable_key_rotation).toBe(true);
    expect(cluster.depends_on).toContain(`aws_cloudwatch_log_group.${logGroup![0]}`);
  });

  it("envelope-encrypts secrets with its own rotating key", () => {
    const encryption = cluster.encryption_config as { provider: { key_arn: string }; resources: string[] };
    expect(encryption.resources).toEqual(["secrets"]);
    const key = keyBehind(encryption.provider.key_arn);
    expect(key).toMatchObject({ enable_key_rotation: true, lifecycle: { prevent_destroy: true } });
    expect((key.tags as Block).Name).toBe(`${CLUSTER}-eks-secrets`);
  });

  it("uses access entries only, with no implicit creator admin, and no self-managed add-ons", () => {
    expect(cluster.access_config).toEqual({
      authentication_mode: "API",
      bootstrap_cluster_creator_admin_permissions: false,
    });
    expect(cluster.bootstrap_self_managed_addons).toBe(false);
  });

  it("keeps the endpoint private and opens the public one only to the allow-list", () => {
    expect(cluster.vpc_config).toMatchObject({
      endpoint_private_access: true,
      endpoint_public_access: true,
      public_access_cidrs: ["203.0.113.0/24"],
    });
  });

  it("is private only when the allow-list is empty", () => {
    const [privateOnly] = resourcesOf(synthCluster({ publicAccessCidrs: [] }), "aws_eks_cluster");
    expect(privateOnly!.vpc_config).toMatchObject({ endpoint_private_access: true, endpoint_public_access: false });
    expect((privateOnly!.vpc_config as Block).public_access_cidrs).toBeUndefined();
  });

  it("is deletion-protected with protected keys by default, and neither when told", () => {
    expect(cluster.deletion_protection).toBe(true);
    const relaxed = synthCluster({ protection: "destroy" });
    expect(resourcesOf(relaxed, "aws_eks_cluster")[0]!.deletion_protection).toBe(false);
    expect(resourcesOf(relaxed, "aws_kms_key").every((key) => (key.lifecycle as Block).prevent_destroy === false)).toBe(
      true,
    );
  });

  it("gives the control plane the EKS cluster policy and only its secrets key", () => {
    const clusterRole = role(json, `${CLUSTER}-eks-cluster`);
    expect(cluster.role_arn).toBe(clusterRole.ref);
    expect(clusterRole.trust).toEqual([
      expect.objectContaining({
        actions: ["sts:AssumeRole", "sts:TagSession"],
        principals: [{ type: "Service", identifiers: ["eks.amazonaws.com"] }],
      }),
    ]);
    expect(clusterRole.managedPolicyArns).toEqual(["arn:aws:iam::aws:policy/AmazonEKSClusterPolicy"]);
    expect(clusterRole.statements).toEqual([
      expect.objectContaining({
        actions: ["kms:Encrypt", "kms:Decrypt", "kms:ListGrants", "kms:DescribeKey"],
        resources: [(cluster.encryption_config as { provider: { key_arn: string } }).provider.key_arn],
      }),
    ]);
  });
});
