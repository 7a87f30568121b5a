import { describe, expect, it } from "vitest";
import { loadBalancerControllerStatements } from "../../../../modules/eks-cluster/policies/aws-load-balancer-controller";
import published from "../../../../modules/eks-cluster/policies/aws-load-balancer-controller.iam-policy.json";
import { isReadOnlyAction } from "../../../../modules/iam-role";

const statements = loadBalancerControllerStatements("ap-east-2");
const regionOnly = (...regions: string[]) => [
  { test: "StringEquals", variable: "aws:RequestedRegion", values: regions },
];
const allActions = (list: { actions: string[] }[]) => list.flatMap((statement) => statement.actions).sort();

describe("AWS Load Balancer Controller policy", () => {
  it("keeps every published action", () => {
    expect(allActions(statements)).toEqual(
      published.Statement.flatMap((statement) => [statement.Action].flat()).sort(),
    );
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
    const writesOnAny = statements.filter(
      (statement) => statement.resources.includes("*") && !statement.actions.every(isReadOnlyAction),
    );
    expect(writesOnAny.length).toBeGreaterThan(3);
    for (const statement of writesOnAny) expect(statement.conditions?.length).toBeGreaterThan(0);
    const securityGroups = statements.find((statement) => statement.actions.includes("ec2:CreateSecurityGroup"))!;
    expect(securityGroups.conditions).toEqual(regionOnly("ap-east-2"));
  });

  it("lets a statement with IAM or Shield calls reach us-east-1, where their APIs live", () => {
    const global = statements.find((statement) => statement.actions.includes("shield:CreateProtection"))!;
    expect(global.actions).toContain("iam:ListServerCertificates");
    expect(global.conditions).toEqual(regionOnly("ap-east-2", "us-east-1"));
  });

  it("keeps the published EC2 describes in the region too: the statement carries ModifyIpPools", () => {
    const describes = statements.find((statement) => statement.actions.includes("ec2:DescribeAccountAttributes"))!;
    expect(describes.actions.filter((action) => !isReadOnlyAction(action))).toEqual([
      "elasticloadbalancing:ModifyIpPools",
    ]);
    expect(describes.conditions).toEqual(regionOnly("ap-east-2"));
  });

  it("leaves statements on scoped resources as published", () => {
    const registration = statements.find((statement) =>
      statement.actions.includes("elasticloadbalancing:RegisterTargets"),
    )!;
    expect(registration.resources).toEqual(["arn:aws:elasticloadbalancing:*:*:targetgroup/*/*"]);
    expect(registration.conditions).toBeUndefined();
  });
});
