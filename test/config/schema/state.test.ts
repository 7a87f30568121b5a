import { describe, expect, it } from "vitest";
import { type Input, expectSingleProblem, problemsAfter } from "./helpers";

const cloud =
  (extra: Record<string, unknown> = {}) =>
  (input: Input) => {
    input.state = {
      backend: "cloud",
      organization: "acme",
      workspacePrefix: "genai-demo-production",
      ...extra,
    } as Input["state"];
  };

describe("state: the cloud backend", () => {
  it("refuses an organization name HCP Terraform would refuse", () => {
    expectSingleProblem(
      problemsAfter(cloud({ organization: "acme corp" })),
      "state.organization",
      '"acme corp"',
      /letters, digits, dashes and underscores/,
    );
  });

  it("refuses a project name outside 3 to 40 characters or with an outer space", () => {
    expectSingleProblem(problemsAfter(cloud({ project: "ab" })), "state.project", '"ab"', /3 to 40/);
    expectSingleProblem(problemsAfter(cloud({ project: " genai" })), "state.project", '" genai"', /inner spaces/);
    expectSingleProblem(problemsAfter(cloud({ project: "x".repeat(41) })), "state.project", null, /3 to 40/);
  });

  it("refuses agent execution without an agent pool, and a pool without agent execution", () => {
    expectSingleProblem(
      problemsAfter(cloud({ executionMode: "agent" })),
      "state.agentPoolId",
      "(missing)",
      /required with executionMode "agent"/,
    );
    expectSingleProblem(
      problemsAfter(cloud({ agentPoolId: "apool-abc123" })),
      "state.agentPoolId",
      '"apool-abc123"',
      /only with executionMode "agent"/,
    );
    expectSingleProblem(
      problemsAfter(cloud({ executionMode: "agent", agentPoolId: "pool-1" })),
      "state.agentPoolId",
      '"pool-1"',
      /agent pool id/,
    );
  });

  it("refuses a workspace prefix HCP Terraform would refuse once a stack id is added", () => {
    expectSingleProblem(
      problemsAfter(cloud({ workspacePrefix: "Genai_Demo" })),
      "state.workspacePrefix",
      '"Genai_Demo"',
      /lower-case letters, digits and dashes/,
    );
    expectSingleProblem(
      problemsAfter(cloud({ workspacePrefix: "p".repeat(80) })),
      "state.workspacePrefix",
      null,
      /lower-case letters, digits and dashes/,
    );
  });

  it("refuses a region keyed like the Terraform Cloud stack", () => {
    const lines = problemsAfter((input) => {
      cloud()(input);
      input.regions[1]!.key = "terraform-cloud";
    });
    expect(lines).toContainEqual(
      expect.stringMatching(/regions\[1\]\.key = "terraform-cloud": .*Terraform Cloud stack's id/),
    );
  });
});
