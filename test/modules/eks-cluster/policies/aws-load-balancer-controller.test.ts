import { describe, expect, it } from "vitest";
import { isReadOnlyAction } from "../../../../modules/iam-role";
import { loadBalancerControllerStatements } from "../../../../modules/eks-cluster/policies/aws-load-balancer-controller";
import published from "../../../../modules/eks-cluster/policies/aws-load-balancer-controller.iam-policy.json";

const statements = loadBalancerControllerStatements("ap-east-2");
const regionOnly = { test: "StringEquals", variable: "aws:RequestedRegion", values: ["ap-east-2"] };

describe("AWS Load Balancer Controller policy", () => {
  it("keeps every published statement, action and resource", () => {
    expect(statements).toHaveLength(published.Statement.length);
    published.Statement.forEach((original, i) => {
      expect(statements[i]!.actions).toEqual([original.Action].flat());
      expect(statements[i]!.resources).toEqual([original.Resource].flat());
    });
  });

  it("keeps the published conditions where there are some", () => {
    const tagged = statements.find((statement) =>
      statement.actions.includes("elasticloadbalancing:CreateLoadBalancer"),
    )!;
    expect(tagged.conditions).toEqual([
      { test: "Null", variable: "aws:RequestTag/elbv2.k8s.aws/cluster", values: ["false"] },
    ]);
  });

  it("limits every unconditioned write on * to the cluster's region", () => {
    const widened = statements.filter(
      (statement) => statement.resources.includes("*") && !statement.actions.every(isReadOnlyAction),
    );
    expect(widened.length).toBeGreaterThan(3);
    for (const statement of widened) expect(statement.conditions!.length).toBeGreaterThan(0);
    const securityGroupWrites = statements.find(
      (statement) => statement.actions.includes("ec2:CreateSecurityGroup") && statement.actions.length === 1,
    )!;
    expect(securityGroupWrites.conditions).toEqual([regionOnly]);
  });

  it("region-limits the published Describe statement too: it carries elasticloadbalancing:ModifyIpPools", () => {
    const describes = statements.find((statement) => statement.actions.includes("ec2:DescribeAccountAttributes"))!;
    expect(describes.actions.filter((action) => !isReadOnlyAction(action))).toEqual([
      "elasticloadbalancing:ModifyIpPools",
    ]);
    expect(describes.conditions).toEqual([regionOnly]);
  });

  it("leaves statements on scoped resources as published", () => {
    const registration = statements.find((statement) =>
      statement.actions.includes("elasticloadbalancing:RegisterTargets"),
    )!;
    expect(registration.resources).toEqual(["arn:aws:elasticloadbalancing:*:*:targetgroup/*/*"]);
    expect(registration.conditions).toEqual([]);
  });
});
