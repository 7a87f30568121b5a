import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import type { EnvironmentConfig } from "../../src/config/schema";
import { ALB_ALIAS_TTL_SECONDS, HEALTH_CHECKER_TIMEOUT_SECONDS, failoverBudget } from "../../src/failover/budget";
import { failoverBudgets, formatBudgetTable, type StackDocument } from "../../src/failover/report";
import { GLOBAL_OUTPUTS, GlobalStack } from "../../src/stacks/global-stack";
import { RegionalStack } from "../../src/stacks/regional-stack";
import { environmentConfig, testApp } from "../helpers";

function synthesizedStacks(config: EnvironmentConfig) {
  const parse = (json: string) => JSON.parse(json) as StackDocument;
  return {
    global: parse(Testing.synth(new GlobalStack(testApp(), "global", config))),
    regions: config.regions.map((region) => parse(Testing.synth(new RegionalStack(testApp(), config, region)))),
  };
}

describe("failoverBudget", () => {
  it("adds the checks, the checker's timeout and the alias TTL", () => {
    expect(HEALTH_CHECKER_TIMEOUT_SECONDS).toBe(8);
    expect(failoverBudget(30, 3)).toEqual({
      detectionSeconds: 98,
      ttlSeconds: ALB_ALIAS_TTL_SECONDS,
      totalSeconds: 158,
    });
    expect(failoverBudget(10, 3)).toEqual({ detectionSeconds: 38, ttlSeconds: 60, totalSeconds: 98 });
  });
});

describe.each([
  { interval: 10 as const, total: 98 },
  { interval: 30 as const, total: 158 },
])("failoverBudgets from synthesized stacks ($interval s x 3)", ({ interval, total }) => {
  const config = environmentConfig("staging", (input) => {
    input.failover!.healthCheck.requestIntervalSeconds = interval;
  });
  const { global, regions } = synthesizedStacks(config);
  const rows = failoverBudgets(global, regions, GLOBAL_OUTPUTS.healthCheckIds);

  it("covers every routed name, guarded by the primary's origin check", () => {
    expect(rows.map((row) => [row.policy, row.name])).toEqual([
      ["failover", "origin.staging.genai-demo.example.com"],
      ["latency", "api-latency.staging.genai-demo.example.com"],
    ]);
    const failover = rows.filter((row) => row.policy === "failover");
    expect(new Set(failover.map((row) => row.guardedBy))).toEqual(
      new Set(["taipei.origin.staging.genai-demo.example.com"]),
    );
  });

  it(`reads ${interval} s x 3 from the health checks and totals ${total} s`, () => {
    for (const row of rows) {
      expect(row).toMatchObject({
        requestIntervalSeconds: interval,
        failureThreshold: 3,
        ttlSeconds: 60,
        totalSeconds: total,
      });
    }
  });

  it("marks names over the RTO", () => {
    expect(formatBudgetTable(rows, total)).not.toContain("NO");
    expect(formatBudgetTable(rows, total - 1)).toContain(`| ${total} s | NO (${total - 1} s) |`);
  });
});

describe("failoverBudgets on broken wiring", () => {
  it("refuses a routed record without global's health check", () => {
    const { global, regions } = synthesizedStacks(environmentConfig("staging"));
    const records = regions[0]!.resource!.aws_route53_record!;
    const primary = Object.values(records).find((record) => record.failover_routing_policy !== undefined)!;
    delete primary.health_check_id;
    expect(() => failoverBudgets(global, regions, GLOBAL_OUTPUTS.healthCheckIds)).toThrow(
      /routed without a health check/,
    );
  });
});
