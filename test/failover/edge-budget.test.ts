import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { EDGE_IDEMPOTENT_GOAL_SECONDS, edgeFailoverBudget, formatEdgeBudget } from "../../src/failover/edge-budget";
import type { StackDocument } from "../../src/failover/report";
import { GlobalStack } from "../../src/stacks/global-stack";
import { environmentConfig, testApp } from "../helpers";

const globalOf = (change?: Parameters<typeof environmentConfig>[1]) =>
  JSON.parse(
    Testing.synth(new GlobalStack(testApp(), "global", environmentConfig("production", change))),
  ) as StackDocument;

describe("edgeFailoverBudget", () => {
  const budget = edgeFailoverBudget(globalOf())!;

  it("reads the origin group's primary from the synthesized distribution", () => {
    expect(budget).toEqual({
      idempotentPaths: ["/static/*", "/assets/*", "/favicon.ico", "/actuator/health*"],
      connectionAttempts: 2,
      connectionTimeoutSeconds: 2,
      readTimeoutSeconds: 5,
      idempotentSeconds: 14,
      apiOriginName: "origin.genai-demo.example.com",
    });
    expect(budget.idempotentSeconds).toBeLessThanOrEqual(EDGE_IDEMPOTENT_GOAL_SECONDS);
  });

  it("flags idempotent failover slower than the goal", () => {
    const slow = edgeFailoverBudget(
      globalOf((input) => {
        input.edge!.originFailover.connectionAttempts = 3;
        input.edge!.originFailover.readTimeoutSeconds = 10;
      }),
    )!;
    expect(slow.idempotentSeconds).toBe(36);
    expect(formatEdgeBudget(slow, 98, 300)).toContain("| 36 s | NO (15 s) |");
    expect(formatEdgeBudget(budget, 98, 300)).toContain("| 98 s | yes (RTO 300 s) |");
  });

  it("has nothing to say without an edge", () => {
    expect(edgeFailoverBudget(globalOf((input) => delete input.edge))).toBeUndefined();
  });
});
