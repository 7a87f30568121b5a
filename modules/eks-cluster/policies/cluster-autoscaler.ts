import type { PolicyStatement } from "../../iam-role";

/**
 * What the cluster autoscaler needs: to read every Auto Scaling group and instance type (it
 * discovers groups by tag), and to resize or shrink only the groups tagged as this cluster's.
 */
export function clusterAutoscalerStatements(clusterName: string, nodeGroupArns: string[]): PolicyStatement[] {
  return [
    {
      sid: "DiscoverGroupsAndInstanceTypes",
      actions: [
        "autoscaling:DescribeAutoScalingGroups",
        "autoscaling:DescribeAutoScalingInstances",
        "autoscaling:DescribeLaunchConfigurations",
        "autoscaling:DescribeScalingActivities",
        "autoscaling:DescribeTags",
        "ec2:DescribeImages",
        "ec2:DescribeInstanceTypes",
        "ec2:DescribeLaunchTemplateVersions",
        "ec2:GetInstanceTypesFromInstanceRequirements",
      ],
      resources: ["*"],
    },
    {
      sid: "ReadOwnNodeGroups",
      actions: ["eks:DescribeNodegroup"],
      resources: nodeGroupArns,
    },
    {
      sid: "ScaleOwnGroupsOnly",
      actions: [
        "autoscaling:SetDesiredCapacity",
        "autoscaling:TerminateInstanceInAutoScalingGroup",
        "autoscaling:UpdateAutoScalingGroup",
      ],
      resources: ["*"],
      conditions: [
        {
          test: "StringEquals",
          variable: `aws:ResourceTag/k8s.io/cluster-autoscaler/${clusterName}`,
          values: ["owned"],
        },
      ],
    },
  ];
}
