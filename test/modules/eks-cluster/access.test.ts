import { describe, expect, it } from "vitest";
import { blocksOf, resourcesOf } from "../../helpers";
import { synthCluster } from "./fixture";

const ADMIN_POLICY = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy";
const ADMINS = ["arn:aws:iam::111122223333:role/platform-admin", "arn:aws:iam::111122223333:user/jane"];
const hclList = (items: string[]) => `[${items.map((item) => JSON.stringify(item)).join(", ")}]`;

describe("EksCluster: access entries", () => {
  const json = synthCluster({ adminPrincipalArns: ADMINS });
  const [entry] = resourcesOf(json, "aws_eks_access_entry");
  const [entryId] = Object.keys(blocksOf(json, "aws_eks_access_entry"));
  const [sessionId, session] = Object.entries(blocksOf(json, "aws_iam_session_context", "data"))[0]!;

  it("enters every configured admin plus the role running Terraform, each once", () => {
    expect(entry).toMatchObject({ principal_arn: "${each.value}", type: "STANDARD" });
    // The runner is often also a listed admin; EKS refuses two entries for one principal.
    expect(entry!.for_each).toBe(
      `\${toset(distinct(concat(${hclList(ADMINS)}, [data.aws_iam_session_context.${sessionId}.issuer_arn])))}`,
    );
  });

  it("reads the runner's role from its session, not the STS session ARN", () => {
    expect(session.arn).toMatch(/^\$\{data\.aws_caller_identity\.[^.]+\.arn\}$/);
  });

  it("makes each entry a cluster-wide administrator", () => {
    expect(resourcesOf(json, "aws_eks_access_policy_association")).toEqual([
      expect.objectContaining({
        for_each: `\${aws_eks_access_entry.${entryId}}`,
        principal_arn: "${each.value.principal_arn}",
        policy_arn: ADMIN_POLICY,
        access_scope: { type: "cluster" },
      }),
    ]);
  });

  it("enters only the listed admins when the runner is left out", () => {
    const listed = synthCluster({ adminPrincipalArns: ADMINS, grantTerraformRunnerAdmin: false });
    expect(resourcesOf(listed, "aws_eks_access_entry")[0]!.for_each).toBe(`\${toset(${hclList(ADMINS)})}`);
    expect(blocksOf(listed, "aws_iam_session_context", "data")).toEqual({});
  });

  it("enters nobody when there are no admins and the runner is left out", () => {
    const none = synthCluster({ adminPrincipalArns: [], grantTerraformRunnerAdmin: false });
    expect(resourcesOf(none, "aws_eks_access_entry")).toEqual([]);
  });
});
