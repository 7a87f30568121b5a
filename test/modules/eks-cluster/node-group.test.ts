import { LaunchTemplate } from "@cdktf/provider-aws/lib/launch-template";
import { describe, expect, it } from "vitest";
import { blocksOf, resourcePolicyStatements, resourcesOf } from "../../helpers";
import { CLUSTER, logicalIdOf, props, role, synthCluster } from "./fixture";

type Block = Record<string, unknown>;
const json = synthCluster();
const [nodeGroup] = resourcesOf(json, "aws_eks_node_group") as [Block];
const templates = blocksOf(json, "aws_launch_template");
const template = templates[logicalIdOf((nodeGroup.launch_template as Block).id)]!;

describe("EksCluster: managed node groups", () => {
  it("requires IMDSv2 with hop limit 1, so pods cannot reach the node role's credentials", () => {
    expect(json).toHaveResourceWithProperties(LaunchTemplate, {
      metadata_options: {
        http_endpoint: "enabled",
        http_tokens: "required",
        http_put_response_hop_limit: 1,
        instance_metadata_tags: "disabled",
      },
    });
  });

  it("boots from an encrypted gp3 root volume of the configured size, under its own key", () => {
    const [mapping] = template.block_device_mappings as Block[];
    expect(mapping).toMatchObject({
      device_name: "/dev/xvda",
      ebs: { volume_size: 50, volume_type: "gp3", encrypted: "true", delete_on_termination: "true" },
    });
    const key = blocksOf(json, "aws_kms_key")[logicalIdOf((mapping!.ebs as Block).kms_key_id)]!;
    expect(key.enable_key_rotation).toBe(true);
    // Auto Scaling launches the nodes: its service-linked role must be able to use the key.
    const statements = resourcePolicyStatements(key.policy);
    const autoscaling = {
      AWS: [expect.stringMatching(/role\/aws-service-role\/autoscaling.amazonaws.com\/AWSServiceRoleForAutoScaling$/)],
    };
    expect(statements).toContainEqual(
      expect.objectContaining({ Principal: autoscaling, Action: expect.arrayContaining(["kms:Decrypt"]) }),
    );
    expect(statements).toContainEqual(
      expect.objectContaining({
        Principal: autoscaling,
        Action: ["kms:CreateGrant"],
        Condition: { Bool: { "kms:GrantIsForAWSResource": ["true"] } },
      }),
    );
  });

  it("puts nodes in the node security group only", () => {
    const [group] = Object.entries(blocksOf(json, "aws_security_group")).filter(
      ([, block]) => block.name === `${CLUSTER}-eks-nodes`,
    );
    expect(template.vpc_security_group_ids).toEqual([`\${aws_security_group.${group![0]}.id}`]);
  });

  it("sizes, types, labels and rolls the group as configured, in the private subnets", () => {
    expect(nodeGroup).toMatchObject({
      node_group_name: `${CLUSTER}-general`,
      ami_type: "AL2023_x86_64_STANDARD",
      capacity_type: "ON_DEMAND",
      instance_types: ["m6i.large", "m5.large"],
      scaling_config: { min_size: 2, desired_size: 3, max_size: 10 },
      update_config: { max_unavailable_percentage: 33 },
      labels: { workload: "general" },
      subnet_ids: props.subnetIds,
    });
    expect((nodeGroup.launch_template as Block).version).toMatch(/\.latest_version\}$/);
  });

  it("leaves the desired size to the cluster autoscaler after creation", () => {
    expect(nodeGroup.lifecycle).toEqual({ ignore_changes: ["scaling_config[0].desired_size"] });
  });

  it("carries the cluster autoscaler's auto-discovery tags", () => {
    expect(nodeGroup.tags).toMatchObject({
      "k8s.io/cluster-autoscaler/enabled": "true",
      [`k8s.io/cluster-autoscaler/${CLUSTER}`]: "owned",
    });
  });

  it("gives nodes only the worker, CNI and ECR read-only policies", () => {
    const nodeRole = role(json, `${CLUSTER}-eks-node`);
    expect(nodeGroup.node_role_arn).toBe(nodeRole.ref);
    expect(nodeRole.managedPolicyArns).toEqual([
      "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
      "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
      "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
    ]);
    expect(nodeRole.statements).toEqual([]);
    expect(nodeRole.trust).toEqual([
      expect.objectContaining({ principals: [{ type: "Service", identifiers: ["ec2.amazonaws.com"] }] }),
    ]);
  });

  it("adds one group, with its own template and stable name, per configured entry", () => {
    const two = synthCluster({
      nodeGroups: {
        ...props.nodeGroups,
        spot: {
          instanceTypes: ["m7g.large"],
          amiType: "AL2023_ARM_64_STANDARD",
          capacityType: "SPOT",
          minSize: 0,
          desiredSize: 0,
          maxSize: 5,
          diskSizeGiB: 40,
          maxUnavailablePercentage: 50,
        },
      },
    });
    const groups = blocksOf(two, "aws_eks_node_group");
    expect(Object.values(groups).map((group) => group.node_group_name)).toEqual([
      `${CLUSTER}-general`,
      `${CLUSTER}-spot`,
    ]);
    expect(Object.keys(groups)[0]).toBe(Object.keys(blocksOf(json, "aws_eks_node_group"))[0]);
    expect(Object.values(groups)[1]).toMatchObject({
      capacity_type: "SPOT",
      ami_type: "AL2023_ARM_64_STANDARD",
      update_config: { max_unavailable_percentage: 50 },
    });
    expect(resourcesOf(two, "aws_launch_template")).toHaveLength(2);
  });
});
