import { describe, expect, it } from "vitest";
import { dataRecoveryBudget, formatDataBudget, scheduleHours } from "../../src/failover/data-budget";
import type { StackDocument } from "../../src/failover/report";
import { environmentConfig, osakaInsteadOfTaipei, testApp } from "../helpers";
import { Testing } from "cdktf";
import { RegionalStack } from "../../src/stacks/regional-stack";

const synthPrimary = (name: string, change?: Parameters<typeof environmentConfig>[1]): StackDocument => {
  const config = environmentConfig(name, change);
  const primary = config.regions.find((region) => region.role === "primary")!;
  return JSON.parse(Testing.synth(new RegionalStack(testApp(), config, primary))) as StackDocument;
};

describe("the data recovery budget", () => {
  it("gives production (Taipei + Tokyo) snapshot copies: an hour of RPO, promotion not bounded", () => {
    const budget = dataRecoveryBudget(synthPrimary("production"));
    expect(budget).toMatchObject({ strategy: "snapshot-copy", rpoSeconds: 3600 });
    expect(budget.promotionSeconds).toBeUndefined();
    expect(formatDataBudget(budget, 300)).toContain("| snapshot-copy | 3600 s:");
    expect(formatDataBudget(budget, 300)).toContain("NOT PROVEN (300 s)");
  });

  it("follows the configured backup frequency (staging: daily)", () => {
    expect(dataRecoveryBudget(synthPrimary("staging")).rpoSeconds).toBe(86_400);
  });

  it("gives a pair that offers global databases AWS's figures, within the RTO", () => {
    const budget = dataRecoveryBudget(synthPrimary("staging", osakaInsteadOfTaipei));
    expect(budget).toMatchObject({ strategy: "global-database", rpoSeconds: 1, promotionSeconds: 60 });
    expect(formatDataBudget(budget, 300)).toMatch(/\| yes \(300 s\) \|$/);
  });

  it("refuses a primary that copies nothing to another region", () => {
    expect(() => dataRecoveryBudget(synthPrimary("development"))).toThrow(/copies no recovery point/);
  });

  it.each([
    ["cron(0 0/1 * * ? *)", 1],
    ["cron(0 0/6 * * ? *)", 6],
    ["cron(0 0 * * ? *)", 24],
  ])("reads %s as every %i h", (schedule, hours) => {
    expect(scheduleHours(schedule)).toBe(hours);
  });

  it("refuses a schedule it cannot read", () => {
    expect(() => scheduleHours("rate(1 hour)")).toThrow(/unrecognized/);
  });
});

describe("dataRecoveryBudget under dms-cdc", () => {
  const alarm = (metric: string, threshold: number) => ({ metric_name: metric, threshold });
  const link = {
    resource: {
      aws_dms_replication_task: { task: { migration_type: "full-load-and-cdc" } },
      aws_cloudwatch_metric_alarm: {
        a: alarm("CDCLatencySource", 1),
        b: alarm("CDCLatencySource", 5),
        c: alarm("CDCLatencyTarget", 1),
        d: alarm("CDCLatencyTarget", 5),
        other: alarm("CPUUtilization", 80),
      },
    },
  };

  it("reads the RPO from the lag alarms of the link stacks, and the promotion from the runbook figure", () => {
    const budget = dataRecoveryBudget({ resource: {} }, [link]);
    expect(budget).toMatchObject({ strategy: "dms-cdc", rpoSeconds: 1, promotionSeconds: 60 });
    expect(budget.rpoNote).toMatch(/paged past 5 s/);
    expect(formatDataBudget(budget, 300)).toMatch(/\| dms-cdc \| 1 s: .* \| 60 s: .* \| yes \(300 s\) \|/);
  });

  it("refuses a task without lag alarms", () => {
    const bare = { resource: { aws_dms_replication_task: link.resource.aws_dms_replication_task } };
    expect(() => dataRecoveryBudget({ resource: {} }, [bare])).toThrow(/without lag alarms/);
  });
});
