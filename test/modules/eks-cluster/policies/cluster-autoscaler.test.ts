import { describe, expect, it } from "vitest";
import { isReadOnlyAction } from "../../../../modules/iam-role";
import { clusterAutoscalerStatements } from "../../../../modules/eks-cluster/policies/cluster-autoscaler";

const statements = clusterAutoscalerStatements("demo-taipei", [
  "arn:aws:eks:ap-east-2:111122223333:nodegroup/demo-taipei/general/x",
]);

describe("cluster autoscaler policy", () => {
  it("describes on * with read-only actions only", () => {
    const onAny = statements.filter(
      (statement) => statement.conditions === undefined && statement.resources.includes("*"),
    );
    expect(onAny).toHaveLength(1);
    expect(onAny[0]!.actions.every(isReadOnlyAction)).toBe(true);
  });

  it("scales and terminates only in groups tagged as this cluster's", () => {
    const writes = statements.filter((statement) => !statement.actions.every(isReadOnlyAction));
    expect(writes).toEqual([
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
            variable: "aws:ResourceTag/k8s.io/cluster-autoscaler/demo-taipei",
            values: ["owned"],
          },
        ],
      },
    ]);
  });

  it("reads only its own node groups from EKS", () => {
    const eks = statements.find((statement) => statement.actions.includes("eks:DescribeNodegroup"))!;
    expect(eks.resources).toEqual(["arn:aws:eks:ap-east-2:111122223333:nodegroup/demo-taipei/general/x"]);
  });
});
