import { describe, expect, it } from "vitest";
import { parseEnvironmentConfig } from "../../../src/config/load";
import { environmentInput } from "../../helpers";
import { type Input, expectSingleProblem, problemsAfter } from "./helpers";

const healthCheck = (input: Input) => input.failover!.healthCheck;

describe("failover configuration", () => {
  it("rejects a health-check interval Route 53 does not offer", () => {
    const lines = problemsAfter((input) => (healthCheck(input).requestIntervalSeconds = 20 as never));
    expectSingleProblem(lines, "failover.healthCheck.requestIntervalSeconds", "20", /must be 10 or 30/);
  });

  it.each([0, 11])("rejects failure threshold %i (Route 53 allows 1-10)", (threshold) => {
    const lines = problemsAfter((input) => (healthCheck(input).failureThreshold = threshold));
    expectSingleProblem(lines, "failover.healthCheck.failureThreshold", String(threshold), threshold ? /<=10/ : />=1/);
  });

  it("rejects fewer than three checker regions", () => {
    const lines = problemsAfter((input) => (healthCheck(input).checkerRegions = ["us-east-1", "us-west-2"]));
    expectSingleProblem(lines, "failover.healthCheck.checkerRegions", null, /needs at least 3 checker regions/);
  });

  it("rejects a checker region Route 53 does not run checkers in", () => {
    const lines = problemsAfter((input) => (healthCheck(input).checkerRegions[0] = "ap-east-2" as never));
    expectSingleProblem(
      lines,
      "failover.healthCheck.checkerRegions[0]",
      '"ap-east-2"',
      /must be a Route 53 health checker region/,
    );
  });

  it("rejects failover with no secondary region", () => {
    const lines = problemsAfter((input) => {
      input.regions = [input.regions[0]!];
    });
    expectSingleProblem(lines, "failover", null, /failover routing needs a region with role "secondary"/);
  });

  it("rejects a second secondary region: a failover record set has one SECONDARY", () => {
    const lines = problemsAfter((input) => {
      input.regions.push({
        ...input.regions[1]!,
        key: "seoul",
        awsRegion: "ap-northeast-2",
        vpcCidr: "10.2.0.0/16",
        availabilityZones: ["ap-northeast-2a", "ap-northeast-2b"],
      });
    });
    expectSingleProblem(lines, "regions", null, /only one region may be "secondary" \(found 2\)/);
  });

  it("rejects several serving regions without failover", () => {
    const lines = problemsAfter((input) => {
      delete input.failover;
      delete input.edge;
    });
    expectSingleProblem(lines, "failover", "(missing)", /2 regions serve the same names: configure failover/);
  });

  it("accepts a single region without failover (development)", () => {
    expect(() => parseEnvironmentConfig(environmentInput("development"), "development")).not.toThrow();
  });

  it("rejects an RTO the failover budget cannot meet", () => {
    const lines = problemsAfter((input) => (input.failover!.rtoSeconds = 90));
    expectSingleProblem(lines, "failover.rtoSeconds", "90", /the failover budget is 98 s .* more than this RTO/);
  });

  it("requires production to detect an outage within 30 s", () => {
    const lines = problemsAfter((input) => (healthCheck(input).requestIntervalSeconds = 30));
    expectSingleProblem(lines, "failover.healthCheck", null, /production must detect an outage within 30 s .* is 90\)/);
  });

  it("allows 30 s x 3 outside production", () => {
    const staging = environmentInput("staging") as Input;
    expect(staging.failover!.healthCheck.requestIntervalSeconds).toBe(30);
    expect(() => parseEnvironmentConfig(staging, "staging")).not.toThrow();
  });
});
