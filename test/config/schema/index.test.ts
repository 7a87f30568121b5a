import { describe, expect, it } from "vitest";
import { parseEnvironmentConfig } from "../../../src/config/load";
import { environmentConfig, environmentInput } from "../../helpers";
import { type Input, expectSingleProblem, problemsAfter, taipei, tokyo } from "./helpers";

describe("environment schema", () => {
  it.each(["production", "staging", "development"])("accepts the shipped %s environment", (name) => {
    expect(() => parseEnvironmentConfig(environmentInput(name), name)).not.toThrow();
  });

  it("requires exactly one primary region (none)", () => {
    const lines = problemsAfter((input) => (taipei(input).role = "secondary"));
    expectSingleProblem(lines, "regions", null, /exactly one region must have role "primary" \(found 0\)/);
  });

  it("requires exactly one primary region (two)", () => {
    const lines = problemsAfter((input) => (tokyo(input).role = "primary"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /test-source\(production\): regions = \[.*: exactly one region must have role "primary" \(found 2\)/,
    );
  });

  it("rejects a duplicate region key", () => {
    const lines = problemsAfter((input) => (tokyo(input).key = "taipei"));
    expectSingleProblem(
      lines,
      "regions[1].key",
      '"taipei"',
      /region keys must be unique \(regions\[0\] is also "taipei"\)/,
    );
  });

  it("rejects two regions in one AWS region", () => {
    const lines = problemsAfter((input) => (tokyo(input).awsRegion = "ap-east-2"));
    // The AZs then no longer belong to the region either: both are reported.
    expect(
      lines.some((line) => /regions\[1\]\.awsRegion = "ap-east-2": each AWS region may host one stack/.test(line)),
    ).toBe(true);
  });

  it("rejects an unknown AWS region", () => {
    const lines = problemsAfter((input) => (tokyo(input).awsRegion = "ap-northeast-9" as never));
    expectSingleProblem(lines, "regions[1].awsRegion", '"ap-northeast-9"', /must be an AWS region code/);
  });

  it("rejects a malformed CIDR", () => {
    const lines = problemsAfter((input) => (taipei(input).vpcCidr = "10.0.0.0/33"));
    expectSingleProblem(lines, "regions[0].vpcCidr", '"10.0.0.0/33"', /must be an IPv4 CIDR block/);
  });

  it("rejects a VPC larger than /16, which AWS refuses", () => {
    const lines = problemsAfter((input) => (taipei(input).vpcCidr = "10.2.0.0/15"));
    expectSingleProblem(lines, "regions[0].vpcCidr", '"10.2.0.0/15"', /must be a \/16 to \/28 block/);
  });

  it.each([
    ["owner", "platform team (ops)"],
    ["costCenter", "CC#4021"],
    ["owner", "x".repeat(257)],
  ])("rejects %s %s, outside AWS's tag value rules", (field, value) => {
    const lines = problemsAfter((input) => ((input as Record<string, unknown>)[field] = value));
    expectSingleProblem(lines, field, null, /AWS's tag value/);
  });

  it("accepts tag values with AWS's allowed punctuation and non-ASCII letters", () => {
    const config = environmentConfig("production", (input) => {
      input.owner = "平台團隊 platform-team@example.com";
      input.costCenter = "CC:4021/ops+infra=1_a.b";
    });
    expect(config.costCenter).toBe("CC:4021/ops+infra=1_a.b");
  });

  it("rejects a CIDR with host bits set", () => {
    const lines = problemsAfter((input) => (taipei(input).vpcCidr = "10.0.0.1/16"));
    expectSingleProblem(lines, "regions[0].vpcCidr", '"10.0.0.1/16"', /must hold the subnet plan: .*host bits set/);
  });

  it("rejects overlapping VPC CIDRs between regions", () => {
    const lines = problemsAfter((input) => (tokyo(input).vpcCidr = "10.0.0.0/16"));
    expectSingleProblem(
      lines,
      "regions[1].vpcCidr",
      '"10.0.0.0/16"',
      /VPC CIDRs must not overlap between regions \(overlaps regions\[0\]\.vpcCidr 10\.0\.0\.0\/16\)/,
    );
  });

  it("rejects a VPC CIDR too small for the subnet plan", () => {
    const lines = problemsAfter((input) => (tokyo(input).vpcCidr = "10.1.0.0/17"));
    expectSingleProblem(
      lines,
      "regions[1].vpcCidr",
      '"10.1.0.0/17"',
      /must hold the subnet plan: 10\.1\.0\.0\/17 has 32768 addresses but the subnet plan reserves 40960/,
    );
  });

  it("rejects more AZs than the subnet plan has slots", () => {
    const lines = problemsAfter((input) => {
      taipei(input).availabilityZones = ["ap-east-2a", "ap-east-2b", "ap-east-2c", "ap-east-2d", "ap-east-2e"];
    });
    expectSingleProblem(lines, "regions[0].availabilityZones", null, /supports at most 4 availability zones/);
  });

  it("rejects a single AZ", () => {
    const lines = problemsAfter((input) => (taipei(input).availabilityZones = ["ap-east-2a"]));
    expectSingleProblem(lines, "regions[0].availabilityZones", '["ap-east-2a"]', /needs at least 2 availability zones/);
  });

  it("rejects an AZ of another region", () => {
    const lines = problemsAfter((input) => (tokyo(input).availabilityZones[2] = "ap-east-2c"));
    expectSingleProblem(
      lines,
      "regions[1].availabilityZones[2]",
      '"ap-east-2c"',
      /must be an availability zone of ap-northeast-1/,
    );
  });

  it("rejects an invalid domain name", () => {
    const lines = problemsAfter((input) => (input.domain.name = "genai demo.example"));
    expectSingleProblem(lines, "domain.name", '"genai demo.example"', /must be a lower-case DNS name/);
  });

  it("rejects a domain longer than ACM allows for a certificate's subject", () => {
    const name = `${"a".repeat(60)}.example.com`;
    const lines = problemsAfter((input) => (input.domain.name = name));
    expectSingleProblem(lines, "domain.name", JSON.stringify(name), /at most 64 characters \(ACM's limit/);
  });

  it("rejects an invalid e-mail address", () => {
    const lines = problemsAfter((input) => (input.alerts.criticalEmails = ["oncall-at-example.com"]));
    expectSingleProblem(lines, "alerts.criticalEmails[0]", '"oncall-at-example.com"', /must be an e-mail address/);
  });

  it("rejects a log retention CloudWatch does not offer", () => {
    const lines = problemsAfter((input) => (input.network.flowLogRetentionDays = 100));
    expectSingleProblem(
      lines,
      "network.flowLogRetentionDays",
      "100",
      /must be one of the CloudWatch Logs retention periods/,
    );
  });

  it("reports a missing field", () => {
    const lines = problemsAfter((input) => delete (input as Partial<Input>).owner);
    expectSingleProblem(lines, "owner", "(missing)", /expected string, received undefined/);
  });

  it("reports an unknown (misspelt) field", () => {
    const lines = problemsAfter((input) => ((taipei(input) as Record<string, unknown>).vpcCdir = "10.0.0.0/16"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/test-source\(production\): regions\[0\] = .*Unrecognized key: "vpcCdir"/);
  });

  it("rejects the global stack id as a region key", () => {
    const lines = problemsAfter((input) => (tokyo(input).key = "global"));
    expectSingleProblem(lines, "regions[1].key", '"global"', /is the global stack's id/);
  });

  it("rejects names that would overflow the load balancer's 32-character name", () => {
    const lines = problemsAfter((input) => (input.project = "genai-demo-platform"));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /regions\[0\]\.key = "taipei": resource name prefix "genai-demo-platform-production-taipei" .* at most 32 characters/,
    );
  });

  it("reports every problem, one line each", () => {
    const lines = problemsAfter((input) => {
      input.domain.name = "not a domain";
      input.alerts.warningEmails = ["nobody"];
      taipei(input).vpcCidr = "10.0.0.0/33";
    });
    expect(lines).toHaveLength(3);
    expect(lines.join("\n")).toMatch(/domain\.name[\s\S]*alerts\.warningEmails\[0\][\s\S]*regions\[0\]\.vpcCidr/);
  });
});
