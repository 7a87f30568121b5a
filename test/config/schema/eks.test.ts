import { describe, expect, it } from "vitest";
import { parseEnvironmentConfig } from "../../../src/config/load";
import { isArmInstanceType } from "../../../src/config/schema/eks";
import { environmentInput } from "../../helpers";
import { type Input, expectSingleProblem, problemsAfter, taipei, tokyo } from "./helpers";

const general = (input: Input) => taipei(input).eks.nodeGroups.general!;

describe("EKS configuration", () => {
  it("rejects desired size above max size", () => {
    const lines = problemsAfter((input) => (taipei(input).eks.nodeGroups.general!.desiredSize = 11));
    expectSingleProblem(
      lines,
      "regions[0].eks.nodeGroups.general.desiredSize",
      "11",
      /minSize <= desiredSize <= maxSize \(got 2 <= 11 <= 10\)/,
    );
  });

  it("rejects min size above desired size", () => {
    const lines = problemsAfter((input) => (tokyo(input).eks.nodeGroups.general!.minSize = 3));
    expectSingleProblem(lines, "regions[1].eks.nodeGroups.general.desiredSize", "2", /got 3 <= 2 <= 10/);
  });

  it("rejects a production EKS endpoint open to 0.0.0.0/0", () => {
    const lines = problemsAfter((input) => (taipei(input).eks.publicAccessCidrs = ["0.0.0.0/0"]));
    expectSingleProblem(
      lines,
      "regions[0].eks.publicAccessCidrs",
      '["0.0.0.0/0"]',
      /production must not open the EKS API endpoint to 0\.0\.0\.0\/0/,
    );
  });

  it("allows an open EKS endpoint outside production", () => {
    const input = environmentInput("development") as Input;
    taipei(input).eks.publicAccessCidrs = ["0.0.0.0/0"];
    expect(() => parseEnvironmentConfig(input, "development")).not.toThrow();
  });

  it("rejects an out-of-support Kubernetes version (too old)", () => {
    const lines = problemsAfter((input) => (taipei(input).eks.kubernetesVersion = "1.28"));
    expectSingleProblem(
      lines,
      "regions[0].eks.kubernetesVersion",
      '"1.28"',
      /must be between 1\.34 and 1\.36 \(EKS standard support/,
    );
  });

  it("rejects 1.33, whose standard support ended in July 2026", () => {
    const lines = problemsAfter((input) => (taipei(input).eks.kubernetesVersion = "1.33"));
    expectSingleProblem(lines, "regions[0].eks.kubernetesVersion", '"1.33"', /must be between 1\.34 and 1\.36/);
  });

  it("rejects an empty label value and a label key over EKS's 63 characters", () => {
    const lines = problemsAfter((input) => (general(input).labels = { team: "", ["a".repeat(64)]: "x" }));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/labels\.team = "": label values must be 1-63/);
    expect(lines[1]).toMatch(/at most 63 characters in all/);
  });

  it("rejects a Kubernetes version newer than this project supports", () => {
    const lines = problemsAfter((input) => (taipei(input).eks.kubernetesVersion = "1.99"));
    expectSingleProblem(lines, "regions[0].eks.kubernetesVersion", '"1.99"', /must be between 1\.34 and 1\.36/);
  });

  it("rejects a Kubernetes version that is not a minor version", () => {
    const lines = problemsAfter((input) => (taipei(input).eks.kubernetesVersion = "1.34.2"));
    expectSingleProblem(lines, "regions[0].eks.kubernetesVersion", '"1.34.2"', /must be a Kubernetes minor version/);
  });

  it("rejects an add-on version that is not an EKS add-on version string", () => {
    const lines = problemsAfter((input) => (tokyo(input).eks.addonVersions.coredns = "1.12.4"));
    expectSingleProblem(
      lines,
      "regions[1].eks.addonVersions.coredns",
      '"1.12.4"',
      /must be an EKS add-on version such as v1\.20\.4-eksbuild\.1/,
    );
  });

  it("rejects a kube-proxy build of another Kubernetes version", () => {
    const lines = problemsAfter((input) => (taipei(input).eks.addonVersions.kubeProxy = "v1.33.6-eksbuild.2"));
    expectSingleProblem(
      lines,
      "regions[0].eks.addonVersions.kubeProxy",
      '"v1.33.6-eksbuild.2"',
      /must be a kube-proxy build of the cluster's Kubernetes version 1\.34/,
    );
  });

  it("rejects an admin principal that is not an IAM role or user ARN", () => {
    const session = "arn:aws:sts::111122223333:assumed-role/admin/jane";
    const lines = problemsAfter((input) => (input.kubernetes.adminPrincipalArns = [session]));
    expectSingleProblem(
      lines,
      "kubernetes.adminPrincipalArns[0]",
      JSON.stringify(session),
      /must be an IAM role or user ARN/,
    );
  });

  it("accepts role and user ARNs with paths, and rejects listing one twice", () => {
    const arns = ["arn:aws:iam::111122223333:role/ops/platform-admin", "arn:aws:iam::111122223333:user/jane"];
    const input = environmentInput() as Input;
    input.kubernetes.adminPrincipalArns = arns;
    expect(() => parseEnvironmentConfig(input, "test")).not.toThrow();
    const lines = problemsAfter((changed) => (changed.kubernetes.adminPrincipalArns = [arns[0]!, arns[0]!]));
    expectSingleProblem(lines, "kubernetes.adminPrincipalArns", null, /must not list a principal twice/);
  });

  it("rejects a capacity type other than ON_DEMAND or SPOT", () => {
    const lines = problemsAfter((input) => (general(input).capacityType = "RESERVED" as never));
    expectSingleProblem(
      lines,
      "regions[0].eks.nodeGroups.general.capacityType",
      '"RESERVED"',
      /must be "ON_DEMAND" or "SPOT"/,
    );
  });

  it("rejects an empty instance type list", () => {
    const lines = problemsAfter((input) => (general(input).instanceTypes = []));
    expectSingleProblem(
      lines,
      "regions[0].eks.nodeGroups.general.instanceTypes",
      "[]",
      /must list at least one instance type/,
    );
  });

  it("rejects an instance type whose architecture does not match the AMI", () => {
    const lines = problemsAfter((input) => (general(input).instanceTypes = ["m6i.large", "m7g.large"]));
    expectSingleProblem(
      lines,
      "regions[0].eks.nodeGroups.general.instanceTypes[1]",
      '"m7g.large"',
      /must be an x86_64 instance type to match amiType AL2023_x86_64_STANDARD/,
    );
  });

  it("accepts Graviton types with the ARM AMI", () => {
    const input = environmentInput() as Input;
    Object.assign(general(input), { amiType: "AL2023_ARM_64_STANDARD", instanceTypes: ["m7g.large", "c7gn.xlarge"] });
    expect(() => parseEnvironmentConfig(input, "test")).not.toThrow();
  });

  it.each([
    ["m6i.large", false],
    ["m7i-flex.large", false],
    ["g5.xlarge", false],
    ["t4g.medium", true],
    ["r8gd.2xlarge", true],
  ])("classifies %s as ARM: %s", (type, arm) => {
    expect(isArmInstanceType(type)).toBe(arm);
  });

  it("rejects a group without node groups", () => {
    const lines = problemsAfter((input) => (taipei(input).eks.nodeGroups = {}));
    expectSingleProblem(lines, "regions[0].eks.nodeGroups", "{}", /needs at least one node group/);
  });

  it("rejects a node group larger than EKS allows", () => {
    const lines = problemsAfter((input) => (general(input).maxSize = 451));
    expectSingleProblem(lines, "regions[0].eks.nodeGroups.general.maxSize", "451", /<=450/);
  });

  it("rejects a Kubernetes label key Kubernetes would refuse", () => {
    const lines = problemsAfter((input) => (general(input).labels = { "team name": "ai" }));
    expectSingleProblem(
      lines,
      "regions[0].eks.nodeGroups.general.labels.team name",
      '"ai"',
      /label key "team name" must be \[prefix\/\]name/,
    );
  });

  it("rejects a control-plane log retention CloudWatch does not offer", () => {
    const lines = problemsAfter((input) => (input.kubernetes.controlPlaneLogRetentionDays = 10));
    expectSingleProblem(
      lines,
      "kubernetes.controlPlaneLogRetentionDays",
      "10",
      /must be one of the CloudWatch Logs retention periods/,
    );
  });
});
