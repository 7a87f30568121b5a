import { describe, expect, it } from "vitest";
import { blocksOf, resourcesOf } from "../../helpers";
import { synthCluster } from "./fixture";

const ADMIN_POLICY = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy";

describe("EksCluster: access entries", () => {
  const json = synthCluster({
    adminPrincipalArns: ["arn:aws:iam::111122223333:role/platform-admin", "arn:aws:iam::111122223333:user/jane"],
  });
  const entries = resourcesOf(json, "aws_eks_access_entry");
  const associations = resourcesOf(json, "aws_eks_access_policy_association");

  it("enters every configured admin plus the role running Terraform", () => {
    const [sessionId] = Object.keys(blocksOf(json, "aws_iam_session_context", "data"));
    expect(entries.map((entry) => entry.principal_arn)).toEqual([
      "arn:aws:iam::111122223333:role/platform-admin",
      "arn:aws:iam::111122223333:user/jane",
      `\${data.aws_iam_session_context.${sessionId}.issuer_arn}`,
    ]);
    expect(entries.every((entry) => entry.type === "STANDARD")).toBe(true);
  });

  it("reads the runner's role from its session, not the STS session ARN", () => {
    const [session] = Object.values(blocksOf(json, "aws_iam_session_context", "data"));
    expect(session!.arn).toMatch(/^\$\{data\.aws_caller_identity\.[^.]+\.arn\}$/);
  });

  it("makes each entry a cluster-wide administrator", () => {
    expect(associations).toHaveLength(3);
    for (const association of associations) {
      expect(association).toMatchObject({ policy_arn: ADMIN_POLICY, access_scope: { type: "cluster" } });
      expect(association.principal_arn).toMatch(/^\$\{aws_eks_access_entry\.[^.]+\.principal_arn\}$/);
    }
  });

  it("enters nobody when there are no admins and the runner is left out", () => {
    const none = synthCluster({ adminPrincipalArns: [], grantTerraformRunnerAdmin: false });
    expect(resourcesOf(none, "aws_eks_access_entry")).toEqual([]);
    expect(blocksOf(none, "aws_iam_session_context", "data")).toEqual({});
  });
});
