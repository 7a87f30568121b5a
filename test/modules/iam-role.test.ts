import { describe, expect, it } from "vitest";
import { IamServiceRole, isReadOnlyAction } from "../../modules/iam-role";
import { blocksOf, resourcesOf, synthInStack } from "../helpers";

describe("IamServiceRole", () => {
  const json = synthInStack((stack) => {
    new IamServiceRole(stack, "role", {
      name: "demo-worker",
      description: "Worker",
      trust: { principal: { type: "Service", identifiers: ["ec2.amazonaws.com"] }, actions: ["sts:AssumeRole"] },
      managedPolicies: { ssm: "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore" },
      statements: [{ sid: "ReadBucket", actions: ["s3:GetObject"], resources: ["arn:aws:s3:::demo/*"] }],
    });
  });
  const documents = Object.values(blocksOf(json, "aws_iam_policy_document", "data"));

  it("renders trust and permissions as policy documents", () => {
    expect(documents).toHaveLength(2);
    expect(documents).toEqual(
      expect.arrayContaining([
        {
          statement: [
            {
              effect: "Allow",
              actions: ["sts:AssumeRole"],
              principals: [{ type: "Service", identifiers: ["ec2.amazonaws.com"] }],
            },
          ],
        },
        {
          statement: [
            { sid: "ReadBucket", effect: "Allow", actions: ["s3:GetObject"], resources: ["arn:aws:s3:::demo/*"] },
          ],
        },
      ]),
    );
    const [role] = resourcesOf(json, "aws_iam_role");
    expect(role).toMatchObject({
      name: "demo-worker",
      assume_role_policy: expect.stringMatching(/aws_iam_policy_document\..*\.json/),
    });
  });

  it("attaches managed policies and writes one inline policy", () => {
    expect(resourcesOf(json, "aws_iam_role_policy_attachment")).toEqual([
      expect.objectContaining({ policy_arn: "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore" }),
    ]);
    expect(resourcesOf(json, "aws_iam_role_policy")).toHaveLength(1);
  });

  it("writes no inline policy when there are no statements", () => {
    const bare = synthInStack((stack) => {
      new IamServiceRole(stack, "role", {
        name: "bare",
        description: "Bare",
        trust: { principal: { type: "Service", identifiers: ["ec2.amazonaws.com"] }, actions: ["sts:AssumeRole"] },
      });
    });
    expect(resourcesOf(bare, "aws_iam_role_policy")).toEqual([]);
  });
});

describe("isReadOnlyAction", () => {
  it.each([
    ["ec2:DescribeInstances", true],
    ["s3:GetObject", true],
    ["iam:ListRoles", true],
    ["ec2:CreateTags", false],
    ["elasticloadbalancing:ModifyIpPools", false],
    ["ec2:*", false],
  ])("%s -> %s", (action, readOnly) => {
    expect(isReadOnlyAction(action)).toBe(readOnly);
  });
});
